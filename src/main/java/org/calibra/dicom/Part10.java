package org.calibra.dicom;

/** A parsed Part 10 file: its file meta group, its data set and the transfer syntax the data set was read in. */
public record Part10(DataSet meta, DataSet data, TransferSyntax transferSyntax) {

    public boolean hasPixelData() {
        return data.contains(Tags.PixelData) || data.contains(Tags.FloatPixelData) || data.contains(Tags.DoubleFloatPixelData);
    }
}
