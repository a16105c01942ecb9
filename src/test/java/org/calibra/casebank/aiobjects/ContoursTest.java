package org.calibra.casebank.aiobjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Marching squares on pixel centres: outlines half a pixel outside the set pixels' centres, largest part only, no holes. */
class ContoursTest {

    private static boolean[] mask(String... rows) {
        boolean[] m = new boolean[rows.length * rows[0].length()];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length(); c++) {
                m[r * rows[0].length() + c] = rows[r].charAt(c) == '#';
            }
        }
        return m;
    }

    @Test
    void a_single_pixel_is_a_diamond_around_its_centre() {
        var part = Contours.largestPart(mask("...", ".#.", "..."), 3, 3);

        assertThat(part.outline()).containsExactlyInAnyOrder(new Point(1.5, 1), new Point(2, 1.5), new Point(1.5, 2), new Point(1, 1.5));
        assertThat(part.centroid()).isEqualTo(new Point(1.5, 1.5));
        assertThat(part.pixels()).isEqualTo(1);
        assertThat(Geometry.signedArea(part.outline())).as("clockwise on screen").isPositive();
    }

    @Test
    void a_rectangle_is_four_corners_cut_at_half_a_pixel_and_straight_runs_are_merged() {
        var part = Contours.largestPart(mask(
                "......",
                ".####.",
                ".####.",
                "......"), 4, 6);

        assertThat(part.outline()).hasSize(8); // each corner cut diagonally
        assertThat(Geometry.area(part.outline())).isEqualTo(8 - 4 * 0.125);
        assertThat(part.outline()).allSatisfy(p -> assertThat(p.x()).isBetween(1.0, 5.0));
        assertThat(part.centroid()).isEqualTo(new Point(3, 2));
    }

    @Test
    void only_the_largest_part_is_outlined_and_parts_touching_at_a_corner_are_separate() {
        var part = Contours.largestPart(mask(
                "##....",
                "##....",
                "..#...",
                "....##",
                "....##",
                "....##"), 6, 6);

        assertThat(part.pixels()).isEqualTo(6);
        assertThat(part.otherParts()).isEqualTo(2);
        assertThat(part.centroid()).isEqualTo(new Point(5, 4.5));
    }

    @Test
    void a_hole_is_not_outlined() {
        var part = Contours.largestPart(mask(
                "#####",
                "#...#",
                "#...#",
                "#####"), 4, 5);

        assertThat(Geometry.area(part.outline())).as("the outer boundary only").isEqualTo(5 * 4 - 4 * 0.125);
        assertThat(part.pixels()).isEqualTo(14);
    }

    @Test
    void a_rasterized_disc_is_outlined_within_a_pixel_of_its_circle() {
        List<Point> circle = Geometry.circle(new Point(20.3, 17.8), 9.4);
        var part = Contours.largestPart(Geometry.rasterize(circle, 40, 40), 40, 40);

        assertThat(Geometry.hausdorff(part.outline(), circle)).isLessThanOrEqualTo(1.0);
        assertThat(part.centroid().distance(new Point(20.3, 17.8))).isLessThan(0.2);
        assertThat(Contours.largestPart(new boolean[16], 4, 4)).isNull();
    }
}
