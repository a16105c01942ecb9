package org.calibra.competency.parts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.CaseTruth;
import org.calibra.shared.geometry.Box;
import org.calibra.shared.geometry.Circle;
import org.calibra.shared.geometry.Contour;
import org.calibra.shared.geometry.Ellipse;
import org.calibra.shared.geometry.Point;
import org.calibra.shared.geometry.Shape;
import org.calibra.shared.geometry.SliceShape;
import org.calibra.viewer.CalibraViewer.ViewerLesion;
import org.calibra.viewer.ViewerPoint;
import org.calibra.viewer.ViewerShape;

/**
 * A truth lesion as the feedback viewer draws it: by the outline it was drawn with (circle, box, ellipse, contour, with
 * a contour of its own on each image where one was drawn), not only as the circle of equal area. The viewer draws
 * axis-aligned ellipses; a rotated one is handed over as the polygon of its outline.
 */
final class TruthOutlines {

    private static final int ELLIPSE_POINTS = 64;

    private TruthOutlines() {
    }

    static ViewerLesion of(CaseTruth.Lesion l, boolean detected) {
        Shape key = l.outline().stream().filter(s -> s.imageIndex() == l.imageIndex()).findFirst().orElse(l.outline().getFirst()).shape();
        Map<Integer, List<ViewerPoint>> contours = new LinkedHashMap<>();
        for (SliceShape s : l.outline()) {
            if (s.imageIndex() != l.imageIndex()) {
                contours.put(s.imageIndex(), polygon(s.shape()));
            }
        }
        return switch (key) {
            case Circle c when contours.isEmpty() -> new ViewerLesion(l.id(), l.imageIndex(), c.x(), c.y(), c.radius(), org.calibra.shared.DisplayWords.term(l.label()), detected,
                    l.firstImage(), l.lastImage());
            case Box b -> lesion(l, detected, ViewerShape.BOX, (b.x0() + b.x1()) / 2, (b.y0() + b.y1()) / 2, b.x1() - b.x0(), b.y1() - b.y0(),
                    List.of(), contours);
            case Ellipse e when e.rotationDeg() % 180 == 0 -> lesion(l, detected, ViewerShape.ELLIPSE, e.x(), e.y(), 2 * e.rx(), 2 * e.ry(),
                    List.of(), contours);
            default -> lesion(l, detected, ViewerShape.POLYGON, l.x(), l.y(), 0, 0, polygon(key), contours);
        };
    }

    private static ViewerLesion lesion(CaseTruth.Lesion l, boolean detected, String shape, double x, double y, double width, double height,
                                       List<ViewerPoint> points, Map<Integer, List<ViewerPoint>> contours) {
        return new ViewerLesion(l.id(), l.imageIndex(), x, y, l.radiusPx(), org.calibra.shared.DisplayWords.term(l.label()), detected, l.firstImage(), l.lastImage(), shape, width,
                height, points, contours);
    }

    /** Any shape's outline as a closed polygon (the viewer draws contours on other images as polygons). */
    static List<ViewerPoint> polygon(Shape shape) {
        return switch (shape) {
            case Contour c -> c.points().stream().map(TruthOutlines::point).toList();
            case Box b -> List.of(new ViewerPoint(b.x0(), b.y0()), new ViewerPoint(b.x1(), b.y0()), new ViewerPoint(b.x1(), b.y1()),
                    new ViewerPoint(b.x0(), b.y1()));
            case Ellipse e -> ellipse(e.x(), e.y(), e.rx(), e.ry(), e.rotationDeg());
            case Circle c -> ellipse(c.x(), c.y(), c.radius(), c.radius(), 0);
        };
    }

    private static List<ViewerPoint> ellipse(double x, double y, double rx, double ry, double rotationDeg) {
        double a = Math.toRadians(rotationDeg);
        List<ViewerPoint> points = new ArrayList<>(ELLIPSE_POINTS);
        for (int i = 0; i < ELLIPSE_POINTS; i++) {
            double t = 2 * Math.PI * i / ELLIPSE_POINTS;
            double u = rx * Math.cos(t);
            double v = ry * Math.sin(t);
            points.add(new ViewerPoint(x + u * Math.cos(a) - v * Math.sin(a), y + u * Math.sin(a) + v * Math.cos(a)));
        }
        return points;
    }

    private static ViewerPoint point(Point p) {
        return new ViewerPoint(p.x(), p.y());
    }
}
