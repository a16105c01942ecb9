package org.calibra.casebank.aiobjects;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Heatmap PNGs as case.yaml's {@code ai.heatmaps} take them: 8-bit grey, one channel, at most 4096 pixels a side. */
final class HeatmapPng {

    static final int MAX_SIDE = 4096;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    record Check(int width, int height, String problem) {}

    private HeatmapPng() {
    }

    static Check check(byte[] bytes) {
        if (bytes.length < SIGNATURE.length || !java.util.Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            return new Check(0, 0, "This file is not a PNG picture; a heatmap is an 8-bit grey PNG (or a DICOM secondary capture or parametric map).");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            return new Check(0, 0, "This PNG picture is damaged and cannot be opened.");
        }
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            var cm = image.getColorModel();
            return new Check(0, 0, "The heatmap must be an 8-bit grey PNG (one channel, no transparency); this one has "
                    + cm.getNumComponents() + " channel" + (cm.getNumComponents() == 1 ? "" : "s") + " of " + cm.getPixelSize() / cm.getNumComponents()
                    + " bits" + (cm.hasAlpha() ? " with transparency" : "") + ".");
        }
        if (image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) {
            return new Check(0, 0, "The heatmap is " + image.getWidth() + " x " + image.getHeight() + " pixels; at most " + MAX_SIDE + " a side.");
        }
        return new Check(image.getWidth(), image.getHeight(), null);
    }

    /** An 8-bit grey PNG of {@code width} × {@code height} values (0..255), row by row. */
    static byte[] encode(int[] values, int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] raster = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < raster.length; i++) {
            raster[i] = (byte) Math.max(0, Math.min(255, values[i]));
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
