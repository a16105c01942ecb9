package org.calibra.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.calibra.scoring.domain.MarkOutcome.Duplicate;
import org.calibra.scoring.domain.MarkOutcome.FalsePositive;
import org.calibra.scoring.domain.MarkOutcome.Hit;
import org.calibra.shared.geometry.Box;
import org.calibra.shared.geometry.Circle;
import org.calibra.shared.geometry.Contour;
import org.calibra.shared.geometry.Ellipse;
import org.calibra.shared.geometry.Point;
import org.calibra.shared.geometry.Shape;
import org.calibra.shared.geometry.SliceShape;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Matching marks against lesions drawn as ellipses, boxes and contours (ADR 0020), with exact geometry. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LesionShapeMatchingTest {

    private static final IntFunction<Optional<PixelSpacing>> NO_SPACING = image -> Optional.empty();
    private static final IntFunction<Optional<PixelSpacing>> ONE_MM = image -> Optional.of(PixelSpacing.isotropic(1.0));
    private static final AcceptanceRule FIVE_MM = AcceptanceRule.DEFAULT;

    private static Lesion drawn(String id, Shape shape) {
        return Lesion.outlined(id, null, 1.0, 0, 0, 0, List.of(new SliceShape(0, shape)));
    }

    private static MarkOutcome alone(Lesion lesion, double x, double y, IntFunction<Optional<PixelSpacing>> spacing) {
        return alone(lesion, 0, x, y, spacing);
    }

    private static MarkOutcome alone(Lesion lesion, int image, double x, double y, IntFunction<Optional<PixelSpacing>> spacing) {
        return LesionMatcher.match(List.of(lesion), List.of(Mark.of("M1", image, x, y, 3)), spacing, FIVE_MM).markOutcomes().getFirst();
    }

    private static List<Point> points(double... xy) {
        var list = new java.util.ArrayList<Point>();
        for (int i = 0; i < xy.length; i += 2) {
            list.add(new Point(xy[i], xy[i + 1]));
        }
        return list;
    }

    @Nested
    class Ellipses {

        private final Lesion lesion = drawn("L1", new Ellipse(100, 100, 20, 10));

        @Test
        void inside_is_a_hit() {
            assertThat(alone(lesion, 100, 100, ONE_MM)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 119, 100, ONE_MM)).isEqualTo(new Hit("M1", "L1"));
        }

        @Test
        void within_the_floor_of_the_outline_is_a_hit_the_edge_of_the_floor_included() {
            assertThat(alone(lesion, 125, 100, ONE_MM)).as("5 mm beyond the end of the long axis").isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 100, 115, ONE_MM)).as("5 mm beyond the end of the short axis").isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 125.5, 100, ONE_MM)).isEqualTo(new FalsePositive("M1"));
            assertThat(alone(lesion, 100, 115.01, ONE_MM)).isEqualTo(new FalsePositive("M1"));
        }

        @Test
        void the_shape_decides_not_a_circle_around_the_centre() {
            // a circle of radius 20 on the same centre would take (100, 116): 16 px from its centre
            assertThat(alone(Lesion.of("L1", 0, 100, 100, 20), 100, 116, ONE_MM)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 100, 116, ONE_MM)).as("6 mm below the ellipse").isEqualTo(new FalsePositive("M1"));
        }

        @Test
        void without_a_pixel_spacing_only_the_region_counts_its_outline_included() {
            assertThat(alone(lesion, 120, 100, NO_SPACING)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 120.5, 100, NO_SPACING)).isEqualTo(new FalsePositive("M1"));
        }

        @Test
        void a_rotated_ellipse_is_judged_along_its_own_axes() {
            var tilted = drawn("L1", new Ellipse(100, 100, 20, 4, 90)); // long axis down the image
            assertThat(alone(tilted, 100, 124, ONE_MM)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(tilted, 110, 100, ONE_MM)).as("6 mm right of the outline").isEqualTo(new FalsePositive("M1"));
            assertThat(alone(tilted, 109, 100, ONE_MM)).isEqualTo(new Hit("M1", "L1"));
        }
    }

    @Nested
    class Boxes {

        private final Lesion lesion = drawn("L1", new Box(10, 20, 30, 60));
        /** 0.5 mm between columns, 2 mm between rows: the 5 mm floor is 10 px across and 2.5 px down. */
        private final IntFunction<Optional<PixelSpacing>> anisotropic = image -> Optional.of(new PixelSpacing(2, 0.5));

        @Test
        void inside_and_on_the_edge_are_hits() {
            assertThat(alone(lesion, 20, 40, NO_SPACING)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 30, 60, NO_SPACING)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 30.01, 60, NO_SPACING)).isEqualTo(new FalsePositive("M1"));
        }

        @Test
        void the_floor_is_measured_in_mm_with_each_axis_its_own_spacing() {
            assertThat(alone(lesion, 40, 40, anisotropic)).as("10 columns right: 5 mm").isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 40.5, 40, anisotropic)).as("5.25 mm").isEqualTo(new FalsePositive("M1"));
            assertThat(alone(lesion, 20, 62.5, anisotropic)).as("2.5 rows below: 5 mm").isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 20, 63, anisotropic)).as("6 mm").isEqualTo(new FalsePositive("M1"));
            // beyond the corner (30, 60): 3 columns = 1.5 mm and 2 rows = 4 mm, 4.27 mm away
            assertThat(alone(lesion, 33, 62, anisotropic)).isEqualTo(new Hit("M1", "L1"));
            // 8 columns = 4 mm and 2 rows = 4 mm, 5.66 mm away
            assertThat(alone(lesion, 38, 62, anisotropic)).isEqualTo(new FalsePositive("M1"));
        }
    }

    @Nested
    class ConcaveContours {

        /** A "C" open to the right: 0..90 × 0..90 with the notch 30..90 × 30..60 cut out. */
        private final Contour c = new Contour(points(0, 0, 90, 0, 90, 30, 30, 30, 30, 60, 90, 60, 90, 90, 0, 90));
        private final Lesion lesion = drawn("L1", c);

        @Test
        void its_arms_and_spine_are_hits_and_deep_in_the_notch_is_not() {
            assertThat(alone(lesion, 60, 15, ONE_MM)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 15, 45, ONE_MM)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 60, 45, ONE_MM)).as("15 mm from either arm").isEqualTo(new FalsePositive("M1"));
        }

        @Test
        void in_the_notch_within_the_floor_of_an_arm_is_a_hit() {
            assertThat(alone(lesion, 60, 35, ONE_MM)).as("5 mm below the upper arm").isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 60, 36, ONE_MM)).isEqualTo(new FalsePositive("M1"));
            assertThat(alone(lesion, 35, 45, ONE_MM)).as("5 mm right of the spine").isEqualTo(new Hit("M1", "L1"));
        }

        @Test
        void its_centroid_lies_in_the_notch_and_a_mark_there_is_not_on_the_lesion() {
            // (90 × 90 × 45 − 60 × 30 × 60) / (8100 − 1800) = 40.71…, 45: 10.7 px right of the spine, 15 px from the arms
            assertThat(lesion.x()).isCloseTo(256_500.0 / 6300, within(1e-9));
            assertThat(lesion.y()).isCloseTo(45, within(1e-9));
            assertThat(lesion.radiusPx()).isCloseTo(Math.sqrt(6300 / Math.PI), within(1e-9));
            assertThat(alone(lesion, lesion.x(), lesion.y(), ONE_MM)).isEqualTo(new FalsePositive("M1"));
        }
    }

    @Nested
    class SliceContours {

        /** Key contour on image 10 (a square at the top left), another on image 14 (at 100..120); visible on 8..16. */
        private final Lesion lesion = Lesion.outlined("L1", "nodule", 1.0, 10, 8, 16, List.of(
                new SliceShape(14, new Contour(points(100, 100, 120, 100, 120, 120, 100, 120))),
                new SliceShape(10, new Contour(points(0, 0, 20, 0, 20, 20, 0, 20)))));

        @Test
        void a_drawn_image_uses_its_own_contour() {
            assertThat(alone(lesion, 10, 10, 10, NO_SPACING)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 10, 110, 110, NO_SPACING)).isEqualTo(new FalsePositive("M1"));
            assertThat(alone(lesion, 14, 110, 110, NO_SPACING)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 14, 10, 10, NO_SPACING)).isEqualTo(new FalsePositive("M1"));
        }

        @Test
        void an_undrawn_image_uses_the_nearest_drawn_contour_the_lower_one_when_equally_near() {
            assertThat(alone(lesion, 11, 10, 10, NO_SPACING)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 12, 10, 10, NO_SPACING)).as("2 from 10 and from 14").isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 12, 110, 110, NO_SPACING)).isEqualTo(new FalsePositive("M1"));
            assertThat(alone(lesion, 13, 110, 110, NO_SPACING)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 8, 10, 10, NO_SPACING)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(lesion, 16, 110, 110, NO_SPACING)).isEqualTo(new Hit("M1", "L1"));
            assertThat(lesion.shapeOn(12)).isSameAs(lesion.shapeOn(10));
        }

        @Test
        void outside_the_lesions_images_nothing_hits() {
            assertThat(alone(lesion, 7, 10, 10, NO_SPACING)).isEqualTo(new FalsePositive("M1"));
            assertThat(alone(lesion, 17, 110, 110, NO_SPACING)).isEqualTo(new FalsePositive("M1"));
        }

        @Test
        void centre_and_radius_come_from_the_contour_on_the_centre_image() {
            assertThat(lesion.x()).isEqualTo(10);
            assertThat(lesion.y()).isEqualTo(10);
            assertThat(lesion.radiusPx()).isCloseTo(Math.sqrt(400 / Math.PI), within(1e-12));
            assertThat(lesion.outline()).extracting(SliceShape::imageIndex).containsExactly(10, 14);
        }
    }

    @Nested
    class Rules {

        @Test
        void of_two_marks_on_a_drawn_lesion_the_higher_rated_counts_and_the_other_is_a_duplicate() {
            var lesion = drawn("L1", new Box(0, 0, 40, 40));
            var result = LesionMatcher.match(List.of(lesion), List.of(Mark.of("M1", 0, 10, 10, 2), Mark.of("M2", 0, 44, 20, 5)), ONE_MM, FIVE_MM);
            assertThat(result.markOutcomes()).containsExactly(new Duplicate("M1", "L1"), new Hit("M2", "L1"));
            assertThat(result.lesionOutcome("L1")).contains(LesionOutcome.detected("L1", "M2", 5));
        }

        @Test
        void a_mark_between_two_drawn_lesions_goes_to_the_nearer_and_halfway_to_the_smaller_id() {
            var left = drawn("L1", new Box(0, 0, 20, 20));
            var right = drawn("L2", new Box(24, 0, 44, 20));
            var nearLeft = LesionMatcher.match(List.of(left, right), List.of(Mark.of("M1", 0, 21, 10, 3)), ONE_MM, FIVE_MM);
            var nearRight = LesionMatcher.match(List.of(left, right), List.of(Mark.of("M1", 0, 23, 10, 3)), ONE_MM, FIVE_MM);
            var halfway = LesionMatcher.match(List.of(right, left), List.of(Mark.of("M1", 0, 22, 10, 3)), ONE_MM, FIVE_MM);
            assertThat(nearLeft.markOutcomes()).containsExactly(new Hit("M1", "L1"));
            assertThat(nearRight.markOutcomes()).containsExactly(new Hit("M1", "L2"));
            assertThat(halfway.markOutcomes()).containsExactly(new Hit("M1", "L1"));
        }

        @Test
        void ai_marks_are_matched_against_the_drawn_region_too() {
            var lesion = drawn("L1", new Ellipse(100, 100, 20, 10));
            var result = LesionMatcher.matchAi(List.of(lesion), List.of(new AiMark("A1", 0, 124, 100, 0.9, null),
                    new AiMark("A2", 0, 100, 116, 0.95, null)), ONE_MM, FIVE_MM);
            assertThat(result.markOutcomes()).containsExactly(new Hit("A1", "L1"), new FalsePositive("A2"));
        }

        @Test
        void a_circle_given_as_a_shape_is_matched_exactly_like_a_point_and_radius_lesion() {
            var classic = new Lesion("L1", 3, 100, 100, 4, "nodule", 1.0, 2, 4);
            var asShape = Lesion.outlined("L1", "nodule", 1.0, 3, 2, 4, List.of(new SliceShape(3, new Circle(100, 100, 4))));
            assertThat(asShape).isEqualTo(classic);
            for (double dx = 0; dx <= 12; dx += 0.25) {
                var marks = List.of(Mark.of("M1", 2, 100 + dx, 100, 3));
                assertThat(LesionMatcher.match(List.of(asShape), marks, ONE_MM, FIVE_MM))
                        .isEqualTo(LesionMatcher.match(List.of(classic), marks, ONE_MM, FIVE_MM));
            }
            // the floor still replaces the radius for a circle: 5 mm from the centre, not 5 mm beyond the outline
            assertThat(alone(classic, 3, 105, 100, ONE_MM)).isEqualTo(new Hit("M1", "L1"));
            assertThat(alone(classic, 3, 105.01, 100, ONE_MM)).isEqualTo(new FalsePositive("M1"));
        }
    }

    @Nested
    class Validation {

        @Test
        void a_shape_outside_the_lesions_images_is_refused() {
            assertThatThrownBy(() -> Lesion.outlined("L1", null, 1.0, 5, 4, 6, List.of(new SliceShape(5, new Box(0, 0, 1, 1)),
                    new SliceShape(7, new Box(0, 0, 1, 1))))).hasMessageContaining("has a shape on image 7, outside its images 4..6");
        }

        @Test
        void a_lesion_without_a_shape_on_its_centre_image_is_refused() {
            assertThatThrownBy(() -> new Lesion("L1", 5, 0.5, 0.5, 1, null, 1.0, 4, 6, List.of(new SliceShape(4, new Box(0, 0, 1, 1)))))
                    .hasMessageContaining("needs a shape on its centre image 5");
        }

        @Test
        void two_shapes_on_one_image_are_refused() {
            assertThatThrownBy(() -> Lesion.outlined("L1", null, 1.0, 5, 5, 5, List.of(new SliceShape(5, new Box(0, 0, 1, 1)),
                    new SliceShape(5, new Box(0, 0, 2, 2))))).hasMessageContaining("two shapes on image 5");
        }
    }
}
