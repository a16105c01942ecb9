package org.calibra.synthetic.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.calibra.synthetic.Recipe.AiModel;
import org.calibra.synthetic.phantom.Rng;

/**
 * A simulated detection AI (see {@link AiModel}): per true lesion a mark with probability
 * {@code sensitivity}, near its centre on an image it shows on; Poisson({@code falsePositivesPerCase}) false
 * marks placed by the caller's sampler (on vessels, ribs, anywhere a real model might be fooled); a
 * probability per mark from a binormal evidence model with a chosen calibration slope; and a case score.
 */
public final class SimulatedAi {

    /** A lesion as the AI's judge sees it. */
    public record Target(String id, int imageIndex, int firstImage, int lastImage, double x, double y, double radiusPx) {}

    /** A place for a false mark: image, position, and the typical radius of what it would be mistaken for. */
    public record Spot(int imageIndex, double x, double y, double radiusPx, String mimics) {}

    /** {@code lesionId} is null for a false positive; {@code mimics} says what a false mark sat on. */
    public record Mark(int imageIndex, double x, double y, double probability, double radiusPx, String lesionId, String mimics) {}

    public record Output(List<Mark> marks, double score, List<String> missed) {}

    private SimulatedAi() {
    }

    public static Output run(AiModel model, List<Target> lesions, Function<Rng, Spot> falseSpots, Rng rng) {
        List<Mark> marks = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        Rng detect = rng.fork("detect"), place = rng.fork("place"), evidence = rng.fork("evidence");
        for (Target t : lesions) {
            if (detect.chance(model.sensitivity())) {
                int image = t.imageIndex();
                if (t.lastImage() > t.firstImage() && place.chance(0.35)) {
                    image = t.firstImage() + place.nextInt(t.lastImage() - t.firstImage() + 1);
                }
                double jitter = 0.3 * t.radiusPx();
                double x = t.x() + clamp(place.gaussian(), 1.5) * jitter, y = t.y() + clamp(place.gaussian(), 1.5) * jitter;
                marks.add(new Mark(image, x, y, probability(model, model.separation() + evidence.gaussian()), t.radiusPx(), t.id(), null));
            } else {
                missed.add(t.id());
            }
        }
        int falseMarks = rng.fork("false-count").poisson(model.falsePositivesPerCase());
        Rng where = rng.fork("false-place");
        for (int i = 0; i < falseMarks; i++) {
            Spot s = falseSpots.apply(where.fork("spot", i));
            if (s != null) {
                marks.add(new Mark(s.imageIndex(), s.x(), s.y(), probability(model, evidence.gaussian()), s.radiusPx(), null, s.mimics()));
            }
        }
        marks.sort(java.util.Comparator.comparingInt(Mark::imageIndex).thenComparingDouble(Mark::x));
        Rng caseLevel = rng.fork("score");
        double none = 1 / (1 + StrictMath.exp(3.2 - 0.6 * caseLevel.gaussian())); // about 0.04 when nothing is marked
        double product = 1 - none;
        for (Mark m : marks) {
            product *= 1 - m.probability();
        }
        return new Output(List.copyOf(marks), round3(1 - product), List.copyOf(missed));
    }

    /**
     * Binormal evidence {@code e} (true N(d, 1), false N(0, 1)) has the calibrated posterior
     * logit(prevalence) + d e - d^2 / 2; the reported logit is that divided by the calibration slope.
     */
    static double probability(AiModel m, double e) {
        double d = m.separation();
        double logit = StrictMath.log(m.markPrevalence() / (1 - m.markPrevalence())) + d * e - d * d / 2;
        double reported = logit / m.calibrationSlope();
        return round3(Math.max(0.001, Math.min(0.999, 1 / (1 + StrictMath.exp(-reported)))));
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double clamp(double v, double limit) {
        return Math.max(-limit, Math.min(limit, v));
    }
}
