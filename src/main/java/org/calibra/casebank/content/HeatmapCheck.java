package org.calibra.casebank.content;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** An AI heatmap must be a PNG the browser can draw as a single-channel 8-bit map of reasonable size. */
final class HeatmapCheck {

    static final int MAX_SIDE = 4096;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private HeatmapCheck() {
    }

    /** Null when usable, otherwise what is wrong and what is expected. */
    static String problemWith(byte[] bytes) {
        if (bytes.length < PNG_SIGNATURE.length || !java.util.Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return "is not a PNG file; a heatmap must be an 8-bit grayscale PNG";
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return "cannot be decoded as PNG: " + e.getMessage();
        }
        if (image == null) {
            return "cannot be decoded as PNG";
        }
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            return "must be an 8-bit grayscale PNG (one channel, no alpha), is a " + describe(image);
        }
        if (image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) {
            return "is " + image.getWidth() + "x" + image.getHeight() + " pixels; at most " + MAX_SIDE + " per side";
        }
        return null;
    }

    private static String describe(BufferedImage image) {
        var cm = image.getColorModel();
        return cm.getNumComponents() + "-channel " + cm.getPixelSize() + "-bit image" + (cm.hasAlpha() ? " with alpha" : "");
    }
}
