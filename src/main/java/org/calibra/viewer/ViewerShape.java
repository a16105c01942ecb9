package org.calibra.viewer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A truth lesion or an AI mark as the viewer's authoring mode draws it (the shape JSON of {@code truthShapes},
 * {@code aiShapes} and the shape-* events). All lengths in image pixels of image {@code imageIndex}, its key image.
 *
 * <ul>
 *   <li>{@code shape}: {@link #POINT} (a circle of {@code radius}), {@link #ELLIPSE} or {@link #BOX} ({@code width} ×
 *   {@code height} along the image axes, centred on (x, y)), or {@link #POLYGON} ({@code points}, a closed contour that
 *   never crosses itself).</li>
 *   <li>(x, y) is always the centre — the centroid of a polygon — and {@code radius} the circle about it that holds the
 *   whole key outline; {@code width}/{@code height} the outline's extent. So a consumer that knows only circles (scoring
 *   by centre and radius, the feedback page's truth circles) keeps working. The viewer recomputes these from the
 *   outline when it reads a shape.</li>
 *   <li>{@code firstImage}..{@code lastImage}: the images the lesion spans (holding the key image); {@code contours}:
 *   outlines drawn on other images of it, keyed by image index.</li>
 *   <li>{@code probability}: the AI's, 0..1 (null for truth, and for an AI mark whose probability is not set yet).</li>
 * </ul>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ViewerShape(String id, String label, String shape, int imageIndex, int firstImage, int lastImage,
                          double x, double y, double radius, double width, double height,
                          List<ViewerPoint> points, Map<Integer, List<ViewerPoint>> contours, Double probability) {

    public static final String POINT = "point";
    public static final String ELLIPSE = "ellipse";
    public static final String BOX = "box";
    public static final String POLYGON = "polygon";

    public ViewerShape {
        label = label == null ? "" : label;
        shape = shape == null ? POINT : shape;
        points = points == null ? List.of() : List.copyOf(points);
        contours = contours == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(contours));
    }

    /** A circle of {@code radius} around (x, y) on image {@code imageIndex}. */
    public static ViewerShape point(String id, String label, int imageIndex, double x, double y, double radius) {
        return new ViewerShape(id, label, POINT, imageIndex, imageIndex, imageIndex, x, y, radius, 2 * radius, 2 * radius,
                List.of(), Map.of(), null);
    }

    public static ViewerShape ellipse(String id, String label, int imageIndex, double x, double y, double width, double height) {
        return new ViewerShape(id, label, ELLIPSE, imageIndex, imageIndex, imageIndex, x, y, Math.max(width, height) / 2,
                width, height, List.of(), Map.of(), null);
    }

    public static ViewerShape box(String id, String label, int imageIndex, double x, double y, double width, double height) {
        return new ViewerShape(id, label, BOX, imageIndex, imageIndex, imageIndex, x, y, Math.hypot(width, height) / 2,
                width, height, List.of(), Map.of(), null);
    }

    /** A closed contour of at least three points; centre, extent and radius follow from it as in the viewer. */
    public static ViewerShape polygon(String id, String label, int imageIndex, List<ViewerPoint> points) {
        if (points.size() < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 points, got " + points.size());
        }
        double area = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < points.size(); i++) {
            ViewerPoint p = points.get(i);
            ViewerPoint q = points.get((i + 1) % points.size());
            double f = p.x() * q.y() - q.x() * p.y();
            area += f / 2;
            cx += (p.x() + q.x()) * f;
            cy += (p.y() + q.y()) * f;
        }
        double x = Math.abs(area) < 1e-9 ? points.stream().mapToDouble(ViewerPoint::x).average().orElse(0) : cx / (6 * area);
        double y = Math.abs(area) < 1e-9 ? points.stream().mapToDouble(ViewerPoint::y).average().orElse(0) : cy / (6 * area);
        double width = points.stream().mapToDouble(ViewerPoint::x).max().orElse(0) - points.stream().mapToDouble(ViewerPoint::x).min().orElse(0);
        double height = points.stream().mapToDouble(ViewerPoint::y).max().orElse(0) - points.stream().mapToDouble(ViewerPoint::y).min().orElse(0);
        double radius = points.stream().mapToDouble(p -> Math.hypot(p.x() - x, p.y() - y)).max().orElse(0);
        return new ViewerShape(id, label, POLYGON, imageIndex, imageIndex, imageIndex, x, y, radius, width, height, points,
                Map.of(), null);
    }

    /** The same shape spanning images {@code first}..{@code last}. */
    public ViewerShape withImages(int first, int last) {
        return new ViewerShape(id, label, shape, imageIndex, first, last, x, y, radius, width, height, points, contours, probability);
    }

    /** The same shape with its outline on another image (widening the range to it). */
    public ViewerShape withContour(int image, List<ViewerPoint> contour) {
        var all = new TreeMap<>(contours);
        all.put(image, List.copyOf(contour));
        return new ViewerShape(id, label, shape, imageIndex, Math.min(firstImage, image), Math.max(lastImage, image), x, y, radius,
                width, height, points, all, probability);
    }

    /** The same shape as an AI mark with this probability (0..1). */
    public ViewerShape withProbability(Double p) {
        return new ViewerShape(id, label, shape, imageIndex, firstImage, lastImage, x, y, radius, width, height, points, contours, p);
    }
}
