package org.calibra.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * A data set: elements in ascending (unsigned) tag order, as PS3.5 7.1 requires for writing. Binary values
 * are held little endian whatever the source's byte order, so callers never think about endianness.
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
