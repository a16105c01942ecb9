package org.calibra.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One data element. Exactly one of {@code value} (encoded bytes, always little endian for binary VRs),
 * {@code items} (a sequence, VR SQ) or {@code fragments} (encapsulated pixel data: the basic offset table
 * first, then the compressed fragments, untouched) is set.
 */
public record Element(int tag, String vr, byte[] value, List<DataSet> items, List<byte[]> fragments) {

    public static Element of(int tag, String vr, byte[] value) {
        return new Element(tag, vr, value, null, null);
    }

    public static Element sequence(int tag, List<DataSet> items) {
        return new Element(tag, "SQ", null, List.copyOf(items), null);
    }

    /** Binary integers: US, SS, UL, SL, SV, UV, or AT (a tag as group &lt;&lt; 16 | element); each must fit its VR. */
    public static Element ofInts(int tag, String vr, long... values) {
        int size = switch (vr) {
            case "US", "SS" -> 2;
            case "UL", "SL", "AT" -> 4;
            case "SV", "UV" -> 8;
            default -> throw new IllegalArgumentException(Tags.describe(tag) + ": VR " + vr + " does not hold binary integers");
        };
        var b = ByteBuffer.allocate(size * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            boolean fits = switch (vr) {
                case "US" -> v >= 0 && v <= 0xFFFF;
                case "SS" -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
                case "UL", "AT" -> v >= 0 && v <= 0xFFFFFFFFL;
                case "SL" -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
                default -> true; // SV, and UV as its 64 bits
            };
            if (!fits) {
                throw new IllegalArgumentException(Tags.describe(tag) + ": " + v + " does not fit VR " + vr);
            }
            switch (size) {
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt(vr.equals("AT") ? (int) ((v >>> 16) | (v & 0xFFFF) << 16) : (int) v); // AT: group, then element
                default -> b.putLong(v);
            }
        }
        return of(tag, vr, b.array());
    }

    /** Binary floating point: FL or OF (4 bytes), FD or OD (8 bytes). */
    public static Element ofFloats(int tag, String vr, double... values) {
        boolean single = switch (vr) {
            case "FL", "OF" -> true;
            case "FD", "OD" -> false;
            default -> throw new IllegalArgumentException(Tags.describe(tag) + ": VR " + vr + " does not hold binary floating point");
        };
        var b = ByteBuffer.allocate((single ? 4 : 8) * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (single) {
                b.putFloat((float) v);
            } else {
                b.putDouble(v);
            }
        }
        return of(tag, vr, b.array());
    }

    public boolean isSequence() {
        return items != null;
    }

    public boolean isEncapsulated() {
        return fragments != null;
    }

    public boolean isPrivate() {
        return Tags.isPrivate(tag);
    }

    /** The value as ISO-8859-1 text, NUL padding removed and surrounding spaces trimmed; "" without a value. */
    public String text() {
        return value == null ? "" : new String(value, StandardCharsets.ISO_8859_1).replace("\0", "").trim();
    }

    /** The values of US, SS, UL, SL, SV, UV (its 64 bits) or AT (group &lt;&lt; 16 | element) as numbers. */
    public long[] longs() {
        var b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        int size = switch (vr) {
            case "US", "SS" -> 2;
            case "UL", "SL", "AT" -> 4;
            case "SV", "UV" -> 8;
            default -> throw new IllegalStateException(Tags.describe(tag) + ": VR " + vr + " does not hold binary integers");
        };
        long[] out = new long[value.length / size];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (vr) {
                case "US" -> b.getShort() & 0xFFFF;
                case "SS" -> b.getShort();
                case "UL" -> b.getInt() & 0xFFFFFFFFL;
                case "SL" -> b.getInt();
                case "AT" -> (long) (b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF);
                default -> b.getLong();
            };
        }
        return out;
    }

    /** The values of FL, OF (widened), FD or OD. */
    public double[] doubles() {
        var b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        boolean single = switch (vr) {
            case "FL", "OF" -> true;
            case "FD", "OD" -> false;
            default -> throw new IllegalStateException(Tags.describe(tag) + ": VR " + vr + " does not hold binary floating point");
        };
        double[] out = new double[value.length / (single ? 4 : 8)];
        for (int i = 0; i < out.length; i++) {
            out[i] = single ? b.getFloat() : b.getDouble();
        }
        return out;
    }
}
