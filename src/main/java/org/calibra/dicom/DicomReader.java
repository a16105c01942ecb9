package org.calibra.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a whole DICOM Part 10 file (PS3.10 7.1) into {@link DataSet}s: the explicit VR little endian meta group,
 * then the data set in its transfer syntax. Handles sequences and items of defined and undefined length,
 * encapsulated pixel data (fragments kept as they are), explicit VR big endian (binary values swapped to
 * little endian while reading), deflated data sets, and an explicit {@code UN} of undefined length (implicit
 * VR little endian inside, PS3.5 6.2.2). Group length elements of the data set are dropped: they are retired
 * and would be wrong after any change. Every error names the byte offset and what was expected.
 */
public final class DicomReader {

    private static final int UNDEFINED = -1;

    private byte[] buf;
    private int pos;
    private boolean explicitVr = true;
    private boolean bigEndian;

    private DicomReader(byte[] buf, int pos) {
        this.buf = buf;
        this.pos = pos;
    }

    public static Part10 read(byte[] bytes) {
        if (bytes.length < 132 || !"DICM".equals(new String(bytes, 128, 4, StandardCharsets.US_ASCII))) {
            throw new DicomException("not DICOM: a Part 10 file has 'DICM' at byte 128 after a 128-byte preamble"
                    + (bytes.length < 132 ? " (the file has only " + bytes.length + " bytes)" : ""));
        }
        var r = new DicomReader(bytes, 132);
        DataSet meta = r.readMeta();
        String tsUid = meta.string(Tags.TransferSyntaxUID);
        if (tsUid == null || tsUid.isBlank()) {
            throw new DicomException("the file meta group has no TransferSyntaxUID (0002,0010)");
        }
        TransferSyntax ts = TransferSyntax.of(tsUid.trim());
        if (ts.deflated()) {
            r.buf = inflate(bytes, r.pos);
            r.pos = 0;
        }
        r.explicitVr = ts.explicitVr();
        r.bigEndian = ts.bigEndian();
        DataSet data = new DataSet();
        r.readInto(data, r.buf.length, false);
        return new Part10(meta, data, ts);
    }

    private DataSet readMeta() {
        DataSet meta = new DataSet();
        while (pos + 4 <= buf.length && u16(pos) == 0x0002) {
            Element e = readElement(meta, buf.length);
            meta.put(e);
        }
        return meta;
    }

    /** Reads elements into {@code ds} until {@code end}, or until an item delimiter when {@code inUndefinedItem}. */
    private void readInto(DataSet ds, int end, boolean inUndefinedItem) {
        while (pos < end) {
            int tag = peekTag();
            if (tag == Tags.ITEM_DELIMITATION) {
                pos += 8;
                if (!inUndefinedItem) {
                    throw new DicomException("unexpected item delimiter at byte " + (pos - 8) + " outside an item");
                }
                return;
            }
            if (tag == Tags.SEQUENCE_DELIMITATION && !inUndefinedItem) {
                // a few writers end a defined-length item with a stray delimiter; skip it
                pos += 8;
                continue;
            }
            Element e = readElement(ds, end);
            if ((e.tag() & 0xFFFF) != 0 || Tags.group(e.tag()) == 0x0002) {
                ds.put(e);
            }
        }
        if (inUndefinedItem) {
            throw new DicomException("truncated: an item of undefined length has no item delimiter before byte " + end);
        }
    }

    private Element readElement(DataSet context, int end) {
        int start = pos;
        int tag = readTag();
        String vr;
        long length;
        if (explicitVr) {
            need(2, start, tag);
            vr = new String(buf, pos, 2, StandardCharsets.US_ASCII);
            pos += 2;
            if (!Vrs.isKnown(vr)) {
                throw new DicomException("element " + Tags.format(tag) + " at byte " + start + " has VR '" + printable(vr)
                        + "', which is not a DICOM VR: the file is corrupt or not in its declared transfer syntax");
            }
            if (Vrs.LONG.contains(vr)) {
                need(6, start, tag);
                pos += 2;
                length = u32(pos);
                pos += 4;
            } else {
                need(2, start, tag);
                length = u16(pos);
                pos += 2;
            }
        } else {
            need(4, start, tag);
            vr = implicitVr(tag, context);
            length = u32(pos);
            pos += 4;
        }
        if (length == 0xFFFFFFFFL) {
            return undefinedLength(tag, vr, start);
        }
        if (pos + length > end) {
            throw new DicomException("truncated: element " + Tags.describe(tag) + " at byte " + start + " declares " + length
                    + " bytes but only " + (end - pos) + " remain");
        }
        int len = (int) length;
        if ("SQ".equals(vr)) {
            return Element.sequence(tag, readItems(pos + len, start, tag));
        }
        byte[] value = Arrays.copyOfRange(buf, pos, pos + len);
        pos += len;
        if (bigEndian) {
            swap(value, Vrs.swapUnit(vr));
        }
        return Element.of(tag, vr, value);
    }

    private Element undefinedLength(int tag, String vr, int start) {
        if (tag == Tags.PixelData) {
            return new Element(tag, "OB", null, null, readFragments(start));
        }
        // implicit VR: an unknown or private element of undefined length can only be a sequence
        if ("SQ".equals(vr) || "UN".equals(vr) || !explicitVr) {
            boolean wasExplicit = explicitVr;
            boolean wasBig = bigEndian;
            if ("UN".equals(vr)) { // PS3.5 6.2.2: implicit VR little endian inside
                explicitVr = false;
                bigEndian = false;
            }
            List<DataSet> items = readItems(UNDEFINED, start, tag);
            explicitVr = wasExplicit;
            bigEndian = wasBig;
            return Element.sequence(tag, items);
        }
        throw new DicomException("element " + Tags.describe(tag) + " at byte " + start + " has VR " + vr
                + " with undefined length, which only sequences and pixel data may have");
    }

    /** Items up to {@code end}, or up to a sequence delimiter when {@code end} is UNDEFINED. */
    private List<DataSet> readItems(int end, int seqStart, int seqTag) {
        List<DataSet> items = new ArrayList<>();
        while (end == UNDEFINED ? true : pos < end) {
            int itemStart = pos;
            if (pos + 8 > buf.length) {
                throw new DicomException("truncated: sequence " + Tags.describe(seqTag) + " starting at byte " + seqStart
                        + " ends before its " + (end == UNDEFINED ? "sequence delimiter" : "declared length"));
            }
            int tag = readTag();
            long length = u32(pos);
            pos += 4;
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                if (end == UNDEFINED) {
                    return items;
                }
                continue;
            }
            if (tag != Tags.ITEM) {
                throw new DicomException("sequence " + Tags.describe(seqTag) + ": expected an item (FFFE,E000) at byte " + itemStart
                        + ", found " + Tags.format(tag));
            }
            DataSet item = new DataSet();
            if (length == 0xFFFFFFFFL) {
                readInto(item, buf.length, true);
            } else {
                if (pos + length > buf.length || (end != UNDEFINED && pos + length > end)) {
                    throw new DicomException("truncated: an item of " + Tags.describe(seqTag) + " at byte " + itemStart
                            + " declares " + length + " bytes beyond the end of its sequence or file");
                }
                readInto(item, pos + (int) length, false);
            }
            items.add(item);
        }
        return items;
    }

    private List<byte[]> readFragments(int start) {
        List<byte[]> fragments = new ArrayList<>();
        while (true) {
            if (pos + 8 > buf.length) {
                throw new DicomException("truncated: encapsulated pixel data starting at byte " + start + " has no sequence delimiter");
            }
            int at = pos;
            int tag = readTag();
            long length = u32(pos);
            pos += 4;
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                return fragments;
            }
            if (tag != Tags.ITEM) {
                throw new DicomException("encapsulated pixel data: expected a fragment item (FFFE,E000) at byte " + at + ", found " + Tags.format(tag));
            }
            if (pos + length > buf.length) {
                throw new DicomException("truncated: pixel data fragment at byte " + at + " declares " + length + " bytes but only "
                        + (buf.length - pos) + " remain");
            }
            fragments.add(Arrays.copyOfRange(buf, pos, pos + (int) length));
            pos += (int) length;
        }
    }

    /** The dictionary's VR; "US or SS" pixel values are resolved from the PixelRepresentation read so far. */
    private static String implicitVr(int tag, DataSet context) {
        if (tag == Tags.PixelData) {
            return "OW"; // PS3.5 A.1: implicit VR pixel data is OW (same bytes as OB in little endian)
        }
        if (Tags.group(tag) == 0xFFFE) {
            return "UN";
        }
        String vr = Dictionary.vr(tag);
        if ("US".equals(vr) && ((tag >= 0x00280106 && tag <= 0x00280111) || tag == 0x00280120)) {
            Integer rep = context.integer(Tags.PixelRepresentation);
            return rep != null && rep == 1 ? "SS" : "US";
        }
        return vr;
    }

    private int peekTag() {
        if (pos + 4 > buf.length) {
            throw new DicomException("truncated: " + (buf.length - pos) + " stray byte(s) at byte " + pos + " where an element should start");
        }
        int g = u16(pos);
        int e = u16(pos + 2);
        return g << 16 | e;
    }

    private int readTag() {
        int tag = peekTag();
        pos += 4;
        return tag;
    }

    private void need(int n, int start, int tag) {
        if (pos + n > buf.length) {
            throw new DicomException("truncated: element " + Tags.format(tag) + " at byte " + start + " is cut off at the end of the file");
        }
    }

    private int u16(int at) {
        return bigEndian ? (buf[at] & 0xFF) << 8 | (buf[at + 1] & 0xFF) : (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8;
    }

    private long u32(int at) {
        if (bigEndian) {
            return ((long) (buf[at] & 0xFF) << 24) | (buf[at + 1] & 0xFF) << 16 | (buf[at + 2] & 0xFF) << 8 | (buf[at + 3] & 0xFF);
        }
        return ((long) (buf[at + 3] & 0xFF) << 24) | (buf[at + 2] & 0xFF) << 16 | (buf[at + 1] & 0xFF) << 8 | (buf[at] & 0xFF);
    }

    static void swap(byte[] v, int unit) {
        if (unit <= 1) {
            return;
        }
        for (int i = 0; i + unit <= v.length; i += unit) {
            for (int a = i, b = i + unit - 1; a < b; a++, b--) {
                byte t = v[a];
                v[a] = v[b];
                v[b] = t;
            }
        }
    }

    private static byte[] inflate(byte[] bytes, int from) {
        var inflater = new Inflater(true); // PS3.5 A.5: raw deflate, no zlib header
        inflater.setInput(bytes, from, bytes.length - from);
        var out = new ByteArrayOutputStream(Math.max(1024, (bytes.length - from) * 4));
        byte[] chunk = new byte[65536];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
            }
        } catch (DataFormatException e) {
            throw new DicomException("the deflated data set cannot be inflated: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    private static String printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? s : "\\x" + Integer.toHexString(s.charAt(0)) + "\\x" + Integer.toHexString(s.charAt(1));
    }
}
