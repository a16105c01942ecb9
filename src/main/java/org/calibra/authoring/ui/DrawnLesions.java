package org.calibra.authoring.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.content.CaseManifest.TruthFinding;
import org.calibra.viewer.ViewerPoint;
import org.calibra.viewer.ViewerShape;

/**
 * A shape drawn in the viewer's truth layer as the manifest's truth lesion — the inverse of {@link ManifestShapes#truth}:
 * a point is a circle, an ellipse and a box are themselves, a polygon is a contour, outlines on other images are
 * sliceContours, the images spanned an imageRange. What the viewer does not edit (weight, code) comes from the lesion as
 * it was. Coordinates are kept to 1/100 pixel, as the viewer rounds them. Nothing here is trusted: the draft's checks
 * judge the result on save. Plain Java.
 */
final class DrawnLesions {

    private DrawnLesions() {
    }

    /** {@code before}: the lesion this shape was, or null for a new one (its label then comes from the shape, or none). */
    static TruthFinding finding(ViewerShape s, String id, TruthFinding before) {
        String label = !s.label().isBlank() ? s.label().strip() : before != null ? before.label() : "";
        Double weight = before == null ? null : before.weight();
        CaseManifest.Code code = before == null ? null : before.code();
        List<Integer> range = s.firstImage() == s.lastImage() && s.firstImage() == s.imageIndex() ? null : List.of(s.firstImage(), s.lastImage());
        List<CaseManifest.SliceContour> slices = new ArrayList<>();
        for (Map.Entry<Integer, List<ViewerPoint>> c : s.contours().entrySet()) {
            if (c.getKey() != s.imageIndex()) {
                slices.add(new CaseManifest.SliceContour(c.getKey(), points(c.getValue())));
            }
        }
        List<CaseManifest.SliceContour> sliceContours = slices.isEmpty() ? null : slices;
        return switch (s.shape()) {
            case ViewerShape.ELLIPSE -> new TruthFinding(id, label, s.imageIndex(), null, null, null, weight, range,
                    new CaseManifest.Ellipse(r(s.x()), r(s.y()), r(s.width() / 2), r(s.height() / 2), null), null, null, sliceContours, code);
            case ViewerShape.BOX -> new TruthFinding(id, label, s.imageIndex(), null, null, null, weight, range, null,
                    new CaseManifest.Box(r(s.x() - s.width() / 2), r(s.y() - s.height() / 2), r(s.x() + s.width() / 2), r(s.y() + s.height() / 2)),
                    null, sliceContours, code);
            case ViewerShape.POLYGON -> new TruthFinding(id, label, s.imageIndex(), null, null, null, weight, range, null, null,
                    points(s.points()), sliceContours, code);
            default -> new TruthFinding(id, label, s.imageIndex(), r(s.x()), r(s.y()), r(s.radius()), weight, range, null, null, null,
                    sliceContours, code);
        };
    }

    /** The lesion with other fields the list edits: label, weight, images spanned, code. */
    static TruthFinding with(TruthFinding f, String label, Double weight, int first, int last, CaseManifest.Code code) {
        int key = Math.clamp(f.imageIndex(), Math.min(first, last), Math.max(first, last));
        List<Integer> range = first == last && first == key ? null : List.of(first, last);
        return new TruthFinding(f.id(), label, key, f.x(), f.y(), f.radiusPx(), weight, range, f.ellipse(), f.box(), f.contour(),
                f.sliceContours(), code);
    }

    /** The first of L1, L2, … not taken. */
    static String nextId(Collection<String> taken) {
        for (int n = 1; ; n++) {
            if (!taken.contains("L" + n)) {
                return "L" + n;
            }
        }
    }

    /** The kind of a lesion's outline in words: "circle", "ellipse", "box", "outline" (or "no shape yet"). */
    static String kind(TruthFinding f) {
        var kinds = f.geometries();
        if (kinds.size() != 1) {
            return kinds.isEmpty() ? "no shape yet" : "several shapes";
        }
        return switch (kinds.getFirst()) {
            case TruthFinding.CONTOUR -> f.sliceContours() == null ? "outline" : "outlines on " + (f.sliceContours().size() + 1) + " images";
            default -> kinds.getFirst();
        };
    }

    /**
     * Weights that spread 1 evenly over {@code n} lesions, to 4 decimals, the last taking what rounding left so they
     * sum to exactly 1 (the scoring's rule, docs/content-format.md).
     */
    static List<Double> evenWeights(int n) {
        List<Double> out = new ArrayList<>();
        if (n <= 0) {
            return out;
        }
        BigDecimal each = BigDecimal.ONE.divide(BigDecimal.valueOf(n), 4, RoundingMode.DOWN);
        for (int i = 0; i < n - 1; i++) {
            out.add(each.doubleValue());
        }
        out.add(BigDecimal.ONE.subtract(each.multiply(BigDecimal.valueOf(n - 1))).doubleValue());
        return out;
    }

    private static List<CaseManifest.Point> points(List<ViewerPoint> points) {
        return points.stream().map(p -> new CaseManifest.Point(r(p.x()), r(p.y()))).toList();
    }

    private static double r(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
