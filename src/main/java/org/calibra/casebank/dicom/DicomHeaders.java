package org.calibra.casebank.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.DicomException;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.Dictionary;
import org.calibra.dicom.Element;
import org.calibra.dicom.Part10Header;
import org.calibra.dicom.Tags;
import org.calibra.shared.PatientPlane;

/**
 * A {@link DicomHeader} from a Part 10 file: the codec ({@link DicomReader#readHeader}) reads up to the pixel data and
 * says where it lies; this keeps the top-level attributes casebank and DICOMweb use and checks that the file holds an
 * image (pixel data, rows and columns, a readable frame count and pixel spacing). Errors are
 * {@link DicomFormatException}s in words: the codec's own (truncated at byte N, not DICOM) or this class's.
 */
public final class DicomHeaders {

    /** Free text that travels with the image to the browser; content checks look for answers in it. */
    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            Tags.StudyDescription, "StudyDescription (0008,1030)", Tags.SeriesDescription, "SeriesDescription (0008,103E)",
            0x00081080, "AdmittingDiagnosesDescription (0008,1080)", 0x00082111, "DerivationDescription (0008,2111)",
            0x00181030, "ProtocolName (0018,1030)", 0x00184000, "AcquisitionComments (0018,4000)",
            0x00204000, "ImageComments (0020,4000)", 0x00321060, "RequestedProcedureDescription (0032,1060)");
    /** Values larger than this are not kept (except {@link MetadataTags#LARGE}, up to 1 MiB): headers are cached by the thousand. */
    private static final int MAX_VALUE = 1024;

    private DicomHeaders() {
    }

    public static DicomHeader read(byte[] file) throws DicomFormatException {
        try {
            return of(DicomReader.readHeader(file));
        } catch (DicomException e) {
            throw new DicomFormatException(e.getMessage());
        }
    }

    /** From a file on disk, memory-mapped: only the header's pages are read (DICOMweb reads headers of blobs on demand). */
    public static DicomHeader read(Path file) throws DicomFormatException, IOException {
        try {
            return of(DicomReader.readHeader(file));
        } catch (DicomException e) {
            throw new DicomFormatException(e.getMessage());
        }
    }

    static DicomHeader of(Part10Header p) throws DicomFormatException {
        DataSet data = p.data();
        Map<Integer, Element> attributes = new HashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        Element ts = p.meta().get(Tags.TransferSyntaxUID);
        attributes.put(ts.tag(), ts);
        int rows = 0, columns = 0, frames = 1;
        Double[] spacing = {null, null};
        for (Element e : data.view()) {
            int tag = e.tag();
            if (e.value() == null || !small(e)) {
                continue;
            }
            if (MetadataTags.kept(tag)) {
                // the file's own VR when explicit (US or SS for pixel values); the dictionary's for UN
                attributes.put(tag, "UN".equals(e.vr()) ? Element.of(tag, Dictionary.vr(tag, data), e.value()) : e);
            }
            if (DESCRIPTIONS.containsKey(tag) && !e.text().isEmpty()) {
                descriptions.put(DESCRIPTIONS.get(tag), e.text());
            }
            switch (tag) {
                case Tags.Rows -> rows = unsignedShort(e, "Rows (0028,0010)");
                case Tags.Columns -> columns = unsignedShort(e, "Columns (0028,0011)");
                case Tags.NumberOfFrames -> frames = frames(e.text());
                case Tags.PixelSpacing -> spacing = spacing(e.text());
                default -> { }
            }
        }
        if (p.pixelData() == null) {
            throw new DicomFormatException("no Pixel Data (7FE0,0010): the file holds no image");
        }
        if (rows <= 0 || columns <= 0) {
            throw new DicomFormatException("Rows (0028,0010) and Columns (0028,0011) must be present and > 0, found " + rows + " x " + columns);
        }
        return new DicomHeader(ts.text(), text(data, Tags.SOPClassUID), text(data, Tags.SOPInstanceUID), text(data, Tags.StudyInstanceUID),
                text(data, Tags.SeriesInstanceUID), text(data, Tags.Modality), rows, columns, frames, spacing[0], spacing[1], true,
                descriptions, PatientPlane.parse(text(data, Tags.ImagePositionPatient), text(data, Tags.ImageOrientationPatient)),
                attributes, p.pixelData());
    }

    private static boolean small(Element e) {
        return e.value().length <= MAX_VALUE || MetadataTags.LARGE.contains(e.tag()) && e.value().length <= 1 << 20;
    }

    private static String text(DataSet data, int tag) {
        Element e = data.get(tag);
        return e == null || e.value() == null || !small(e) ? null : e.text();
    }

    private static int unsignedShort(Element e, String what) throws DicomFormatException {
        if (e.value().length < 2) {
            throw new DicomFormatException(what + " has " + e.value().length + " bytes, expected 2");
        }
        return (int) Element.of(e.tag(), "US", java.util.Arrays.copyOf(e.value(), 2)).longs()[0];
    }

    private static int frames(String s) throws DicomFormatException {
        int n;
        try {
            n = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new DicomFormatException("Number of Frames (0028,0008) is not an integer: '" + s + "'");
        }
        if (n < 1) {
            throw new DicomFormatException("Number of Frames (0028,0008) must be at least 1, found " + n);
        }
        return n;
    }

    private static Double[] spacing(String s) throws DicomFormatException {
        String[] parts = s.split("\\\\");
        try {
            return parts.length == 2 ? new Double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())} : new Double[] {null, null};
        } catch (NumberFormatException e) {
            throw new DicomFormatException("Pixel Spacing (0028,0030) is not two decimal numbers: '" + s + "'");
        }
    }
}
