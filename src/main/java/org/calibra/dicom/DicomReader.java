package org.calibra.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Part 10 reader (PS3.10 7.1): the explicit VR little endian meta group, then the data set in its transfer
 * syntax. Handles sequences and items of defined and undefined length, encapsulated pixel data (fragments kept as
 * they are), explicit VR big endian (binary values swapped to little endian while reading), deflated data sets, and
 * an explicit {@code UN} of undefined length (implicit VR little endian inside, PS3.5 6.2.2). Group length elements
 * of the data set are dropped: they are retired and would be wrong after any change.
 *
 * <p>Two modes. {@link #read} reads the whole file. {@link #readHeader} reads up to the top-level Pixel Data, does not
 * copy it, and reports where it lies ({@link PixelDataLocation}: the native value, or each fragment and the Basic
 * Offset Table); from a {@link Path} the file is memory-mapped, so only the header's pages are touched. Every error
 * names the byte offset and what was expected.
 */
public final class DicomReader {

    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int UNTIL_DELIMITER = -1;

    private ByteBuffer buf;
    private int pos;
    private boolean inflated;
    private boolean explicitVr = true;
    private final boolean headerOnly;
    private int depth;
    private PixelDataLocation pixels;

    private DicomReader(ByteBuffer file, boolean headerOnly) {
        this.buf = file.order(ByteOrder.LITTLE_ENDIAN);
        this.headerOnly = headerOnly;
    }

    /** The whole file. */
    public static Part10 read(byte[] bytes) {
        var r = new DicomReader(ByteBuffer.wrap(bytes), false);
        DataSet meta = r.readMeta();
        TransferSyntax ts = r.startDataSet(meta);
        DataSet data = new DataSet();
        r.readInto(data, r.buf.limit(), false);
        return new Part10(meta, data, ts);
    }

    /** The meta group and the data set up to the top-level Pixel Data, and where the pixel data lies. */
    public static Part10Header readHeader(byte[] bytes) {
        return readHeader(ByteBuffer.wrap(bytes));
    }

    /** As {@link #readHeader(byte[])}, with the file memory-mapped rather than read onto the heap. */
    public static Part10Header readHeader(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new DicomException("the file is " + channel.size() + " bytes; files over 2 GiB are not supported");
            }
            return readHeader(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    private static Part10Header readHeader(ByteBuffer file) {
        var r = new DicomReader(file, true);
        DataSet meta = r.readMeta();
        TransferSyntax ts = r.startDataSet(meta);
        DataSet data = new DataSet();
        r.readInto(data, r.buf.limit(), false);
        return new Part10Header(meta, data, ts, r.pixels);
    }

    private DataSet readMeta() {
        if (buf.limit() < 132 || !"DICM".equals(ascii(128, 4))) {
            throw new DicomException("not DICOM: this is not a DICOM Part 10 file (no 'DICM' marker after the 128-byte preamble)"
                    + (buf.limit() < 132 ? "; the file has only " + buf.limit() + " bytes" : ""));
        }
        pos = 132;
        DataSet meta = new DataSet();
        while (pos + 4 <= buf.limit() && u16(pos) == 0x0002) {
            meta.put(readElement(meta, buf.limit()));
        }
        if (buf.limit() - pos < 8) {
            throw new DicomException("truncated: the file is truncated at byte " + buf.limit()
                    + ": it ends in or right after the file meta information, before any data set");
        }
        return meta;
    }

    /** Switches to the data set's encoding (inflating a deflated one) and returns its transfer syntax. */
    private TransferSyntax startDataSet(DataSet meta) {
        String uid = meta.string(Tags.TransferSyntaxUID);
        if (uid == null || uid.isBlank()) {
            throw new DicomException("the file meta information has no Transfer Syntax UID (0002,0010)");
        }
        TransferSyntax ts = TransferSyntax.of(uid.trim());
        if (ts.deflated()) {
            buf = ByteBuffer.wrap(Inflating.inflate(buf, pos)).order(ByteOrder.LITTLE_ENDIAN);
            pos = 0;
            inflated = true;
        }
        explicitVr = ts.explicitVr();
        buf.order(ts.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        return ts;
    }

    /** Reads elements into {@code ds} until {@code end}, or until an item delimiter when {@code inUndefinedItem}. */
    private void readInto(DataSet ds, int end, boolean inUndefinedItem) {
        while (pos < end && pixels == null) {
            int tag = peekTag();
            if (tag == Tags.ITEM_DELIMITATION || tag == Tags.SEQUENCE_DELIMITATION) {
                need(8, tag);
                pos += 8;
                if (tag == Tags.ITEM_DELIMITATION) {
                    if (!inUndefinedItem) {
                        throw new DicomException("unexpected item delimiter at byte " + (pos - 8) + " outside an item");
                    }
                    return;
                }
                continue; // a few writers end a defined-length item with a stray sequence delimiter; skip it
            }
            Element e = readElement(ds, end);
            if (e != null && ((e.tag() & 0xFFFF) != 0 || Tags.group(e.tag()) == 0x0002)) {
                ds.put(e);
            }
        }
        if (inUndefinedItem) {
            throw new DicomException("truncated: an item of undefined length has no item delimiter before byte " + end);
        }
    }

    /** The next element; null when it is the top-level Pixel Data of a header-only read (then {@link #pixels} is set). */
    private Element readElement(DataSet context, int end) {
        int start = pos;
        int tag = peekTag();
        pos += 4;
        String vr;
        long length;
        if (explicitVr) {
            need(2, tag);
            vr = ascii(pos, 2);
            pos += 2;
            if (!Vrs.isKnown(vr)) {
                throw new DicomException("element " + Tags.format(tag) + " at byte " + start + " has VR '" + printable(vr)
                        + "', which is not a DICOM VR: the file is corrupt or not in its declared transfer syntax");
            }
            if (Vrs.LONG.contains(vr)) {
                need(6, tag);
                length = u32(pos + 2);
                pos += 6;
            } else {
                need(2, tag);
                length = u16(pos);
                pos += 2;
            }
        } else {
            need(4, tag);
            vr = implicitVr(tag, context);
            length = u32(pos);
            pos += 4;
        }
        if (headerOnly && depth == 0 && tag == Tags.PixelData) {
            pixels = length == UNDEFINED ? walkFragments(context) : nativePixels(length, context);
            return null;
        }
        if (length == UNDEFINED) {
            return undefinedLength(tag, vr, start);
        }
        need(length, tag);
        if (pos + length > end) {
            throw new DicomException("element " + Tags.describe(tag) + " at byte " + start + " declares " + length
                    + " bytes, which run past the end of its item at byte " + end);
        }
        int len = (int) length;
        if ("SQ".equals(vr)) {
            return Element.sequence(tag, readItems(pos + len, start, tag));
        }
        byte[] value = new byte[len];
        buf.get(pos, value);
        pos += len;
        if (buf.order() == ByteOrder.BIG_ENDIAN) {
            swap(value, Vrs.swapUnit(vr));
        }
        return Element.of(tag, vr, value);
    }

    private Element undefinedLength(int tag, String vr, int start) {
        if (tag == Tags.PixelData) {
            return new Element(tag, "OB", null, null, readFragments());
        }
        // implicit VR: an unknown or private element of undefined length can only be a sequence
        if ("SQ".equals(vr) || "UN".equals(vr) || !explicitVr) {
            boolean wasExplicit = explicitVr;
            ByteOrder order = buf.order();
            if ("UN".equals(vr)) { // PS3.5 6.2.2: implicit VR little endian inside
                explicitVr = false;
                buf.order(ByteOrder.LITTLE_ENDIAN);
            }
            List<DataSet> items = readItems(UNTIL_DELIMITER, start, tag);
            explicitVr = wasExplicit;
            buf.order(order);
            return Element.sequence(tag, items);
        }
        throw new DicomException("element " + Tags.describe(tag) + " at byte " + start + " has VR " + vr
                + " with undefined length, which only sequences and pixel data may have");
    }

    /** Items up to {@code end}, or up to a sequence delimiter when {@code end} is UNTIL_DELIMITER. */
    private List<DataSet> readItems(int end, int seqStart, int seqTag) {
        List<DataSet> items = new ArrayList<>();
        depth++;
        while (end == UNTIL_DELIMITER || pos < end) {
            int itemStart = pos;
            if (pos + 8 > buf.limit()) {
                throw new DicomException("truncated: sequence " + Tags.describe(seqTag) + " starting at byte " + seqStart
                        + " ends before its " + (end == UNTIL_DELIMITER ? "sequence delimiter" : "declared length"));
            }
            int tag = peekTag();
            long length = u32(pos + 4);
            pos += 8;
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                if (end == UNTIL_DELIMITER) {
                    break;
                }
                continue;
            }
            if (tag != Tags.ITEM) {
                throw new DicomException("sequence " + Tags.describe(seqTag) + ": expected an item (FFFE,E000) at byte " + itemStart
                        + ", found " + Tags.format(tag));
            }
            DataSet item = new DataSet();
            if (length == UNDEFINED) {
                readInto(item, buf.limit(), true);
            } else {
                need(length, Tags.ITEM);
                if (end != UNTIL_DELIMITER && pos + length > end) {
                    throw new DicomException("an item of " + Tags.describe(seqTag) + " at byte " + itemStart
                            + " declares " + length + " bytes, which run past the end of its sequence at byte " + end);
                }
                readInto(item, pos + (int) length, false);
            }
            items.add(item);
        }
        depth--;
        return items;
    }

    /** Encapsulated pixel data (PS3.5 A.4), copied: the Basic Offset Table item, then the fragments. */
    private List<byte[]> readFragments() {
        List<byte[]> fragments = new ArrayList<>();
        for (int[] item; (item = nextFragment()) != null; ) {
            byte[] f = new byte[item[2]];
            buf.get(item[1], f);
            fragments.add(f);
        }
        return fragments;
    }

    /** Encapsulated pixel data, located but not copied. */
    private PixelDataLocation walkFragments(DataSet context) {
        List<PixelDataLocation.Fragment> fragments = new ArrayList<>();
        long[] table = null;
        for (int[] item; (item = nextFragment()) != null; ) {
            if (table == null) {
                table = new long[item[2] / 4];
                for (int i = 0; i < table.length; i++) {
                    table[i] = u32(item[1] + 4 * i); // encapsulated data sets are always little endian
                }
            } else {
                fragments.add(new PixelDataLocation.Fragment(item[0], item[1], item[2]));
            }
        }
        long first = fragments.isEmpty() ? -1 : fragments.getFirst().offset();
        return PixelDataLocation.of(first, -1, true, fragments, table == null ? new long[0] : table, inflated, context);
    }

    /** The next item of encapsulated pixel data as {item offset, value offset, value length}; null at the delimiter. */
    private int[] nextFragment() {
        need(8, Tags.PixelData);
        int at = pos;
        int tag = peekTag();
        long length = u32(pos + 4);
        pos += 8;
        if (tag == Tags.SEQUENCE_DELIMITATION) {
            return null;
        }
        if (tag != Tags.ITEM || length == UNDEFINED) {
            throw new DicomException("encapsulated pixel data: expected a fragment item (FFFE,E000) of defined length at byte " + at
                    + ", found " + Tags.format(tag));
        }
        need(length, Tags.ITEM);
        int[] item = {at, pos, (int) length};
        pos += (int) length;
        return item;
    }

    private PixelDataLocation nativePixels(long length, DataSet context) {
        need(length, Tags.PixelData);
        return PixelDataLocation.of(pos, length, false, List.of(), new long[0], inflated, context);
    }

    /** The dictionary's VR (pixel values US or SS by Pixel Representation); Pixel Data is OW in implicit VR (PS3.5 A.1). */
    private static String implicitVr(int tag, DataSet context) {
        if (tag == Tags.PixelData) {
            return "OW";
        }
        return Tags.group(tag) == 0xFFFE ? "UN" : Dictionary.vr(tag, context);
    }

    private int peekTag() {
        if (pos + 4 > buf.limit()) {
            throw new DicomException("truncated: " + (buf.limit() - pos) + " stray byte(s) at byte " + pos + " where an element should start");
        }
        return u16(pos) << 16 | u16(pos + 2);
    }

    /** That {@code n} more bytes follow, or a message naming where the data ends and the element that needed them. */
    private void need(long n, int tag) {
        long left = buf.limit() - pos;
        if (left < n) {
            String where = inflated ? "the deflated data set is truncated at byte " + pos + " after inflation"
                    : "the file is truncated at byte " + pos;
            throw new DicomException("truncated: " + where + " (element " + Tags.format(tag) + " needs " + n + " more bytes, " + left + " left)");
        }
    }

    private int u16(int at) {
        return buf.getShort(at) & 0xFFFF;
    }

    private long u32(int at) {
        return Integer.toUnsignedLong(buf.getInt(at));
    }

    private String ascii(int at, int n) {
        byte[] b = new byte[n];
        buf.get(at, b);
        return new String(b, StandardCharsets.US_ASCII);
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

    private static String printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? s : "\\x" + Integer.toHexString(s.charAt(0)) + "\\x" + Integer.toHexString(s.charAt(1));
    }
}
