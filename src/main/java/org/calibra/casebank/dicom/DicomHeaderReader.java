package org.calibra.casebank.dicom;

import org.calibra.shared.PatientPlane;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A small reader for the header of DICOM Part 10 files (PS3.10): the file meta group, then the data set
 * in explicit or implicit VR little endian, explicit VR big endian or deflated explicit VR little endian.
 * It walks elements up to Pixel Data, skipping sequences of defined and undefined length, and keeps the
 * few attributes in {@link DicomHeader}. Pixel data is never decoded here: the viewer's codecs do that.
 * (ADR 0003: dcm4che is not on Maven Central, so the server keeps its DICOM needs this small.)
 */
public final class DicomHeaderReader {

    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";

    private static final int PIXEL_DATA = 0x7FE00010;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final long UNDEFINED = 0xFFFFFFFFL;
    /** VRs whose explicit encoding has a 2-byte reserved field and a 4-byte length (PS3.5 7.1.2). */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

    /** Free text that travels with the image to the browser; content checks look for answers in it. */
    private static final java.util.Map<Integer, String> DESCRIPTIONS = java.util.Map.of(
            0x00081030, "StudyDescription (0008,1030)", 0x0008103E, "SeriesDescription (0008,103E)",
            0x00081080, "AdmittingDiagnosesDescription (0008,1080)", 0x00082111, "DerivationDescription (0008,2111)",
            0x00181030, "ProtocolName (0018,1030)", 0x00184000, "AcquisitionComments (0018,4000)",
            0x00204000, "ImageComments (0020,4000)", 0x00321060, "RequestedProcedureDescription (0032,1060)");

    private DicomHeaderReader() {
    }

    public static DicomHeader read(byte[] file) throws DicomFormatException {
        return read(ByteBuffer.wrap(file));
    }

    /**
     * Reads the header of a file without copying it onto the heap: the file is memory-mapped, and only the kept
     * attributes' values are copied (DICOMweb reads headers of blobs on demand).
     */
    public static DicomHeader read(java.nio.file.Path path) throws DicomFormatException, java.io.IOException {
        try (var channel = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new DicomFormatException("file is " + channel.size() + " bytes; files over 2 GiB are not supported");
            }
            return read(channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    private static DicomHeader read(ByteBuffer whole) throws DicomFormatException {
        byte[] marker = new byte[4];
        if (whole.limit() >= 132) {
            whole.get(128, marker);
        }
        if (whole.limit() < 132 || !"DICM".equals(new String(marker, StandardCharsets.US_ASCII))) {
            throw new DicomFormatException("not a DICOM Part 10 file (no 'DICM' marker after the 128-byte preamble)");
        }
        int fileLength = whole.limit();
        var meta = new Cursor(whole.duplicate().order(ByteOrder.LITTLE_ENDIAN), true, 0, false);
        meta.buf.position(132);
        var values = new Values();
        // File meta information: group 0002, always explicit VR little endian.
        while (meta.buf.remaining() >= 8 && (meta.peekTag() >>> 16) == 0x0002) {
            meta.element(values, 0);
        }
        if (meta.buf.remaining() < 8) {
            throw new DicomFormatException("file is truncated at byte " + fileLength
                    + ": it ends in or right after the file meta information, before any data set");
        }
        String ts = values.transferSyntax;
        if (ts == null) {
            throw new DicomFormatException("file meta information has no Transfer Syntax UID (0002,0010)");
        }
        int dataStart = meta.buf.position();
        Cursor data = switch (ts) {
            case IMPLICIT_LE -> new Cursor(meta.buf.slice().order(ByteOrder.LITTLE_ENDIAN), false, dataStart, false);
            case EXPLICIT_BE -> new Cursor(meta.buf.slice().order(ByteOrder.BIG_ENDIAN), true, dataStart, false);
            case DEFLATED_LE -> new Cursor(ByteBuffer.wrap(inflate(whole, dataStart)).order(ByteOrder.LITTLE_ENDIAN), true, 0, true);
            default -> new Cursor(meta.buf.slice().order(ByteOrder.LITTLE_ENDIAN), true, dataStart, false); // all encapsulated syntaxes are explicit LE
        };
        while (data.buf.remaining() >= 8 && !values.pixelData) {
            data.element(values, 0);
        }
        if (!values.pixelData && data.buf.hasRemaining()) {
            // 1..7 bytes left: too few for an element header, so the file was cut in the middle of one.
            data.need(8, data.buf.remaining() >= 4 ? data.peekTag() : 0);
        }
        return values.toHeader();
    }

    /** The inflated data set of a deflated file (its bytes from {@code offset}). */
    public static byte[] inflate(ByteBuffer whole, int offset) throws DicomFormatException {
        var inflater = new Inflater(true);
        inflater.setInput(whole.duplicate().position(offset));
        var out = new ByteArrayOutputStream(Math.max(1024, (whole.limit() - offset) * 3));
        byte[] chunk = new byte[64 * 1024];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
            }
            if (!inflater.finished()) {
                throw new DicomFormatException("deflated data set is truncated: the file ends before the end of its deflate stream");
            }
        } catch (DataFormatException e) {
            throw new DicomFormatException("deflated data set is corrupt: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    /** Collected attribute values; only top-level elements (depth 0) count. */
    private static final class Values {
        String transferSyntax, sopClass, sopInstance, study, series, modality;
        final java.util.Map<String, String> descriptions = new java.util.LinkedHashMap<>();
        int rows, columns, frames = 1;
        Double rowSpacing, columnSpacing;
        String position, orientation;
        boolean pixelData;
        PixelDataLocation pixels;
        boolean signedPixels;
        final java.util.Map<Integer, DicomAttribute> attributes = new java.util.HashMap<>();

        void accept(int tag, String vr, byte[] raw, ByteOrder order) throws DicomFormatException {
            String known = MetadataTags.VR.get(tag);
            if (known != null) {
                // the file's own VR when explicit (US or SS for pixel values), the dictionary's for implicit files and UN
                String effective = vr == null || "UN".equals(vr) ? known : vr;
                if ((vr == null || "UN".equals(vr)) && signedPixels && (tag == 0x00280106 || tag == 0x00280107 || tag == 0x00280120)) {
                    effective = "SS"; // US or SS by Pixel Representation (0028,0103), which comes before them
                }
                attributes.put(tag, new DicomAttribute(tag, effective, raw, order == ByteOrder.BIG_ENDIAN));
            }
            switch (tag) {
                case 0x00020010 -> transferSyntax = text(raw);
                case 0x00080016 -> sopClass = text(raw);
                case 0x00080018 -> sopInstance = text(raw);
                case 0x0020000D -> study = text(raw);
                case 0x0020000E -> series = text(raw);
                case 0x00080060 -> modality = text(raw);
                case 0x00081030, 0x0008103E, 0x00081080, 0x00082111, 0x00181030, 0x00184000, 0x00204000, 0x00321060 -> {
                    String value = text(raw);
                    if (!value.isEmpty()) {
                        descriptions.put(DESCRIPTIONS.get(tag), value);
                    }
                }
                case 0x00280103 -> signedPixels = raw.length >= 2 && unsignedShort(raw, order, "Pixel Representation (0028,0103)") == 1;
                case 0x00280010 -> rows = unsignedShort(raw, order, "Rows (0028,0010)");
                case 0x00280011 -> columns = unsignedShort(raw, order, "Columns (0028,0011)");
                case 0x00280008 -> {
                    frames = integerString(text(raw), "Number of Frames (0028,0008)");
                    if (frames < 1) {
                        throw new DicomFormatException("Number of Frames (0028,0008) must be at least 1, found " + frames);
                    }
                }
                case 0x00280030 -> spacing(text(raw));
                case 0x00200032 -> position = text(raw);
                case 0x00200037 -> orientation = text(raw);
                default -> { }
            }
        }

        private void spacing(String s) throws DicomFormatException {
            String[] parts = s.split("\\\\");
            try {
                if (parts.length == 2) {
                    rowSpacing = Double.parseDouble(parts[0].trim());
                    columnSpacing = Double.parseDouble(parts[1].trim());
                }
            } catch (NumberFormatException e) {
                throw new DicomFormatException("Pixel Spacing (0028,0030) is not two decimal numbers: '" + s + "'");
            }
        }

        DicomHeader toHeader() throws DicomFormatException {
            if (!pixelData) {
                throw new DicomFormatException("no Pixel Data (7FE0,0010): the file holds no image");
            }
            if (rows <= 0 || columns <= 0) {
                throw new DicomFormatException("Rows (0028,0010) and Columns (0028,0011) must be present and > 0, found " + rows + " x " + columns);
            }
            return new DicomHeader(transferSyntax, sopClass, sopInstance, study, series, modality, rows, columns,
                    frames, rowSpacing, columnSpacing, true, descriptions, PatientPlane.parse(position, orientation), attributes, pixels);
        }
    }

    private static String text(byte[] raw) {
        return new String(raw, StandardCharsets.ISO_8859_1).replace("\0", "").trim();
    }

    private static int unsignedShort(byte[] raw, ByteOrder order, String what) throws DicomFormatException {
        if (raw.length < 2) {
            throw new DicomFormatException(what + " has " + raw.length + " bytes, expected 2");
        }
        return ByteBuffer.wrap(raw).order(order).getShort() & 0xFFFF;
    }

    private static int integerString(String s, String what) throws DicomFormatException {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new DicomFormatException(what + " is not an integer: '" + s + "'");
        }
    }

    /** Reads elements from a buffer in one encoding. */
    private static final class Cursor {
        final ByteBuffer buf;
        final boolean explicit;
        /** Offset of {@code buf}'s first byte in the file, so messages give file positions. */
        final int base;
        /** The buffer holds the inflated data set of a deflated file, whose positions are not file positions. */
        final boolean inflated;

        Cursor(ByteBuffer buf, boolean explicit, int base, boolean inflated) {
            this.buf = buf;
            this.explicit = explicit;
            this.base = base;
            this.inflated = inflated;
        }

        int peekTag() {
            int p = buf.position();
            return tagAt(p);
        }

        private int tagAt(int p) {
            int group = buf.getShort(p) & 0xFFFF;
            int element = buf.getShort(p + 2) & 0xFFFF;
            return (group << 16) | element;
        }

        void element(Values values, int depth) throws DicomFormatException {
            int start = buf.position();
            int tag = tagAt(start);
            buf.position(start + 4);
            String vr = null;
            long length;
            if ((tag >>> 16) == 0xFFFE) { // item / delimiters never carry a VR
                length = buf.getInt() & UNDEFINED;
            } else if (explicit) {
                need(2, tag);
                vr = new String(new byte[] {buf.get(), buf.get()}, StandardCharsets.US_ASCII);
                if (LONG_VRS.contains(vr)) {
                    need(6, tag);
                    buf.getShort();
                    length = buf.getInt() & UNDEFINED;
                } else {
                    need(2, tag);
                    length = buf.getShort() & 0xFFFF;
                }
            } else {
                need(4, tag);
                length = buf.getInt() & UNDEFINED;
            }
            if (tag == PIXEL_DATA && depth == 0) {
                // The frames themselves are the viewer's business, but they must all be in the file.
                if (length == UNDEFINED) {
                    values.pixels = fragments(tag); // encapsulated fragments up to the sequence delimiter
                } else {
                    need(length, tag);
                    values.pixels = new PixelDataLocation(filePosition(), length, false, java.util.List.of(), new long[0], inflated);
                }
                values.pixelData = true;
                return;
            }
            if (length == UNDEFINED && "UN".equals(vr)) {
                // PS3.5 6.2.2: a UN element of undefined length is a sequence encoded in implicit VR little endian.
                var implicit = new Cursor(buf.duplicate().order(ByteOrder.LITTLE_ENDIAN), false, base, inflated);
                implicit.skipUndefined(values, depth, tag);
                buf.position(implicit.buf.position());
                return;
            }
            if (length == UNDEFINED) {
                skipUndefined(values, depth, tag);
                return;
            }
            need(length, tag);
            if (depth == 0 && (length <= 1024 || MetadataTags.LARGE.contains(tag) && length <= 1 << 20) && (tag >>> 16) != 0x7FE0) {
                byte[] raw = new byte[(int) length];
                buf.get(raw);
                values.accept(tag, vr, raw, buf.order());
            } else {
                buf.position(buf.position() + (int) length);
            }
        }

        private long filePosition() {
            return (long) base + buf.position();
        }

        /** Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table item, then one item per fragment, then the delimiter. */
        private PixelDataLocation fragments(int pixelTag) throws DicomFormatException {
            var list = new java.util.ArrayList<PixelDataLocation.Fragment>();
            long[] table = null;
            long firstValue = -1;
            while (true) {
                need(8, pixelTag);
                long itemOffset = filePosition();
                int tag = tagAt(buf.position());
                buf.position(buf.position() + 4);
                long length = buf.getInt() & UNDEFINED;
                if (tag == SEQUENCE_END) {
                    break;
                }
                if (tag != ITEM || length == UNDEFINED) {
                    throw new DicomFormatException(String.format("malformed encapsulated pixel data at byte %d: expected an item (FFFE,E000) of defined length, found (%04X,%04X)",
                            itemOffset, tag >>> 16, tag & 0xFFFF));
                }
                need(length, tag);
                if (table == null) {
                    table = new long[(int) (length / 4)];
                    for (int i = 0; i < table.length; i++) {
                        table[i] = buf.getInt(buf.position() + 4 * i) & UNDEFINED;
                    }
                } else {
                    list.add(new PixelDataLocation.Fragment(itemOffset, filePosition(), length));
                    if (firstValue < 0) {
                        firstValue = filePosition();
                    }
                }
                buf.position(buf.position() + (int) length);
            }
            return new PixelDataLocation(firstValue, -1, true, list, table == null ? new long[0] : table, inflated);
        }

        /** A sequence (or encapsulated data) of undefined length: items until the sequence delimiter. */
        private void skipUndefined(Values values, int depth, int sequenceTag) throws DicomFormatException {
            while (true) {
                need(8, sequenceTag);
                int tag = tagAt(buf.position());
                buf.position(buf.position() + 4);
                long length = buf.getInt() & UNDEFINED;
                if (tag == SEQUENCE_END) {
                    return;
                }
                if (tag != ITEM) {
                    throw new DicomFormatException(String.format("malformed sequence: expected an item (FFFE,E000), found (%04X,%04X)", tag >>> 16, tag & 0xFFFF));
                }
                if (length != UNDEFINED) {
                    need(length, tag);
                    buf.position(buf.position() + (int) length);
                } else {
                    while (true) {
                        need(8, sequenceTag);
                        if (tagAt(buf.position()) == ITEM_END) {
                            buf.position(buf.position() + 8);
                            break;
                        }
                        element(values, depth + 1);
                    }
                }
            }
        }

        private void need(long n, int tag) throws DicomFormatException {
            if (buf.remaining() < n) {
                String where = inflated
                        ? String.format("the deflated data set is truncated at byte %d after inflation", buf.position())
                        : String.format("file is truncated at byte %d", base + buf.position());
                throw new DicomFormatException(String.format("%s (element (%04X,%04X) needs %d more bytes, %d left)",
                        where, tag >>> 16, tag & 0xFFFF, n, buf.remaining()));
            }
        }
    }
}
