package org.calibra.dicomweb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calibra.dicom.Element;

/**
 * DICOM JSON (PS3.18 F.2) of the codec's elements: attributes keyed by 8-hex-digit tag, each with its VR and a
 * "Value" array (numbers for numeric VRs, strings, {"Alphabetic": …} for person names, "InlineBinary" base64 for
 * binary VRs; no "Value" when empty). Written by hand: the subset is small and the metadata of a 300-slice series
 * is built often. Binary numbers are decoded by the codec ({@link Element#longs}, {@link Element#doubles}).
 */
final class DicomJson {

    private static final Set<String> SPLIT_STRINGS = Set.of("AE", "AS", "CS", "DA", "DT", "LO", "SH", "TM", "UI", "UC");
    private static final Set<String> WHOLE_STRINGS = Set.of("LT", "ST", "UT", "UR");
    private static final Set<String> BINARY = Set.of("OB", "OW", "OF", "OD", "OL", "OV", "UN");

    private DicomJson() {
    }

    /** One data set: the attributes, in tag order. */
    static void object(StringBuilder out, Iterable<Element> attributes) {
        out.append('{');
        boolean first = true;
        for (Element a : attributes) {
            if (!first) {
                out.append(',');
            }
            first = false;
            attribute(out, a);
        }
        out.append('}');
    }

    static void attribute(StringBuilder out, Element a) {
        out.append('"').append(String.format("%08X", a.tag())).append("\":{\"vr\":\"").append(a.vr()).append('"');
        if (a.value().length > 0) {
            if (BINARY.contains(a.vr())) {
                out.append(",\"InlineBinary\":\"").append(Base64.getEncoder().encodeToString(a.value())).append('"');
            } else {
                List<String> values = values(a);
                if (values.stream().anyMatch(v -> v != null)) {
                    out.append(",\"Value\":[").append(String.join(",", values.stream().map(v -> v == null ? "null" : v).toList())).append(']');
                }
            }
        }
        out.append('}');
    }

    /** Each value as a JSON literal (null for an empty one among several). */
    static List<String> values(Element a) {
        String vr = a.vr();
        if (SPLIT_STRINGS.contains(vr)) {
            return split(a.text()).stream().map(v -> v.isEmpty() ? null : quote(v)).toList();
        }
        if (WHOLE_STRINGS.contains(vr)) {
            String v = stripTrailing(new String(a.value(), StandardCharsets.ISO_8859_1));
            return List.of(v.isEmpty() ? "null" : quote(v));
        }
        if ("PN".equals(vr)) {
            return split(a.text()).stream().map(DicomJson::personName).toList();
        }
        if ("DS".equals(vr) || "IS".equals(vr)) {
            return split(a.text()).stream().map(DicomJson::number).toList();
        }
        return binaryNumbers(a);
    }

    private static List<String> binaryNumbers(Element a) {
        var out = new java.util.ArrayList<String>();
        switch (a.vr()) {
            case "US", "SS", "UL", "SL", "SV" -> { for (long v : a.longs()) out.add(Long.toString(v)); }
            case "UV" -> { for (long v : a.longs()) out.add(Long.toUnsignedString(v)); }
            case "FL", "FD" -> { for (double v : a.doubles()) out.add(finite(v)); }
            case "AT" -> { for (long v : a.longs()) out.add(quote(String.format("%08X", v))); }
            default -> out.add(quote(a.text()));
        }
        return out;
    }

    private static String finite(double d) {
        return Double.isFinite(d) ? number(Double.toString(d)) : "null";
    }

    /** A DS or IS value as a JSON number; malformed text becomes null rather than invalid JSON. */
    static String number(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            if (!Double.isFinite(d)) {
                return null;
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String personName(String value) {
        if (value.isEmpty()) {
            return null;
        }
        String[] groups = value.split("=", -1);
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        var sb = new StringBuilder("{");
        for (int i = 0; i < Math.min(3, groups.length); i++) {
            if (groups[i].isEmpty()) {
                continue;
            }
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(names[i]).append("\":").append(quote(groups[i]));
        }
        return sb.append('}').toString();
    }

    private static List<String> split(String text) {
        return List.of(text.split("\\\\", -1)).stream().map(String::trim).toList();
    }

    private static String stripTrailing(String s) {
        return s.replace("\0", "").stripTrailing();
    }

    static String quote(String s) {
        var sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A computed attribute (QIDO-RS): strings, or numbers for IS/US/UL. */
    static Element computed(int tag, String vr, String value) {
        return Element.of(tag, vr, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Counts and other integers: VR IS, written as JSON numbers. */
    static Element computedNumber(int tag, String vr, long value) {
        if (!"IS".equals(vr)) {
            throw new IllegalArgumentException("computed numbers are IS, not " + vr);
        }
        return computed(tag, vr, Long.toString(value));
    }

    /** Attributes by tag, as a sorted map so output is in tag order. */
    static Map<Integer, Element> sorted(Map<Integer, Element> attributes) {
        return new java.util.TreeMap<>(attributes);
    }
}
