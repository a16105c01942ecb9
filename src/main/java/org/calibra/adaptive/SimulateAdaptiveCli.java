package org.calibra.adaptive;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code ./calibra simulate-adaptive}: how many cases adaptive and fixed-length attempts need, and how often each
 * misclassifies, for simulated trainees of known ability (see {@link AdaptiveSimulation}, docs/metrics.md "Adaptive
 * modules").
 */
public final class SimulateAdaptiveCli {

    static final String USAGE = """
            usage: ./calibra simulate-adaptive [--items 60] [--sigma-a 0.3] [--bank-seed 1] [--trainees 2000] [--seed 1]
                                               [--cut 0] [--delta 0.5] [--alpha 0.05] [--beta 0.05] [--min 5] [--max 40]
                                               [--fixed 20] [--rule sprt|interval] [--select estimate|cut]
              A synthetic bank of --items cases (a ~ LogNormal(0, sigma-a), b ~ N(0, 1)); trainees' abilities ~ N(0, 1).
              Prints cases needed and misclassification rates of the adaptive rule and of fixed-length attempts.""";

    private static final int OK = 0;
    private static final int BAD_INPUT = 2;

    private SimulateAdaptiveCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return BAD_INPUT;
        }
        if (o == null) {
            out.println(USAGE);
            return OK;
        }
        try {
            int items = integer(o, "items", 60);
            double sigmaA = number(o, "sigma-a", 0.3);
            long bankSeed = integer(o, "bank-seed", 1);
            int trainees = integer(o, "trainees", 2000);
            long seed = integer(o, "seed", 1);
            int fixedLength = integer(o, "fixed", 20);
            int max = integer(o, "max", Math.min(40, items));
            var rule = switch (o.getOrDefault("rule", "sprt")) {
                case "sprt" -> StoppingRule.SPRT;
                case "interval" -> StoppingRule.CONFIDENCE_INTERVAL;
                default -> throw new IllegalArgumentException("--rule is " + o.get("rule") + "; expected sprt or interval");
            };
            var select = switch (o.getOrDefault("select", "estimate")) {
                case "estimate" -> SelectionPoint.ESTIMATE;
                case "cut" -> SelectionPoint.CUT;
                default -> throw new IllegalArgumentException("--select is " + o.get("select") + "; expected estimate or cut");
            };
            if (items < 2 || trainees < 1) {
                throw new IllegalArgumentException("--items must be at least 2 and --trainees at least 1");
            }
            var rules = new AdaptiveRules(number(o, "cut", 0), number(o, "delta", 0.5), number(o, "alpha", 0.05),
                    number(o, "beta", 0.05), integer(o, "min", 5), max, 0, 0, Map.of(), Map.of(), rule, select, seed);
            var bank = AdaptiveSimulation.syntheticBank(items, sigmaA, bankSeed);
            double[] thetas = AdaptiveSimulation.abilities(trainees, seed);
            print(out, bank, rules, thetas, fixedLength, seed, items, sigmaA);
            return OK;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static void print(PrintStream out, List<CalibratedCase> bank, AdaptiveRules rules, double[] thetas, int fixedLength,
            long seed, int items, double sigmaA) {
        long competent = java.util.Arrays.stream(thetas).filter(t -> t >= rules.cut()).count();
        out.printf(Locale.ROOT, "bank: %d synthetic cases, a ~ LogNormal(0, %.2f), b ~ N(0, 1); %d trainees, θ ~ N(0, 1), "
                + "%d at or above the cut θ_c = %.2f%n", items, sigmaA, thetas.length, competent, rules.cut());
        out.printf(Locale.ROOT, "rules: δ = %.2f, α = %.3f, β = %.3f; SPRT bounds log((1−β)/α) = %.3f, log(β/(1−α)) = %.3f%n%n",
                rules.delta(), rules.alpha(), rules.beta(), rules.upperBound(), rules.lowerBound());
        out.println("                                                          cases: mean  median  max | pass non-competent  fail competent | pass θ≤θc−δ  fail θ≥θc+δ");
        List<AdaptiveSimulation.Outcome> rows = new ArrayList<>();
        rows.add(AdaptiveSimulation.adaptive(bank, rules, thetas, seed));
        var lengths = new TreeSet<Integer>(List.of(10, 20, 30, 40, bank.size()));
        lengths.add(Math.min(fixedLength, bank.size()));
        lengths.removeIf(n -> n > bank.size());
        for (int n : lengths) {
            rows.add(AdaptiveSimulation.fixed(bank, rules, n, thetas, seed + n));
        }
        for (var r : rows) {
            out.printf(Locale.ROOT, "%-62s %6.1f %6.1f %4d | %18.3f %15.3f | %11.3f %12.3f%s%n", r.label(), r.meanCases(),
                    r.medianCases(), r.maxCases(), r.passedNonCompetent(), r.failedCompetent(), r.passedBelowRegion(),
                    r.failedAboveRegion(), r.label().startsWith("fixed length " + fixedLength + " ") ? "   ← the module's fixed length" : "");
        }
        var adaptive = rows.get(0);
        double share = (double) competent / thetas.length;
        var matching = rows.stream().skip(1).filter(r -> r.misclassified(share) <= adaptive.misclassified(share)).findFirst();
        out.printf(Locale.ROOT, "%nmisclassified overall: adaptive %.3f with %.1f cases on average", adaptive.misclassified(share),
                adaptive.meanCases());
        out.println(matching.map(m -> String.format(Locale.ROOT, "; the shortest fixed length as accurate: %d cases (%.3f)",
                m.maxCases(), m.misclassified(share))).orElse("; no fixed length up to the whole bank is as accurate"));
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!List.of("items", "sigma-a", "bank-seed", "trainees", "seed", "cut", "delta", "alpha", "beta", "min", "max",
                    "fixed", "rule", "select").contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            o.put(name, value);
        }
        return o;
    }

    private static int integer(Map<String, String> o, String name, int fallback) {
        String v = o.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is " + v + "; expected a whole number");
        }
    }

    private static double number(Map<String, String> o, String name, double fallback) {
        String v = o.get(name);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is " + v + "; expected a number");
        }
    }
}
