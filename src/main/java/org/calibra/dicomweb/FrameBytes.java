package org.calibra.dicomweb;

import java.util.List;
import java.util.Map;
import org.calibra.casebank.dicom.DicomHeader;
import org.calibra.dicom.DicomException;
import org.calibra.dicom.PixelDataLocation;
import org.calibra.dicom.UnsupportedDicomException;
import org.springframework.http.HttpStatus;

/**
 * Where one frame's bytes lie in a local DICOM file, and how they are labelled (PS3.18 8.7.3.5): native pixel
 * data is sent as it is stored — little endian, so as Explicit VR Little Endian (a big-endian or deflated file's
 * frames are not served: retrieve the instance) — and an encapsulated frame as its compressed fragments, with its
 * own media type and transfer syntax.
 */
final class FrameBytes {

    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT_LE = "1.2.840.10008.1.2";

    /** Byte ranges [offset, offset + length) of the file, in order; {@code mediaType} of the part. */
    record Frame(List<long[]> ranges, String mediaType, String transferSyntax) {
        long length() {
            return ranges.stream().mapToLong(r -> r[1]).sum();
        }
    }

    /** Media types of compressed frames (PS3.18 Table 8.7.3-2); octet-stream otherwise. */
    private static final Map<String, String> COMPRESSED_TYPES = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.4.50", "image/jpeg"), Map.entry("1.2.840.10008.1.2.4.51", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.57", "image/jpeg"), Map.entry("1.2.840.10008.1.2.4.70", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.80", "image/jls"), Map.entry("1.2.840.10008.1.2.4.81", "image/jls"),
            Map.entry("1.2.840.10008.1.2.4.90", "image/jp2"), Map.entry("1.2.840.10008.1.2.4.91", "image/jp2"),
            Map.entry("1.2.840.10008.1.2.4.92", "image/jpx"), Map.entry("1.2.840.10008.1.2.4.93", "image/jpx"),
            Map.entry("1.2.840.10008.1.2.5", "image/dicom-rle"),
            Map.entry("1.2.840.10008.1.2.4.201", "image/jphc"), Map.entry("1.2.840.10008.1.2.4.202", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.4.203", "image/jphc"));

    private FrameBytes() {
    }

    /** Whether frames of this file can be served from file ranges (what the viewer uses wadors for). */
    static boolean servable(DicomHeader h) {
        String ts = h.transferSyntaxUid();
        PixelDataLocation p = h.pixelData();
        if (p == null || p.inDeflatedDataSet()) {
            return false;
        }
        return p.encapsulated() || EXPLICIT_LE.equals(ts) || IMPLICIT_LE.equals(ts);
    }

    /** The media type frames of this file are sent as. */
    static String mediaType(DicomHeader h) {
        return h.pixelData() != null && h.pixelData().encapsulated()
                ? COMPRESSED_TYPES.getOrDefault(h.transferSyntaxUid(), "application/octet-stream") : "application/octet-stream";
    }

    static String transferSyntax(DicomHeader h) {
        return h.pixelData() != null && h.pixelData().encapsulated() ? h.transferSyntaxUid() : EXPLICIT_LE;
    }

    /** Frame {@code number} (1-based, already checked against the frame count): where the codec found it. */
    static Frame frame(DicomHeader h, int number) {
        if (!servable(h)) {
            throw new DicomWebException(HttpStatus.NOT_ACCEPTABLE, "frames of this instance (transfer syntax " + h.transferSyntaxUid()
                    + ") are not served; retrieve the whole instance as application/dicom");
        }
        try {
            return new Frame(h.pixelData().frame(number), mediaType(h), transferSyntax(h));
        } catch (UnsupportedDicomException e) {
            throw new DicomWebException(HttpStatus.NOT_IMPLEMENTED, e.getMessage() + "; retrieve the whole instance");
        } catch (DicomException e) {
            throw new DicomWebException(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
        }
    }
}
