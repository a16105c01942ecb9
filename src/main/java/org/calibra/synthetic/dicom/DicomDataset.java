package org.calibra.synthetic.dicom;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A data set under construction: elements keyed by tag (kept in ascending unsigned tag order, as PS3.5 7.1
 * requires), each holding its already encoded value. The VR comes from {@link DicomDictionary}.
 */
public final class DicomDataset {

    record Element(int tag, String vr, byte[] value, List<DicomDataset> items) {}

    private final TreeMap<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);

    /** A text attribute (AE, AS, CS, DA, DS, IS, LO, PN, SH, TM, UI, ...); several values are joined by '\'. */
    public DicomDataset text(int tag, String... values) {
        var e = DicomDictionary.entry(tag);
        String joined = String.join("\\", values);
        for (char c : joined.toCharArray()) {
            if (c > 0x7E || (c < 0x20 && c != '\\')) {
                throw new IllegalArgumentException(e.keyword() + ": only printable ASCII is written, found U+" + Integer.toHexString(c));
            }
        }
        byte[] raw = joined.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (raw.length % 2 == 1) { // PS3.5 6.2: even length, UI padded with NUL, text with a space
            raw = java.util.Arrays.copyOf(raw, raw.length + 1);
            raw[raw.length - 1] = (byte) ("UI".equals(e.vr()) ? 0 : ' ');
        }
        return put(tag, e.vr(), raw, null);
    }

    /** Decimal strings (DS), written with as many digits as needed but at most 16 characters each. */
    public DicomDataset decimals(int tag, double... values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = ds(values[i]);
        }
        return text(tag, s);
    }

    public DicomDataset integer(int tag, long value) {
        var e = DicomDictionary.entry(tag);
        return switch (e.vr()) {
            case "US" -> put(tag, e.vr(), le(value, 2), null);
            case "SS" -> put(tag, e.vr(), le(value, 2), null);
            case "UL" -> put(tag, e.vr(), le(value, 4), null);
            case "IS" -> text(tag, Long.toString(value));
            default -> throw new IllegalArgumentException(e.keyword() + " has VR " + e.vr() + ", not an integer VR");
        };
    }

    public DicomDataset bytes(int tag, byte[] value) {
        var e = DicomDictionary.entry(tag);
        if (!"OB".equals(e.vr()) && !"OW".equals(e.vr())) {
            throw new IllegalArgumentException(e.keyword() + " has VR " + e.vr() + ", not OB/OW");
        }
        if (value.length % 2 == 1) {
            value = java.util.Arrays.copyOf(value, value.length + 1);
        }
        return put(tag, e.vr(), value, null);
    }

    /** 16-bit words, little endian (OW pixel data). */
    public DicomDataset words(int tag, short[] words) {
        byte[] raw = new byte[words.length * 2];
        for (int i = 0; i < words.length; i++) {
            raw[2 * i] = (byte) words[i];
            raw[2 * i + 1] = (byte) (words[i] >> 8);
        }
        return bytes(tag, raw);
    }

    /** A sequence; an empty list writes a zero-length (type 2) sequence. */
    public DicomDataset sequence(int tag, List<DicomDataset> items) {
        var e = DicomDictionary.entry(tag);
        if (!"SQ".equals(e.vr())) {
            throw new IllegalArgumentException(e.keyword() + " is not a sequence");
        }
        return put(tag, e.vr(), null, List.copyOf(items));
    }

    private DicomDataset put(int tag, String vr, byte[] value, List<DicomDataset> items) {
        elements.put(tag, new Element(tag, vr, value, items));
        return this;
    }

    Iterable<Element> elements() {
        return elements.values();
    }

    /** PS3.5 6.2 DS: at most 16 bytes; integers without a decimal point, otherwise shortest round-trip form. */
    static String ds(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        if (s.contains("E") || s.length() > 16) {
            s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (s.length() > 16) {
            throw new IllegalArgumentException("decimal " + v + " does not fit a DS (16 characters)");
        }
        return s;
    }

    private static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
