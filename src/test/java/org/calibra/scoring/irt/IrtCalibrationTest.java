package org.calibra.scoring.irt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IrtCalibrationTest {

    private static final double[] TRUE_A = {0.6, 0.9, 1.2, 1.5, 0.8, 1.0, 1.8, 0.7, 1.3, 1.1};
    private static final double[] TRUE_B = {-1.5, -1.0, -0.5, 0.0, 0.3, 0.6, 1.0, 1.4, -0.2, 0.8};

    @Test
    void recovers_simulated_2pl_parameters_within_their_standard_errors_with_a_quarter_missing() {
        ItemResponses data = simulate(TRUE_A, TRUE_B, 3000, 0.25, 20261205L);
        IrtCalibration fit = TwoParameterLogistic.fit(data);

        assertThat(fit.converged()).isTrue();
        for (int i = 0; i < TRUE_A.length; i++) {
            ItemParameters p = fit.items().get(i);
            assertThat(p.answered()).isLessThan(3000).isGreaterThan(2000);
            assertThat(Math.abs(p.discrimination() - TRUE_A[i])).as("a of " + p.item()).isLessThan(3.5 * p.discriminationSe());
            assertThat(Math.abs(p.difficulty() - TRUE_B[i])).as("b of " + p.item()).isLessThan(3.5 * p.difficultySe());
            assertThat(p.discriminationSe()).isBetween(0.02, 0.3);
        }
    }

    @Test
    void recovers_simulated_rasch_difficulties_with_unit_slope() {
        double[] ones = new double[TRUE_B.length];
        java.util.Arrays.fill(ones, 1);
        IrtCalibration fit = Rasch.fitWithUnitSlope(simulate(ones, TRUE_B, 2000, 0.1, 7L));

        assertThat(fit.converged()).isTrue();
        for (int i = 0; i < TRUE_B.length; i++) {
            ItemParameters p = fit.items().get(i);
            assertThat(Math.abs(p.difficulty() - TRUE_B[i])).as("b of " + p.item()).isLessThan(3.5 * p.difficultySe());
        }
        // and the common-slope fit finds that slope near 1
        ItemParameters first = Rasch.fit(simulate(ones, TRUE_B, 2000, 0.1, 7L)).items().get(0);
        assertThat(Math.abs(first.discrimination() - 1)).isLessThan(3.5 * first.discriminationSe());
    }

    @Test
    void standard_errors_equal_the_inverse_numerical_hessian_of_the_marginal_likelihood_in_a_and_b() {
        ItemResponses data = simulate(new double[] {0.8, 1.4, 1.0, 0.6}, new double[] {-0.8, 0.2, 0.9, -0.1}, 400, 0.2, 3L);
        FitOptions options = FitOptions.defaults();
        IrtCalibration fit = TwoParameterLogistic.fit(data, options);

        // Independent check: the marginal log-likelihood written directly in (a, b), differentiated numerically.
        int items = data.itemCount();
        double[] x = new double[2 * items];
        for (int i = 0; i < items; i++) {
            x[2 * i] = fit.items().get(i).discrimination();
            x[2 * i + 1] = fit.items().get(i).difficulty();
        }
        Quadrature q = Quadrature.standardNormal(options.quadraturePoints());
        assertThat(MarginalLikelihood2pl.of(data, q, x)).isCloseTo(fit.logLikelihood(), within(1e-8));
        RealMatrix covariance = new LUDecomposition(numericalHessian(data, q, x).scalarMultiply(-1)).getSolver().getInverse();
        for (int i = 0; i < items; i++) {
            ItemParameters p = fit.items().get(i);
            assertThat(p.discriminationSe()).isCloseTo(Math.sqrt(covariance.getEntry(2 * i, 2 * i)), within(1e-4));
            assertThat(p.difficultySe()).isCloseTo(Math.sqrt(covariance.getEntry(2 * i + 1, 2 * i + 1)), within(1e-4));
        }
    }

    @Test
    void a_person_who_answered_nothing_changes_nothing() {
        List<String> items = List.of("c1", "c2", "c3", "c4");
        ItemResponses base = simulate(new double[] {1, 1, 1, 1}, new double[] {-1, 0, 0.5, 1}, 300, 0.0, 11L);
        int[][] rows = rows(base, 300);
        int[][] withBlank = java.util.Arrays.copyOf(rows, rows.length + 1);
        withBlank[rows.length] = new int[] {-1, -1, -1, -1};

        IrtCalibration a = TwoParameterLogistic.fit(ItemResponses.of(items, rows));
        IrtCalibration b = TwoParameterLogistic.fit(ItemResponses.of(items, withBlank));

        assertThat(b.logLikelihood()).isCloseTo(a.logLikelihood(), within(1e-9));
        assertThat(b.items().get(2).difficulty()).isCloseTo(a.items().get(2).difficulty(), within(1e-8));
    }

    @Test
    void nulls_count_as_not_answered_and_patterns_are_pooled() {
        List<String> items = List.of("x", "y", "z");
        Integer[][] nullable = {{1, null, 0}, {1, null, 0}, {0, 1, 1}};
        ItemResponses data = ItemResponses.ofNullable(items, nullable);

        assertThat(data.patternCount()).isEqualTo(2);
        assertThat(data.persons()).isEqualTo(3);
        assertThat(data.answeredAndCorrect(1)).containsExactly(1, 1);
    }

    @Test
    void items_everyone_got_right_or_wrong_or_nobody_read_are_named() {
        List<String> items = List.of("easy case", "hard case", "unread case", "fine case");
        int[][] rows = {{1, 0, -1, 1}, {1, 0, -1, 0}, {1, 0, -1, 1}};

        assertThatThrownBy(() -> TwoParameterLogistic.fit(ItemResponses.of(items, rows)))
                .isInstanceOfSatisfying(DegenerateItemsException.class, e -> assertThat(e.problems()).containsExactly(
                        "'easy case' was answered correctly by all 3 who answered it",
                        "'hard case' was answered incorrectly by all 3 who answered it",
                        "'unread case' was answered by nobody"));
    }

    @Test
    void bad_input_gets_a_clear_error() {
        List<String> items = List.of("a", "b", "c");
        assertThatThrownBy(() -> ItemResponses.of(items, new int[][] {{1, 2, 0}}))
                .hasMessage("person 1, item 'b': response 2; expected 1 (correct), 0 (incorrect) or -1 (not answered)");
        assertThatThrownBy(() -> ItemResponses.of(items, new int[][] {{1, 0}}))
                .hasMessage("person 1 has 2 responses; expected one per item (3)");
        assertThatThrownBy(() -> TwoParameterLogistic.fit(ItemResponses.of(List.of("a", "b"), new int[][] {{1, 0}, {0, 1}})))
                .hasMessage("the two-parameter logistic model needs at least 3 items; the data have 2");
        assertThatThrownBy(() -> ItemResponses.of(List.of("a", "a"), new int[][] {{1, 0}}))
                .hasMessageContaining("'a' is blank or repeated");
    }

    @Test
    void quadrature_integrates_the_standard_normal_moments() {
        Quadrature q = Quadrature.standardNormal(21);
        double mass = 0;
        double variance = 0;
        double fourth = 0;
        for (int k = 0; k < q.size(); k++) {
            mass += q.weights()[k];
            variance += q.weights()[k] * q.nodes()[k] * q.nodes()[k];
            fourth += q.weights()[k] * Math.pow(q.nodes()[k], 4);
        }
        assertThat(mass).isCloseTo(1, within(1e-12));
        assertThat(variance).isCloseTo(1, within(1e-12));
        assertThat(fourth).isCloseTo(3, within(1e-10));
    }

    // ---------- helpers ----------

    private static ItemResponses simulate(double[] a, double[] b, int persons, double missing, long seed) {
        Random random = new Random(seed);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            items.add("case " + (i + 1));
        }
        int[][] rows = new int[persons][a.length];
        for (int p = 0; p < persons; p++) {
            double theta = random.nextGaussian();
            for (int i = 0; i < a.length; i++) {
                double prob = 1 / (1 + Math.exp(-a[i] * (theta - b[i])));
                int u = random.nextDouble() < prob ? 1 : 0;
                rows[p][i] = random.nextDouble() < missing ? ItemResponses.MISSING : u;
            }
        }
        return ItemResponses.of(items, rows);
    }

    /** Expands pooled patterns back to one row per person. */
    private static int[][] rows(ItemResponses data, int persons) {
        int[][] rows = new int[persons][];
        int at = 0;
        for (int p = 0; p < data.patternCount(); p++) {
            for (int c = 0; c < data.count(p); c++) {
                int[] row = new int[data.itemCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = data.response(p, i);
                }
                rows[at++] = row;
            }
        }
        return rows;
    }

    private static RealMatrix numericalHessian(ItemResponses data, Quadrature q, double[] x) {
        int d = x.length;
        double h = 1e-4;
        double[][] m = new double[d][d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                m[r][c] = (shifted(data, q, x, r, h, c, h) - shifted(data, q, x, r, h, c, -h)
                        - shifted(data, q, x, r, -h, c, h) + shifted(data, q, x, r, -h, c, -h)) / (4 * h * h);
            }
        }
        return new Array2DRowRealMatrix(m, false);
    }

    private static double shifted(ItemResponses data, Quadrature q, double[] x, int r, double hr, int c, double hc) {
        double[] y = x.clone();
        y[r] += hr;
        y[c] += hc;
        return MarginalLikelihood2pl.of(data, q, y);
    }
}
