package org.calibra.shared.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlaneGeometryTest {

    private static Point p(double x, double y) {
        return new Point(x, y);
    }

    private static List<Point> points(double... xy) {
        var list = new java.util.ArrayList<Point>();
        for (int i = 0; i < xy.length; i += 2) {
            list.add(p(xy[i], xy[i + 1]));
        }
        return list;
    }

    /** A "C" open to the right: 0..30 × 0..30 with the notch 10..30 × 10..20 cut out; 8 corners, concave. */
    static final List<Point> C_SHAPE = points(0, 0, 30, 0, 30, 10, 10, 10, 10, 20, 30, 20, 30, 30, 0, 30);

    @Nested
    class Segments {

        @Test
        void crossing_segments_intersect() {
            assertThat(PlaneGeometry.segmentsIntersect(p(0, 0), p(10, 10), p(0, 10), p(10, 0))).isTrue();
        }

        @Test
        void an_end_touching_the_other_segment_intersects() {
            assertThat(PlaneGeometry.segmentsIntersect(p(0, 0), p(10, 0), p(5, 0), p(5, 7))).isTrue();
        }

        @Test
        void collinear_overlapping_segments_intersect_and_collinear_separate_ones_do_not() {
            assertThat(PlaneGeometry.segmentsIntersect(p(0, 0), p(10, 0), p(5, 0), p(15, 0))).isTrue();
            assertThat(PlaneGeometry.segmentsIntersect(p(0, 0), p(10, 0), p(11, 0), p(15, 0))).isFalse();
        }

        @Test
        void parallel_and_apart_segments_do_not_intersect() {
            assertThat(PlaneGeometry.segmentsIntersect(p(0, 0), p(10, 0), p(0, 1), p(10, 1))).isFalse();
            assertThat(PlaneGeometry.segmentsIntersect(p(0, 0), p(10, 10), p(6, 4), p(20, 0))).isFalse();
        }
    }

    @Nested
    class Crossings {

        @Test
        void a_square_a_triangle_and_a_concave_outline_do_not_cross_themselves() {
            assertThat(PlaneGeometry.firstCrossing(points(0, 0, 10, 0, 10, 10, 0, 10))).isEmpty();
            assertThat(PlaneGeometry.firstCrossing(points(0, 0, 10, 0, 5, 8))).isEmpty();
            assertThat(PlaneGeometry.firstCrossing(C_SHAPE)).isEmpty();
        }

        @Test
        void a_bow_tie_crosses_itself_where_its_diagonals_meet() {
            // (0,0) → (10,10) → (10,0) → (0,10) → back: edge 0 and edge 2 cross at (5, 5)
            var crossing = PlaneGeometry.firstCrossing(points(0, 0, 10, 10, 10, 0, 0, 10)).orElseThrow();
            assertThat(crossing.edge()).isZero();
            assertThat(crossing.otherEdge()).isEqualTo(2);
            assertThat(crossing.at()).isEqualTo(p(5, 5));
        }

        @Test
        void a_corner_touching_another_edge_counts_as_a_crossing() {
            // the fifth point (5, 0) lies on the first edge (0,0)-(10,0)
            var crossing = PlaneGeometry.firstCrossing(points(0, 0, 10, 0, 10, 10, 5, 10, 5, 0, 0, 10)).orElseThrow();
            assertThat(crossing.at()).isEqualTo(p(5, 0));
        }

        @Test
        void an_outline_that_doubles_back_along_itself_crosses_itself() {
            // (0,0) → (10,0) → (5,0): the second edge runs back along the first
            var crossing = PlaneGeometry.firstCrossing(points(0, 0, 10, 0, 5, 0, 5, 5)).orElseThrow();
            assertThat(crossing.edge()).isZero();
            assertThat(crossing.otherEdge()).isEqualTo(1);
        }

        @Test
        void collinear_points_enclose_nothing_and_are_reported() {
            assertThat(PlaneGeometry.firstCrossing(points(0, 0, 1, 0, 2, 0))).isPresent();
        }

        @Test
        void the_closing_edge_is_checked_too() {
            // (0,0) → (10,0) → (10,10) → (20,10) → (20,5) → back to (0,0): only that last edge crosses edge 1 (x = 10)
            var crossing = PlaneGeometry.firstCrossing(points(0, 0, 10, 0, 10, 10, 20, 10, 20, 5)).orElseThrow();
            assertThat(crossing.edge()).isEqualTo(1);
            assertThat(crossing.otherEdge()).isEqualTo(4);
            assertThat(crossing.at()).isEqualTo(p(10, 2.5));
            assertThat(PlaneGeometry.firstCrossing(points(0, 0, 10, 0, 10, 10, 20, 10, 20, -5))).as("below edge 0 instead").isEmpty();
        }

        @Test
        void a_repeated_point_is_found_including_the_last_against_the_first() {
            assertThat(PlaneGeometry.firstRepeatedPoint(points(0, 0, 10, 0, 10, 0, 5, 5))).isEqualTo(1);
            assertThat(PlaneGeometry.firstRepeatedPoint(points(0, 0, 10, 0, 5, 5))).isEqualTo(-1);
        }
    }

    @Nested
    class Contours {

        private final Contour c = new Contour(C_SHAPE);

        @Test
        void area_and_centroid_of_a_concave_outline() {
            assertThat(c.area()).isEqualTo(700); // 900 - the 20 × 10 notch
            // the 30 × 30 square (centroid 15,15, area 900) minus the notch (centroid 20,15, area 200)
            assertThat(c.centroid().x()).isCloseTo((900 * 15.0 - 200 * 20.0) / 700, within(1e-12));
            assertThat(c.centroid().y()).isCloseTo(15, within(1e-12));
            assertThat(c.equivalentRadius()).isCloseTo(Math.sqrt(700 / Math.PI), within(1e-12));
        }

        @Test
        void the_notch_of_a_concave_outline_is_outside_and_its_arms_are_inside() {
            assertThat(c.contains(p(20, 15))).as("in the notch").isFalse();
            assertThat(c.contains(p(20, 5))).as("upper arm").isTrue();
            assertThat(c.contains(p(5, 15))).as("spine").isTrue();
            assertThat(c.contains(p(31, 15))).isFalse();
        }

        @Test
        void every_point_of_the_outline_is_inside() {
            assertThat(c.contains(p(0, 0))).isTrue();
            assertThat(c.contains(p(15, 0))).isTrue();
            assertThat(c.contains(p(20, 10))).as("edge of the notch").isTrue();
            assertThat(c.contains(p(10, 15))).as("bottom of the notch").isTrue();
        }

        @Test
        void distance_to_the_outline_from_inside_outside_and_with_a_pixel_spacing() {
            assertThat(c.distanceToOutline(p(20, 15), 1, 1)).as("middle of the notch").isEqualTo(5);
            assertThat(c.distanceToOutline(p(5, 15), 1, 1)).as("middle of the spine").isEqualTo(5);
            assertThat(c.distanceToOutline(p(33, 34), 1, 1)).as("beyond the corner (30,30)").isEqualTo(5);
            // 0.5 mm columns, 2 mm rows: 3 px right of the right edge is 1.5 mm; 1 px below is 2 mm
            assertThat(c.distanceToOutline(p(33, 5), 0.5, 2)).isEqualTo(1.5);
            assertThat(c.distanceToOutline(p(5, 31), 0.5, 2)).isEqualTo(2);
        }

        @Test
        void a_repeated_first_point_at_the_end_is_dropped_and_fewer_than_three_points_are_refused() {
            assertThat(new Contour(points(0, 0, 10, 0, 5, 5, 0, 0)).points()).hasSize(3);
            assertThatThrownBy(() -> new Contour(points(0, 0, 10, 0, 0, 0))).hasMessageContaining("at least 3 points, has 2");
        }
    }

    @Nested
    class Ellipses {

        @Test
        void an_axis_aligned_ellipse_contains_its_outline_exactly() {
            var e = new Ellipse(50, 50, 10, 5);
            assertThat(e.contains(p(60, 50))).isTrue();
            assertThat(e.contains(p(50, 45))).isTrue();
            assertThat(e.contains(p(60.000001, 50))).isFalse();
            assertThat(e.contains(p(57, 54))).isFalse(); // (0.7)² + (0.8)² = 1.13
        }

        @Test
        void distances_along_the_axes_are_exact() {
            var e = new Ellipse(50, 50, 10, 5);
            assertThat(e.distanceToOutline(p(70, 50), 1, 1)).isEqualTo(10);
            assertThat(e.distanceToOutline(p(50, 60), 1, 1)).isEqualTo(5);
            assertThat(e.distanceToOutline(p(50, 50), 1, 1)).as("from the centre: the minor semi-axis").isEqualTo(5);
            assertThat(e.distanceToOutline(p(50, 48), 1, 1)).isEqualTo(3);
        }

        @Test
        void the_distance_from_a_general_point_matches_a_dense_sampling_of_the_outline() {
            var random = new Random(7);
            for (var e : List.of(new Ellipse(50, 50, 10, 5), new Ellipse(50, 50, 10, 5, 30), new Ellipse(40, 60, 3, 12, -75))) {
                for (int i = 0; i < 100; i++) {
                    Point q = p(20 + 60 * random.nextDouble(), 30 + 60 * random.nextDouble());
                    double sx = 0.5 + random.nextDouble();
                    double sy = 0.5 + random.nextDouble();
                    assertThat(e.distanceToOutline(q, sx, sy)).as("%s from %s, spacing %s × %s", e, q, sx, sy)
                            .isCloseTo(sampledDistance(e, q, sx, sy), within(1e-3));
                }
            }
        }

        /** Brute force: the nearest of 100,000 points along the outline, after scaling. */
        private static double sampledDistance(Ellipse e, Point q, double sx, double sy) {
            double theta = Math.toRadians(e.rotationDeg());
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < 100_000; k++) {
                double t = 2 * Math.PI * k / 100_000;
                double ux = e.rx() * Math.cos(t);
                double uy = e.ry() * Math.sin(t);
                double x = e.x() + ux * Math.cos(theta) - uy * Math.sin(theta);
                double y = e.y() + ux * Math.sin(theta) + uy * Math.cos(theta);
                best = Math.min(best, Math.hypot((x - q.x()) * sx, (y - q.y()) * sy));
            }
            return best;
        }

        @Test
        void a_rotation_of_90_degrees_swaps_the_axes_exactly() {
            var e = new Ellipse(50, 50, 10, 5, 90);
            assertThat(e.contains(p(50, 60))).isTrue();
            assertThat(e.contains(p(55, 50))).isTrue();
            assertThat(e.contains(p(56, 50))).isFalse();
            assertThat(e.bounds()).isEqualTo(new Bounds(45, 40, 55, 60));
            assertThat(new Ellipse(50, 50, 10, 5, -180).bounds()).isEqualTo(new Bounds(40, 45, 60, 55));
        }

        @Test
        void a_rotated_ellipse_contains_points_along_its_rotated_axes() {
            var e = new Ellipse(0, 0, 10, 2, 45); // the long axis runs down to the right as shown
            assertThat(e.contains(p(6, 6))).isTrue();
            assertThat(e.contains(p(6, -6))).isFalse();
            assertThat(e.bounds().maxX()).isCloseTo(Math.sqrt(52), within(1e-12));
        }

        @Test
        void with_a_pixel_spacing_the_distance_is_in_mm() {
            // a circle of 10 px with 0.5 mm columns and 1 mm rows is an ellipse of 5 × 10 mm
            var c = new Circle(0, 0, 10);
            assertThat(c.distanceToOutline(p(30, 0), 0.5, 1)).isEqualTo(10);
            assertThat(c.distanceToOutline(p(0, -25), 0.5, 1)).isEqualTo(15);
        }
    }

    @Nested
    class Boxes {

        private final Box b = new Box(10, 20, 30, 60);

        @Test
        void a_box_contains_its_edges_and_measures_to_them() {
            assertThat(b.contains(p(10, 20))).isTrue();
            assertThat(b.contains(p(30, 40))).isTrue();
            assertThat(b.contains(p(30.5, 40))).isFalse();
            assertThat(b.distanceToOutline(p(15, 40), 1, 1)).isEqualTo(5);
            assertThat(b.distanceToOutline(p(33, 64), 1, 1)).isEqualTo(5);
            assertThat(b.area()).isEqualTo(800);
            assertThat(b.centroid()).isEqualTo(p(20, 40));
        }

        @Test
        void a_box_without_width_or_height_is_refused() {
            assertThatThrownBy(() -> new Box(10, 20, 10, 60)).hasMessageContaining("x1 > x0");
            assertThatThrownBy(() -> new Ellipse(0, 0, 0, 5)).hasMessageContaining("ellipse rx must be > 0");
        }
    }
}
