package org.calibra.dicomweb;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.dicom.DicomAttribute;
import org.calibra.casebank.dicom.DicomHeader;
import org.calibra.casebank.dicom.PixelDataLocation;
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

    /** Frame {@code number} (1-based, already checked against the frame count). */
    static Frame frame(DicomHeader h, int number) {
        if (!servable(h)) {
            throw new DicomWebException(HttpStatus.NOT_ACCEPTABLE, "frames of this instance (transfer syntax " + h.transferSyntaxUid()
                    + ") are not served; retrieve the whole instance as application/dicom");
        }
        PixelDataLocation p = h.pixelData();
        List<long[]> ranges = p.encapsulated() ? encapsulated(h, p, number) : List.of(nativeRange(h, p, number));
        return new Frame(ranges, mediaType(h), transferSyntax(h));
    }

    private static long[] nativeRange(DicomHeader h, PixelDataLocation p, int number) {
        int samples = unsigned(h, 0x00280002, 1);
        int bitsAllocated = unsigned(h, 0x00280100, 16);
        long frameBits = (long) h.rows() * h.columns() * samples * bitsAllocated;
        if (h.numberOfFrames() == 1) {
            return new long[] {p.valueOffset(), p.valueLength()};
        }
        if (frameBits % 8 != 0) {
            throw new DicomWebException(HttpStatus.NOT_IMPLEMENTED, "frames of " + bitsAllocated
                    + "-bit pixel data do not start on byte boundaries; retrieve the whole instance");
        }
        long size = frameBits / 8;
        long offset = p.valueOffset() + (number - 1) * size;
        if (offset + size > p.valueOffset() + p.valueLength()) {
            throw new DicomWebException(HttpStatus.INTERNAL_SERVER_ERROR, "the stored pixel data holds fewer than " + number + " frames of " + size + " bytes");
        }
        return new long[] {offset, size};
    }

    /** One fragment per frame, all fragments for a single frame, or the Basic Offset Table's grouping. */
    private static List<long[]> encapsulated(DicomHeader h, PixelDataLocation p, int number) {
        var fragments = p.fragments();
        int frames = h.numberOfFrames();
        if (frames == 1) {
            return fragments.stream().map(f -> new long[] {f.offset(), f.length()}).toList();
        }
        if (fragments.size() == frames) {
            var f = fragments.get(number - 1);
            return List.of(new long[] {f.offset(), f.length()});
        }
        long[] table = p.basicOffsetTable();
        if (table.length != frames || fragments.isEmpty()) {
            throw new DicomWebException(HttpStatus.NOT_IMPLEMENTED, "cannot tell which of the " + fragments.size() + " fragments belong to frame "
                    + number + ": the file has " + frames + " frames and no usable Basic Offset Table; retrieve the whole instance");
        }
        long first = fragments.get(0).itemOffset();
        long start = first + table[number - 1];
        long end = number < frames ? first + table[number] : Long.MAX_VALUE;
        List<long[]> ranges = new ArrayList<>();
        fragments.stream().filter(f -> f.itemOffset() >= start && f.itemOffset() < end).forEach(f -> ranges.add(new long[] {f.offset(), f.length()}));
        return ranges;
    }

    private static int unsigned(DicomHeader h, int tag, int fallback) {
        DicomAttribute a = h.attributes().get(tag);
        if (a == null || a.value().length < 2) {
            return fallback;
        }
        return ByteBuffer.wrap(a.value()).order(a.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
    }
}
