package org.calibra.adaptive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Chooses the next case of an adaptive attempt and decides when to stop. Stateless and deterministic: the same bank,
 * rules and responses give the same {@link Step} (ties between equally informative cases are broken by a hash of the
 * rules' seed and the case id, not by iteration order).
 */
public final class AdaptiveEngine {

    private static final double TIE = 1e-12;
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private final Map<String, CalibratedCase> bank;
    private final AdaptiveRules rules;
    private final List<Quota> quotas;

    public AdaptiveEngine(List<CalibratedCase> cases, AdaptiveRules rules) {
        var byId = new LinkedHashMap<String, CalibratedCase>();
        for (CalibratedCase c : cases) {
            if (byId.put(c.caseId(), c) != null) {
                throw new IllegalArgumentException("case " + c.caseId() + " is in the adaptive bank twice");
            }
        }
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("an adaptive module needs at least one calibrated case");
        }
        this.bank = Map.copyOf(byId);
        this.rules = rules;
        this.quotas = quotas(rules);
    }

    public AdaptiveRules rules() {
        return rules;
    }

    public Map<String, CalibratedCase> bank() {
        return bank;
    }

    /** The next step after {@code responses} (in reading order; each case at most once, every case in the bank). */
    public Step next(List<Response> responses) {
        Set<String> read = new HashSet<>();
        for (Response r : responses) {
            if (!bank.containsKey(r.caseId())) {
                throw new IllegalArgumentException("case " + r.caseId() + " was read but is not in the adaptive bank");
            }
            if (!read.add(r.caseId())) {
                throw new IllegalArgumentException("case " + r.caseId() + " was read twice in one adaptive attempt");
            }
        }
        AbilityEstimate estimate = AbilityEstimate.eap(bank, responses);
        double llr = logLikelihoodRatio(responses);
        int n = responses.size();
        List<CalibratedCase> unread = bank.values().stream().filter(c -> !read.contains(c.caseId())).toList();
        boolean quotasMet = deficits(responses).values().stream().allMatch(d -> d == 0) || !canStillMeet(responses, unread);
        Step.StopReason reason = n >= rules.minimumCases() ? decided(estimate, llr) : null;
        if (reason != null && quotasMet) {
            var decision = reason == Step.StopReason.SPRT_ABOVE || reason == Step.StopReason.INTERVAL_ABOVE
                    ? Step.Decision.PASS : Step.Decision.FAIL;
            return new Step.Stop(decision, estimate.theta(), estimate.se(), llr, reason, n);
        }
        if (n >= rules.maximumCases() || unread.isEmpty()) {
            var end = n >= rules.maximumCases() ? Step.StopReason.MAXIMUM : Step.StopReason.BANK_EXHAUSTED;
            var decision = estimate.theta() >= rules.cut() ? Step.Decision.PASS : Step.Decision.FAIL;
            return new Step.Stop(decision, estimate.theta(), estimate.se(), llr, end, n);
        }
        double at = rules.selection() == SelectionPoint.CUT ? rules.cut() : estimate.theta();
        List<CalibratedCase> candidates = unread;
        Step.ChoiceReason why = Step.ChoiceReason.MOST_INFORMATIVE;
        // decided already but owing content minimums: read the owed cases now rather than more free choices
        List<CalibratedCase> forced = forcedCandidates(responses, unread, reason != null);
        if (forced != null) {
            candidates = forced;
            why = Step.ChoiceReason.CONTENT_MINIMUM;
        }
        CalibratedCase best = mostInformative(candidates, at);
        return new Step.Next(best.caseId(), estimate.theta(), estimate.se(), llr, best.information(at), why);
    }

    /** Σ log L(θ_c + δ) − log L(θ_c − δ) over the responses. */
    public double logLikelihoodRatio(List<Response> responses) {
        double high = rules.cut() + rules.delta();
        double low = rules.cut() - rules.delta();
        double llr = 0;
        for (Response r : responses) {
            CalibratedCase c = bank.get(r.caseId());
            double p1 = c.probabilityCorrect(high);
            double p0 = c.probabilityCorrect(low);
            llr += r.correct() ? Math.log(p1 / p0) : Math.log((1 - p1) / (1 - p0));
        }
        return llr;
    }

    private Step.StopReason decided(AbilityEstimate estimate, double llr) {
        if (rules.stopping() == StoppingRule.SPRT) {
            if (llr >= rules.upperBound()) {
                return Step.StopReason.SPRT_ABOVE;
            }
            return llr <= rules.lowerBound() ? Step.StopReason.SPRT_BELOW : null;
        }
        double zPass = NORMAL.inverseCumulativeProbability(1 - rules.alpha());
        double zFail = NORMAL.inverseCumulativeProbability(1 - rules.beta());
        if (estimate.theta() - zPass * estimate.se() > rules.cut()) {
            return Step.StopReason.INTERVAL_ABOVE;
        }
        return estimate.theta() + zFail * estimate.se() < rules.cut() ? Step.StopReason.INTERVAL_BELOW : null;
    }

    private CalibratedCase mostInformative(List<CalibratedCase> candidates, double theta) {
        CalibratedCase best = null;
        double bestInfo = Double.NEGATIVE_INFINITY;
        long bestKey = 0;
        for (CalibratedCase c : candidates) {
            double info = c.information(theta);
            long key = tieKey(c.caseId());
            if (best == null || info > bestInfo + TIE || (Math.abs(info - bestInfo) <= TIE && key < bestKey)) {
                best = c;
                bestInfo = info;
                bestKey = key;
            }
        }
        return best;
    }

    /** A seeded 64-bit mix of the case id (SplitMix64 finaliser): the tie order changes with the seed only. */
    private long tieKey(String caseId) {
        long z = rules.seed() * 0x9E3779B97F4A7C15L + caseId.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * When the reads left before the maximum are no more than the reads still owed to content minimums, or the decision
     * is made but minimums are owed, only cases that pay off a minimum may be chosen; null when the choice is free.
     */
    private List<CalibratedCase> forcedCandidates(List<Response> responses, List<CalibratedCase> unread, boolean decided) {
        Map<Quota, Integer> owed = deficits(responses);
        int owedTotal = owed.values().stream().mapToInt(Integer::intValue).sum();
        if (owedTotal == 0) {
            return null;
        }
        int left = rules.maximumCases() - responses.size();
        if (owedTotal < left && !decided) {
            return null;
        }
        List<CalibratedCase> paying = new ArrayList<>();
        for (CalibratedCase c : unread) {
            if (owed.entrySet().stream().anyMatch(e -> e.getValue() > 0 && e.getKey().counts().test(c))) {
                paying.add(c);
            }
        }
        return paying.isEmpty() ? null : paying;
    }

    private Map<Quota, Integer> deficits(List<Response> responses) {
        Map<Quota, Integer> owed = new LinkedHashMap<>();
        for (Quota q : quotas) {
            long done = responses.stream().map(r -> bank.get(r.caseId())).filter(q.counts()).count();
            owed.put(q, (int) Math.max(0, q.minimum() - done));
        }
        return owed;
    }

    /** A minimum that the unread bank cannot meet any more does not hold the decision back. */
    private boolean canStillMeet(List<Response> responses, List<CalibratedCase> unread) {
        for (var e : deficits(responses).entrySet()) {
            if (e.getValue() > 0 && unread.stream().anyMatch(e.getKey().counts())) {
                return true;
            }
        }
        return false;
    }

    private static List<Quota> quotas(AdaptiveRules rules) {
        List<Quota> list = new ArrayList<>();
        if (rules.minimumNormal() > 0) {
            list.add(new Quota("normal", rules.minimumNormal(), c -> !c.abnormal()));
        }
        if (rules.minimumAbnormal() > 0) {
            list.add(new Quota("abnormal", rules.minimumAbnormal(), CalibratedCase::abnormal));
        }
        rules.minimumPerModality().forEach((modality, min) ->
                list.add(new Quota("modality " + modality, min, c -> modality.equals(c.modality()))));
        rules.minimumPerAiError().forEach((kind, min) ->
                list.add(new Quota("AI error " + kind, min, c -> kind.equals(c.aiErrorKind()))));
        return List.copyOf(list);
    }

    private record Quota(String name, int minimum, Predicate<CalibratedCase> counts) {
    }
}
