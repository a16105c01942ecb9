package org.calibra.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * A data set: elements in ascending (unsigned) tag order, as PS3.5 7.1 requires for writing. Binary values
 * are held little endian whatever the source's byte order, so callers never think about endianness.
 *
 * <p>Building an IOD is putting its attributes: the {@code put…} methods take the VR from the dictionary
 * ({@link Dictionary}), encode the values as PS3.5 says (text padded to even length, decimals that fit a DS,
 * binary numbers little endian) and refuse a value the attribute's VR cannot hold. {@link Part10Writer} writes
 * the result.
 */
public final class DataSet {

    private final TreeMap<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);

    public Element get(int tag) {
        return elements.get(tag);
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public DataSet put(Element e) {
        elements.put(e.tag(), e);
        return this;
    }

    public Element remove(int tag) {
        return elements.remove(tag);
    }

    /** A snapshot, so callers may put and remove while walking it. */
    public List<Element> elements() {
        return new ArrayList<>(elements.values());
    }

    public int size() {
        return elements.size();
    }

    /** Puts a text value with the dictionary's VR, padded to even length (UI with NUL, other text with a space). */
    public DataSet putText(int tag, String value) {
        return putText(tag, Dictionary.vr(tag), value);
    }

    public DataSet putText(int tag, String vr, String value) {
        byte[] raw = value.getBytes(StandardCharsets.ISO_8859_1);
        if (raw.length % 2 == 1) {
            raw = java.util.Arrays.copyOf(raw, raw.length + 1);
            raw[raw.length - 1] = (byte) ("UI".equals(vr) ? 0 : ' ');
        }
        return put(Element.of(tag, vr, raw));
    }

    /** Text values (several are joined by '\\'); the attribute's VR must be a text VR; ISO-8859-1 characters only. */
    public DataSet putStrings(int tag, String... values) {
        String vr = Dictionary.vr(tag);
        if (!Vrs.isText(vr)) {
            throw new IllegalArgumentException(Tags.describe(tag) + " has VR " + vr + ", not a text VR");
        }
        String joined = String.join("\\", values);
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c > 0xFF || (c < 0x20 && "\t\n\f\r\u001b".indexOf(c) < 0) || c == 0x7F) {
                throw new IllegalArgumentException(Tags.describe(tag) + ": character U+" + Integer.toHexString(c)
                        + " cannot be written (ISO-8859-1 text without control characters)");
            }
        }
        return putText(tag, vr, joined);
    }

    /** Decimal strings (DS), each written as {@link Vrs#decimalString} does. */
    public DataSet putDecimals(int tag, double... values) {
        requireVr(tag, "DS");
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = Vrs.decimalString(values[i]);
        }
        return putStrings(tag, s);
    }

    /** Integers: binary for US, SS, UL, SL, SV, UV, AT (each must fit), text for IS. */
    public DataSet putInts(int tag, long... values) {
        String vr = Dictionary.vr(tag);
        if ("IS".equals(vr)) {
            return putStrings(tag, java.util.Arrays.stream(values).mapToObj(Long::toString).toArray(String[]::new));
        }
        return put(Element.ofInts(tag, vr, values));
    }

    /** Binary floating point: FL, FD, OF or OD. */
    public DataSet putFloats(int tag, double... values) {
        return put(Element.ofFloats(tag, Dictionary.vr(tag), values));
    }

    /** Bytes of a binary VR (OB, OW, UN, ...), padded with a zero byte to even length. */
    public DataSet putBytes(int tag, String vr, byte[] value) {
        if (Vrs.isText(vr) || "SQ".equals(vr)) {
            throw new IllegalArgumentException(Tags.describe(tag) + ": VR " + vr + " is not a binary VR");
        }
        return put(Element.of(tag, vr, value.length % 2 == 0 ? value : java.util.Arrays.copyOf(value, value.length + 1)));
    }

    /** 16-bit words, little endian, VR OW (native pixel data of more than 8 bits). */
    public DataSet putWords(int tag, short[] words) {
        byte[] raw = new byte[words.length * 2];
        for (int i = 0; i < words.length; i++) {
            raw[2 * i] = (byte) words[i];
            raw[2 * i + 1] = (byte) (words[i] >> 8);
        }
        return put(Element.of(tag, "OW", raw));
    }

    /** A sequence of the given items (written with defined lengths); no items is an empty, type 2 sequence. */
    public DataSet putSequence(int tag, List<DataSet> items) {
        requireVr(tag, "SQ");
        return put(Element.sequence(tag, items));
    }

    private static void requireVr(int tag, String vr) {
        if (!vr.equals(Dictionary.vr(tag))) {
            throw new IllegalArgumentException(Tags.describe(tag) + " has VR " + Dictionary.vr(tag) + ", not " + vr);
        }
    }

    /** The whole text value without padding (values joined by '\'), or null when absent or not text. */
    public String string(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.value() == null || !Vrs.isText(e.vr())) {
            return null;
        }
        return Vrs.trim(new String(e.value(), StandardCharsets.ISO_8859_1));
    }

    /** The first value of an integer attribute (US, SS, UL, SL or IS), or null. */
    public Integer integer(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.value() == null || e.value().length == 0) {
            return null;
        }
        byte[] v = e.value();
        return switch (e.vr()) {
            case "US" -> v.length >= 2 ? (v[0] & 0xFF) | (v[1] & 0xFF) << 8 : null;
            case "SS" -> v.length >= 2 ? (int) (short) ((v[0] & 0xFF) | (v[1] & 0xFF) << 8) : null;
            case "UL", "SL" -> v.length >= 4 ? (v[0] & 0xFF) | (v[1] & 0xFF) << 8 | (v[2] & 0xFF) << 16 | (v[3] & 0xFF) << 24 : null;
            case "IS" -> parseInt(string(tag));
            default -> null;
        };
    }

    /** The decimal values of a DS/IS attribute; empty when absent or unreadable. */
    public double[] decimals(int tag) {
        String s = string(tag);
        if (s == null || s.isBlank()) {
            return new double[0];
        }
        String[] parts = s.split("\\\\");
        double[] out = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                out[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException ex) {
            return new double[0];
        }
        return out;
    }

    public Collection<Element> view() {
        return java.util.Collections.unmodifiableCollection(elements.values());
    }

    private static Integer parseInt(String s) {
        if (s == null) {
            return null;
        }
        try {
            String first = s.split("\\\\")[0].trim();
            return first.isEmpty() ? null : Integer.valueOf(first.startsWith("+") ? first.substring(1) : first);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
