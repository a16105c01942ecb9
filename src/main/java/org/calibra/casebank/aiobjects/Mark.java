package org.calibra.casebank.aiobjects;

/**
 * Where the AI points on one image: the centroid of the outlined region (or the point itself), in image pixels, and the
 * AI's probability for it — null when the object gives none (a binary segmentation without a report naming its
 * probability); the caller chooses what that means (e.g. 1.0).
 */
public record Mark(double x, double y, Double probability) {

    public double probabilityOr(double fallback) {
        return probability == null ? fallback : probability;
    }
}
