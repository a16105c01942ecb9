package org.calibra.synthetic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Top-level elements of an explicit VR little endian Part 10 file, as text (numbers for US), for assertions. */
final class Elements {

    private static final Set<String> LONG = Set.of("OB", "OW", "SQ", "UN", "UT", "UC", "UR", "OF", "OD", "OL", "OV", "SV", "UV");

    private Elements() {
    }

    static Map<String, String> of(byte[] file) {
        var b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.position(132);
        Map<String, String> out = new LinkedHashMap<>();
        while (b.remaining() >= 8) {
            int group = b.getShort() & 0xFFFF, element = b.getShort() & 0xFFFF;
            String vr = new String(new byte[] {b.get(), b.get()}, StandardCharsets.US_ASCII);
            long len;
            if (LONG.contains(vr)) {
                b.getShort();
                len = b.getInt() & 0xFFFFFFFFL;
            } else {
                len = b.getShort() & 0xFFFF;
            }
            byte[] raw = new byte[(int) len];
            b.get(raw);
            String key = String.format("%04X,%04X", group, element);
            out.put(key, switch (vr) {
                case "US" -> Integer.toString(ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF);
                case "OW", "OB", "SQ" -> vr + ":" + len;
                default -> new String(raw, StandardCharsets.US_ASCII).replace("\0", "").trim();
            });
        }
        return out;
    }

    /** The stored pixel values (16-bit unsigned) of a file this generator wrote: Pixel Data is the last element. */
    static int[] pixels(byte[] file, int count) {
        var b = ByteBuffer.wrap(file, file.length - 2 * count, 2 * count).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = b.getShort() & 0xFFFF;
        }
        return out;
    }
}
