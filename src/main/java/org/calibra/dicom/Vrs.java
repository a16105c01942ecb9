package org.calibra.dicom;

import java.util.Set;

/** Facts about value representations (PS3.5 6.2) that reading and writing need. */
public final class Vrs {

    /** PS3.5 7.1.2: these have two reserved bytes and a 32-bit length in explicit VR. */
    static final Set<String> LONG = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    private static final Set<String> TEXT = Set.of("AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM",
            "UC", "UI", "UR", "UT");
    private static final Set<String> KNOWN = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB",
            "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV");

    private Vrs() {
    }

    public static boolean isText(String vr) {
        return TEXT.contains(vr);
    }

    public static boolean isKnown(String vr) {
        return KNOWN.contains(vr);
    }

    /** The size of the units a big-endian value is swapped in; 1 for byte-order-free VRs. */
    static int swapUnit(String vr) {
        return switch (vr) {
            case "US", "SS", "OW", "AT" -> 2;
            case "UL", "SL", "FL", "OL", "OF" -> 4;
            case "FD", "OD", "SV", "UV", "OV" -> 8;
            default -> 1;
        };
    }

    /**
     * A DS value (PS3.5 6.2: at most 16 characters): integers without a decimal point, otherwise the shortest
     * round-trip form, or six decimals when that is too long.
     */
    public static String decimalString(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        if (s.contains("E") || s.length() > 16) {
            s = String.format(java.util.Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (s.length() > 16) {
            throw new IllegalArgumentException("decimal " + v + " does not fit a DS (16 characters)");
        }
        return s;
    }

    /** Removes the padding PS3.5 allows: trailing spaces and NULs (and leading spaces of numbers). */
    static String trim(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }
}
