package org.calibra.competency.parts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calibra.casebank.CaseTruth;
import org.calibra.shared.geometry.Box;
import org.calibra.shared.geometry.Contour;
import org.calibra.shared.geometry.Ellipse;
import org.calibra.shared.geometry.Point;
import org.calibra.shared.geometry.SliceShape;
import org.calibra.viewer.ViewerShape;
import org.junit.jupiter.api.Test;

class TruthOutlinesTest {

    private static CaseTruth.Lesion lesion(List<SliceShape> outline) {
        return new CaseTruth.Lesion("L1", "nodule", 3, 50, 60, 8, 1, 2, 4, outline, null);
    }

    @Test
    void a_circle_lesion_stays_the_circle_the_viewer_always_drew() {
        var l = TruthOutlines.of(new CaseTruth.Lesion("L1", "nodule", 3, 50, 60, 8, 1, 3, 3), true);
        assertThat(l.shape()).isEqualTo(ViewerShape.POINT);
        assertThat(l.radius()).isEqualTo(8);
        assertThat(l.detected()).isTrue();
    }

    @Test
    void a_contour_with_its_own_outline_on_another_image_is_drawn_by_both() {
        var key = new Contour(List.of(new Point(40, 50), new Point(60, 50), new Point(55, 70)));
        var other = new Box(42, 52, 58, 66);
        var l = TruthOutlines.of(lesion(List.of(new SliceShape(3, key), new SliceShape(4, other))), false);
        assertThat(l.shape()).isEqualTo(ViewerShape.POLYGON);
        assertThat(l.points()).hasSize(3).first().satisfies(p -> assertThat(p.x()).isEqualTo(40));
        assertThat(l.contours()).containsOnlyKeys(4);
        assertThat(l.contours().get(4)).hasSize(4);
        assertThat(l.firstImage()).isEqualTo(2);
        assertThat(l.lastImage()).isEqualTo(4);
    }

    @Test
    void boxes_and_axis_aligned_ellipses_keep_their_kind_and_a_rotated_ellipse_becomes_its_outline() {
        assertThat(TruthOutlines.of(lesion(List.of(new SliceShape(3, new Box(10, 20, 30, 60)))), false))
                .satisfies(l -> {
                    assertThat(l.shape()).isEqualTo(ViewerShape.BOX);
                    assertThat(l.x()).isEqualTo(20);
                    assertThat(l.height()).isEqualTo(40);
                });
        assertThat(TruthOutlines.of(lesion(List.of(new SliceShape(3, new Ellipse(50, 60, 10, 5)))), false).shape()).isEqualTo(ViewerShape.ELLIPSE);
        var rotated = TruthOutlines.of(lesion(List.of(new SliceShape(3, new Ellipse(50, 60, 10, 5, 30)))), false);
        assertThat(rotated.shape()).isEqualTo(ViewerShape.POLYGON);
        assertThat(rotated.points()).hasSize(64).allSatisfy(p -> assertThat(Math.hypot(p.x() - 50, p.y() - 60)).isBetween(4.99, 10.01));
    }
}
