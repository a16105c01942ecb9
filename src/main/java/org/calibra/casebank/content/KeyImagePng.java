package org.calibra.casebank.content;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * A key image (ADR 0024) is a PNG of sane size: at most {@link #MAX_BYTES} and {@link #MAX_SIDE} pixels a side. Its size is
 * read from the header before the pixels are decoded, so a small file claiming a huge picture costs no memory.
 */
public final class KeyImagePng {

    public static final int MAX_BYTES = 8 * 1024 * 1024;
    public static final int MAX_SIDE = 4096;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private KeyImagePng() {
    }

    /** Null when usable, otherwise what is wrong, in words that follow "key image N". */
    public static String problemWith(byte[] bytes) {
        return decode(bytes) instanceof Decoded.Refused r ? r.problem() : null;
    }

    /**
     * The picture re-encoded as a fresh PNG: only its pixels survive (no text chunks, no trailing bytes). Throws
     * IllegalArgumentException, whose message says what is wrong, when the bytes are not a usable PNG.
     */
    public static byte[] clean(byte[] bytes) {
        return switch (decode(bytes)) {
            case Decoded.Refused r -> throw new IllegalArgumentException("The key image " + r.problem() + ".");
            case Decoded.Ok ok -> {
                var out = new ByteArrayOutputStream();
                try {
                    ImageIO.write(ok.image(), "png", out);
                } catch (IOException e) {
                    throw new IllegalArgumentException("The key image cannot be stored as PNG: " + e.getMessage(), e);
                }
                yield out.toByteArray();
            }
        };
    }

    private sealed interface Decoded {
        record Ok(BufferedImage image) implements Decoded {}

        record Refused(String problem) implements Decoded {}
    }

    private static Decoded decode(byte[] bytes) {
        if (bytes == null || bytes.length < PNG_SIGNATURE.length
                || !java.util.Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return new Decoded.Refused("is not a PNG picture");
        }
        if (bytes.length > MAX_BYTES) {
            return new Decoded.Refused("is " + bytes.length / (1024 * 1024) + " MB; at most " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return new Decoded.Refused("cannot be read as a PNG picture");
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    return new Decoded.Refused("is " + width + " x " + height + " pixels; at most " + MAX_SIDE + " a side");
                }
                BufferedImage image = reader.read(0);
                return image == null ? new Decoded.Refused("cannot be read as a PNG picture") : new Decoded.Ok(image);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new Decoded.Refused("cannot be read as a PNG picture: it is damaged");
        }
    }
}
