package org.calibra.dicom;

/**
 * A Part 10 file read up to its top-level Pixel Data ({@link DicomReader#readHeader}): the file meta group, the data
 * set's elements before the pixel data (nested ones included), the transfer syntax, and where the pixel data lies —
 * null when the data set ended without any.
 */
public record Part10Header(DataSet meta, DataSet data, TransferSyntax transferSyntax, PixelDataLocation pixelData) {}
