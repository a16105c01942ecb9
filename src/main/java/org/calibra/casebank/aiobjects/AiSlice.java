package org.calibra.casebank.aiobjects;

import java.util.List;

/**
 * A region on one image of the case.
 *
 * @param imageIndex      position in the case's expanded image stack
 * @param outline         the boundary as a closed polygon (first vertex not repeated) in image pixels; for a segmentation the
 *                        boundary of its largest connected part on this image; empty for a point
 * @param mark            the centroid of that part (or the point), with the probability
 * @param areaPx          area of the outline in square pixels (0 for a point)
 * @param otherParts      for a segmentation: how many further, smaller separate parts it has on this image (not outlined);
 *                        0 for a report's region
 */
public record AiSlice(int imageIndex, List<Point> outline, Mark mark, double areaPx, int otherParts) {

    public AiSlice {
        outline = List.copyOf(outline);
    }
}
