package org.calibra.authoring.ui;

import java.util.ArrayList;
import java.util.List;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.viewer.ViewerPoint;
import org.calibra.viewer.ViewerShape;

/**
 * A manifest's truth lesions and AI marks as the viewer's shapes (ADR 0020, ADR 0022): circles, ellipses (a rotated one as
 * its outline), boxes and contours with their contours on other images, over the images each lesion spans. A finding a
 * draft has not finished (no geometry, or two) is left out: its problem is listed beside the images.
 */
final class ManifestShapes {

    /** The radius an AI mark (a point without a size) is drawn with, in image pixels. */
    static final double AI_MARK_RADIUS = 6;

    private ManifestShapes() {
    }

    static List<ViewerShape> truth(CaseManifest m) {
        return m.truth() == null ? new ArrayList<>() : truth(m.truth().findings());
    }

    /** Lesions as a draft's truth section has them, before they are saved. */
    static List<ViewerShape> truth(List<CaseManifest.TruthFinding> findings) {
        List<ViewerShape> out = new ArrayList<>();
        for (var f : findings) {
            try {
                out.add(shape(f));
            } catch (RuntimeException unfinished) {
                // no geometry or more than one: nothing to draw yet
            }
        }
        return out;
    }

    static List<ViewerShape> ai(CaseManifest m) {
        List<ViewerShape> out = new ArrayList<>();
        if (m.ai() == null) {
            return out;
        }
        for (int i = 0; i < m.ai().findings().size(); i++) {
            var f = m.ai().findings().get(i);
            out.add(ViewerShape.point("A" + (i + 1), f.label(), f.imageIndex(), f.x(), f.y(), AI_MARK_RADIUS).withProbability(f.probability()));
        }
        return out;
    }

    private static ViewerShape shape(CaseManifest.TruthFinding f) {
        String label = f.label() == null ? "" : f.label();
        ViewerShape s = switch (f.geometry()) {
            case CaseManifest.TruthFinding.CIRCLE -> ViewerShape.point(f.id(), label, f.imageIndex(), f.x(), f.y(), f.radiusPx());
            case CaseManifest.TruthFinding.ELLIPSE -> ellipse(f, label);
            case CaseManifest.TruthFinding.BOX -> ViewerShape.box(f.id(), label, f.imageIndex(), (f.box().x0() + f.box().x1()) / 2,
                    (f.box().y0() + f.box().y1()) / 2, f.box().x1() - f.box().x0(), f.box().y1() - f.box().y0());
            default -> ViewerShape.polygon(f.id(), label, f.imageIndex(), points(f.contour()));
        };
        s = s.withImages(f.firstImage(), f.lastImage());
        if (f.sliceContours() != null) {
            for (var c : f.sliceContours()) {
                s = s.withContour(c.imageIndex(), points(c.points()));
            }
        }
        return s;
    }

    /** An axis-aligned ellipse as the viewer draws one; a rotated one as its outline (48 points). */
    private static ViewerShape ellipse(CaseManifest.TruthFinding f, String label) {
        var e = f.ellipse();
        double rotation = e.rotationDeg() == null ? 0 : e.rotationDeg();
        if (rotation % 180 == 0) {
            return ViewerShape.ellipse(f.id(), label, f.imageIndex(), e.x(), e.y(), 2 * e.rx(), 2 * e.ry());
        }
        double a = Math.toRadians(rotation);
        List<ViewerPoint> outline = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            double t = 2 * Math.PI * i / 48;
            double u = e.rx() * Math.cos(t);
            double v = e.ry() * Math.sin(t);
            outline.add(new ViewerPoint(e.x() + u * Math.cos(a) - v * Math.sin(a), e.y() + u * Math.sin(a) + v * Math.cos(a)));
        }
        return ViewerShape.polygon(f.id(), label, f.imageIndex(), outline);
    }

    private static List<ViewerPoint> points(List<CaseManifest.Point> points) {
        return points.stream().map(p -> new ViewerPoint(p.x(), p.y())).toList();
    }
}
