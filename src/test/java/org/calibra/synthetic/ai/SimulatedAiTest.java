package org.calibra.synthetic.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.calibra.synthetic.Recipe.AiModel;
import org.calibra.synthetic.phantom.Rng;
import org.junit.jupiter.api.Test;

/** Over many cases the simulated AI shows the sensitivity, false-positive rate and calibration it was given. */
class SimulatedAiTest {

    private static final List<SimulatedAi.Target> ONE_LESION = List.of(new SimulatedAi.Target("L1", 10, 8, 12, 100, 100, 5));

    private record Run(double sensitivity, double fpPerCase, List<double[]> marks) {}

    private static Run simulate(AiModel model, int cases) {
        int hits = 0, falseMarks = 0;
        List<double[]> marks = new ArrayList<>(); // {probability, 1 if true}
        for (int i = 0; i < cases; i++) {
            var out = SimulatedAi.run(model, ONE_LESION, r -> new SimulatedAi.Spot(3, r.uniform(0, 50), 200, 4, "a vessel"), new Rng(i).fork("ai"));
            for (var m : out.marks()) {
                marks.add(new double[] {m.probability(), m.lesionId() == null ? 0 : 1});
                if (m.lesionId() == null) {
                    falseMarks++;
                } else {
                    hits++;
                    assertThat(m.imageIndex()).isBetween(8, 12);
                    assertThat(Math.hypot(m.x() - 100, m.y() - 100)).isLessThanOrEqualTo(5);
                }
            }
            assertThat(out.score()).isBetween(0.0, 1.0);
        }
        return new Run((double) hits / cases, (double) falseMarks / cases, marks);
    }

    @Test
    void observed_sensitivity_and_false_positives_per_case_are_near_the_configured_values() {
        Run run = simulate(new AiModel(0.8, 0.35, 1.8, 0.7, 0.6), 4000);
        // binomial SE 0.0063 and Poisson SE 0.0094 at n = 4000: allow about 3 SE
        assertThat(run.sensitivity()).isCloseTo(0.8, within(0.02));
        assertThat(run.fpPerCase()).isCloseTo(0.35, within(0.03));
    }

    /** Fits P(true | p) = sigmoid(a + b logit(p)) by Newton's method: b is the calibration slope. */
    private static double calibrationSlope(List<double[]> marks) {
        double a = 0, b = 1;
        for (int iter = 0; iter < 50; iter++) {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (double[] m : marks) {
                double x = Math.log(m[0] / (1 - m[0]));
                double p = 1 / (1 + Math.exp(-(a + b * x)));
                double w = p * (1 - p);
                ga += m[1] - p;
                gb += (m[1] - p) * x;
                haa += w;
                hab += w * x;
                hbb += w * x * x;
            }
            double det = haa * hbb - hab * hab;
            a += (hbb * ga - hab * gb) / det;
            b += (haa * gb - hab * ga) / det;
        }
        return b;
    }

    @Test
    void the_probabilities_have_the_configured_calibration_slope() {
        // with 0.8 true marks per case, 0.533 false ones make 60% of marks true: the prevalence the model assumes
        for (double slope : new double[] {0.6, 1.0, 1.5}) {
            Run run = simulate(new AiModel(0.8, 0.8 * 0.4 / 0.6, 1.5, slope, 0.6), 6000);
            assertThat(calibrationSlope(run.marks())).as("slope " + slope).isCloseTo(slope, within(0.12 * slope));
        }
    }

    @Test
    void the_same_seed_makes_the_same_suggestions() {
        var model = AiModel.standard();
        var a = SimulatedAi.run(model, ONE_LESION, r -> new SimulatedAi.Spot(3, r.uniform(0, 50), 200, 4, "x"), new Rng(9));
        var b = SimulatedAi.run(model, ONE_LESION, r -> new SimulatedAi.Spot(3, r.uniform(0, 50), 200, 4, "x"), new Rng(9));
        assertThat(b).isEqualTo(a);
    }

    @Test
    void heatmaps_are_8_bit_grayscale_pngs_that_java_decodes() throws Exception {
        byte[] png = Heatmaps.png(List.of(new SimulatedAi.Mark(0, 100, 60, 0.9, 8, "L1", null)), 256, 256);
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getType()).isEqualTo(java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        assertThat(image.getWidth()).isEqualTo(64);
        int peak = image.getRaster().getSample(25, 15, 0); // (100, 60) / 4
        assertThat(peak).isBetween(215, 230); // 255 x 0.9, slightly off the blob's exact centre
        assertThat(image.getRaster().getSample(0, 63, 0)).isZero();
    }
}
