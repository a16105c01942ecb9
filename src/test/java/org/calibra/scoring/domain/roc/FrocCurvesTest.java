package org.calibra.scoring.domain.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.calibra.scoring.domain.roc.Psi.UNMARKED;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.calibra.scoring.domain.roc.FrocCurves.AfrocPoint;
import org.calibra.scoring.domain.roc.FrocCurves.FrocPoint;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FrocCurvesTest {

    private static final double EXACT = 1e-12;

    /** Trapezoids between consecutive points, no extension (the FROC area). */
    private static double frocArea(List<FrocPoint> points) {
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            area += (points.get(i).nlf() - points.get(i - 1).nlf()) * (points.get(i).llf() + points.get(i - 1).llf()) / 2;
        }
        return area;
    }

    /** Trapezoids plus the straight-line extension from the end-point to (1, 1). */
    private static double afrocArea(List<AfrocPoint> points, boolean weighted) {
        double area = 0;
        double x0 = 0;
        double y0 = 0;
        for (AfrocPoint p : points) {
            double y = weighted ? p.wllf() : p.llf();
            area += (p.fpf() - x0) * (y + y0) / 2;
            x0 = p.fpf();
            y0 = y;
        }
        return area + (1 - x0) * (1 + y0) / 2;
    }

    @Test
    void the_froc_curve_starts_at_the_origin_and_ends_at_all_marks_counted() {
        var points = FrocCurves.froc(ChakrabortyNineCaseExample.dataset());
        assertThat(points.getFirst()).isEqualTo(new FrocPoint(Double.POSITIVE_INFINITY, 0, 0));
        // 5 NLs on 9 cases; 8 of 9 lesions marked
        FrocPoint end = points.getLast();
        assertThat(end.threshold()).isEqualTo(-0.3);
        assertThat(end.nlf()).isCloseTo(5.0 / 9, within(EXACT));
        assertThat(end.llf()).isCloseTo(8.0 / 9, within(EXACT));
    }

    /**
     * Chakraborty's book, Appendix 3 of "Empirical plots from FROC data": for the 9-case example
     * both numerical integration and RJafroc give A_FROC = 0.4074074. By the formula: for each
     * lesion count the NLs {−0.3, 0.5, 0.6, 0.7, 1.5} below it: 4 + 1 + 5 + 0 + 5 + 5 + 4 + 5 + 4 =
     * 33, over (K1 + K2)·L_T = 81.
     */
    @Test
    void the_area_under_the_froc_points_matches_the_published_value() {
        assertThat(frocArea(FrocCurves.froc(ChakrabortyNineCaseExample.dataset())))
                .isCloseTo(33.0 / 81, within(EXACT)).isCloseTo(0.4074074, within(5e-8));
    }

    /**
     * The book's table of (FPF, LLF, wLLF): distinct AFROC points (0,0), (0, 0.7777778),
     * (0.5, 0.7777778), (0.5, 0.8888889), (0.75, 0.8888889), then the extension to (1,1); wAFROC
     * ordinates 0.62 and 0.82 in place of 0.7777778 and 0.8888889.
     */
    @Test
    void afroc_and_wafroc_points_match_the_table_in_chakrabortys_book() {
        var points = FrocCurves.afroc(ChakrabortyNineCaseExample.dataset());
        assertThat(points).extracting(AfrocPoint::fpf).containsSubsequence(0.0, 0.25, 0.5, 0.75);
        AfrocPoint lastAtZero = points.stream().filter(p -> p.fpf() == 0).reduce((a, b) -> b).orElseThrow();
        assertThat(lastAtZero.llf()).isCloseTo(7.0 / 9, within(EXACT));
        assertThat(lastAtZero.wllf()).isCloseTo(0.62, within(EXACT));
        AfrocPoint end = points.getLast();
        assertThat(end.fpf()).isEqualTo(0.75);
        assertThat(end.llf()).isCloseTo(8.0 / 9, within(EXACT));
        assertThat(end.wllf()).isCloseTo(0.82, within(EXACT));
    }

    @Test
    void the_area_under_the_afroc_points_with_extension_equals_the_afroc_and_wafroc_figures() {
        var d = ChakrabortyNineCaseExample.dataset();
        var points = FrocCurves.afroc(d);
        assertThat(afrocArea(points, false)).isCloseTo(FrocFom.AFROC.valueOf(d), within(EXACT));
        assertThat(afrocArea(points, true)).isCloseTo(FrocFom.WAFROC.valueOf(d), within(EXACT));
    }

    /**
     * Chakraborty's Appendix 1 theorem (the wAFROC analogue of Bamber's): the trapezoidal area with
     * extension equals the ψ-average, ties included. Checked on random 1..5-rated data, where ties
     * and unmarked lesions are common.
     */
    @Test
    void the_area_theorem_holds_on_random_rated_data_with_ties() {
        var random = new SplittableRandom(20_240_601L);
        for (int trial = 0; trial < 50; trial++) {
            var cases = new ArrayList<FrocCase>();
            for (int k = 0; k < 6; k++) {
                cases.add(new FrocCase("N" + k, false, randomNls(random), List.of()));
            }
            for (int k = 0; k < 5; k++) {
                int lesions = 1 + random.nextInt(3);
                double[] lls = new double[lesions];
                for (int l = 0; l < lesions; l++) {
                    lls[l] = random.nextInt(3) == 0 ? UNMARKED : 1 + random.nextInt(5);
                }
                cases.add(FrocCase.abnormalEqualWeights("A" + k, randomNls(random), lls));
            }
            var d = FrocDataset.of(cases);
            var points = FrocCurves.afroc(d);
            assertThat(afrocArea(points, false)).isCloseTo(FrocFom.AFROC.valueOf(d), within(1e-12));
            assertThat(afrocArea(points, true)).isCloseTo(FrocFom.WAFROC.valueOf(d), within(1e-12));
        }
    }

    private static List<Double> randomNls(SplittableRandom random) {
        var nls = new ArrayList<Double>();
        for (int i = random.nextInt(3); i > 0; i--) {
            nls.add((double) (1 + random.nextInt(5)));
        }
        return nls;
    }

    @Test
    void a_reader_who_marks_nothing_has_only_the_origin() {
        var d = FrocDataset.of(List.of(FrocCase.normal("N"), FrocCase.abnormalEqualWeights("A", List.of(), UNMARKED)));
        assertThat(FrocCurves.froc(d)).containsExactly(new FrocPoint(Double.POSITIVE_INFINITY, 0, 0));
        assertThat(FrocCurves.afroc(d)).containsExactly(new AfrocPoint(Double.POSITIVE_INFINITY, 0, 0, 0));
    }

    @Test
    void curves_need_the_cases_their_axes_divide_by() {
        var normalsOnly = FrocDataset.of(List.of(FrocCase.normal("N", 1)));
        var abnormalsOnly = FrocDataset.of(List.of(FrocCase.abnormalEqualWeights("A", List.of(), 1)));
        assertThatThrownBy(() -> FrocCurves.froc(normalsOnly)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrocCurves.afroc(abnormalsOnly)).isInstanceOf(IllegalArgumentException.class);
        assertThat(FrocCurves.froc(abnormalsOnly)).hasSize(2);
    }
}
