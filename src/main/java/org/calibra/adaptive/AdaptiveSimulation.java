package org.calibra.adaptive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated trainees of known ability reading a calibrated bank, adaptively and in fixed-length attempts, to compare how
 * many cases each needs and how often each misclassifies. A trainee's answer to a case is right with the 2PL
 * probability at their true ability; a fixed-length attempt reads {@code n} cases in a random order (a curriculum's
 * per-trainee draw) and is decided by its EAP estimate against the cut, the adaptive attempt by the {@link
 * AdaptiveEngine}. Seeded: the same inputs print the same figures.
 */
public final class AdaptiveSimulation {

    private AdaptiveSimulation() {
    }

    /** A bank of {@code n} cases with a ~ LogNormal(0, σ_a) and b ~ N(0, 1); every other case abnormal. */
    public static List<CalibratedCase> syntheticBank(int n, double sigmaA, long seed) {
        var rng = new SplittableRandom(seed);
        List<CalibratedCase> bank = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = Math.exp(sigmaA * gaussian(rng));
            double b = gaussian(rng);
            bank.add(CalibratedCase.of(String.format("item-%03d", i + 1), a, b, i % 2 == 0));
        }
        return List.copyOf(bank);
    }

    /**
     * The figures for one way of testing.
     *
     * @param passedNonCompetent share of trainees with θ &lt; θ_c who passed
     * @param failedCompetent    share of trainees with θ ≥ θ_c who failed
     * @param passedBelowRegion  share of trainees with θ ≤ θ_c − δ who passed (what α bounds)
     * @param failedAboveRegion  share of trainees with θ ≥ θ_c + δ who failed (what β bounds)
     */
    public record Outcome(String label, double meanCases, double medianCases, int maxCases, double passedNonCompetent,
                          double failedCompetent, double passedBelowRegion, double failedAboveRegion) {

        public double misclassified(double shareCompetent) {
            return shareCompetent * failedCompetent + (1 - shareCompetent) * passedNonCompetent;
        }
    }

    /** Abilities of {@code k} trainees drawn from N(0, 1). */
    public static double[] abilities(int k, long seed) {
        var rng = new SplittableRandom(seed);
        double[] thetas = new double[k];
        for (int i = 0; i < k; i++) {
            thetas[i] = gaussian(rng);
        }
        return thetas;
    }

    public static Outcome adaptive(List<CalibratedCase> bank, AdaptiveRules rules, double[] thetas, long seed) {
        var engine = new AdaptiveEngine(bank, rules);
        var rng = new SplittableRandom(seed);
        int[] lengths = new int[thetas.length];
        boolean[] passed = new boolean[thetas.length];
        for (int t = 0; t < thetas.length; t++) {
            List<Response> responses = new ArrayList<>();
            Step step = engine.next(responses);
            while (step instanceof Step.Next next) {
                var c = engine.bank().get(next.caseId());
                responses.add(new Response(c.caseId(), rng.nextDouble() < c.probabilityCorrect(thetas[t])));
                step = engine.next(responses);
            }
            var stop = (Step.Stop) step;
            lengths[t] = stop.casesRead();
            passed[t] = stop.decision() == Step.Decision.PASS;
        }
        String label = "adaptive (" + (rules.stopping() == StoppingRule.SPRT ? "SPRT" : "interval") + ", information at the "
                + (rules.selection() == SelectionPoint.CUT ? "cut" : "estimate") + ", " + rules.minimumCases() + "–"
                + rules.maximumCases() + " cases)";
        return outcome(label, thetas, lengths, passed, rules);
    }

    public static Outcome fixed(List<CalibratedCase> bank, AdaptiveRules rules, int n, double[] thetas, long seed) {
        if (n < 1 || n > bank.size()) {
            throw new IllegalArgumentException("fixed length " + n + " must be between 1 and the bank's " + bank.size() + " cases");
        }
        var rng = new SplittableRandom(seed);
        var byId = new java.util.HashMap<String, CalibratedCase>();
        bank.forEach(c -> byId.put(c.caseId(), c));
        int[] lengths = new int[thetas.length];
        boolean[] passed = new boolean[thetas.length];
        List<CalibratedCase> order = new ArrayList<>(bank);
        for (int t = 0; t < thetas.length; t++) {
            shuffle(order, rng);
            List<Response> responses = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                var c = order.get(i);
                responses.add(new Response(c.caseId(), rng.nextDouble() < c.probabilityCorrect(thetas[t])));
            }
            lengths[t] = n;
            passed[t] = AbilityEstimate.eap(byId, responses).theta() >= rules.cut();
        }
        return outcome("fixed length " + n + " (random order)", thetas, lengths, passed, rules);
    }

    private static Outcome outcome(String label, double[] thetas, int[] lengths, boolean[] passed, AdaptiveRules rules) {
        int below = 0, passBelow = 0, above = 0, failAbove = 0, farBelow = 0, passFarBelow = 0, farAbove = 0, failFarAbove = 0;
        for (int t = 0; t < thetas.length; t++) {
            if (thetas[t] < rules.cut()) {
                below++;
                passBelow += passed[t] ? 1 : 0;
            } else {
                above++;
                failAbove += passed[t] ? 0 : 1;
            }
            if (thetas[t] <= rules.cut() - rules.delta()) {
                farBelow++;
                passFarBelow += passed[t] ? 1 : 0;
            }
            if (thetas[t] >= rules.cut() + rules.delta()) {
                farAbove++;
                failFarAbove += passed[t] ? 0 : 1;
            }
        }
        int[] sorted = lengths.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        return new Outcome(label, Arrays.stream(lengths).average().orElse(0), median, sorted[sorted.length - 1],
                share(passBelow, below), share(failAbove, above), share(passFarBelow, farBelow), share(failFarAbove, farAbove));
    }

    private static double share(int count, int of) {
        return of == 0 ? Double.NaN : (double) count / of;
    }

    private static void shuffle(List<CalibratedCase> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            var t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** Box–Muller: SplittableRandom has no nextGaussian. */
    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
