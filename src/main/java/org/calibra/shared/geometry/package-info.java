/**
 * Plane geometry of ground-truth lesions in image pixel coordinates (x = column, y = row, (0, 0) the top-left corner
 * of the first pixel; docs/content-format.md): circles, ellipses, boxes and contours, with what scoring and the content
 * checks ask of them — inside, distance to the outline (in mm when a pixel spacing is given), area, centroid, and
 * whether a contour crosses itself (ADR 0020).
 *
 * <p>Plain Java, depending on nothing: the case bank checks and stores the shapes, {@code scoring.domain} matches marks
 * against them, and both must agree on every number.
 */
package org.calibra.shared.geometry;
