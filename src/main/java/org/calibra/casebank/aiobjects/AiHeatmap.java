package org.calibra.casebank.aiobjects;

/**
 * An attention map for one image of the case, as case.yaml's {@code ai.heatmaps} want it: an 8-bit grey PNG (0 no
 * attention, 255 the most) stretched over the whole image.
 */
public record AiHeatmap(int imageIndex, int width, int height, byte[] png) {
}
