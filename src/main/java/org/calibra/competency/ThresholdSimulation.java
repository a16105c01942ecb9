package org.calibra.competency;

import java.util.ArrayList;
import java.util.List;
import org.calibra.competency.domain.CompetencyEvaluation;
import org.calibra.competency.domain.CompetencyEvaluator;
import org.calibra.competency.domain.Metric;
import org.calibra.competency.domain.MetricValues;
import org.calibra.competency.domain.Threshold;
import org.calibra.competency.domain.ThresholdComparison;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.MetricLabels;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.ModuleInfo.ThresholdRule;
import org.calibra.reading.AttemptInfo;
import org.calibra.reading.AttemptOversight;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.SubmittedRead;
import org.calibra.scoring.ScoringService;
import org.calibra.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "How would the last N attempts of this module have been decided under these thresholds?" — for the curriculum
 * builder, before a change is published. Each attempt's figures are recomputed from its stored reads and scores
 * ({@link ScoringService#figuresForDecision}, as when it was decided) and judged twice by the same evaluation that
 * decides attempts: under the module's current rules ({@link CompetencyService#evaluate}) and under the proposed ones.
 * Nothing is stored, and no attempt changes.
 */
@Service
@Transactional(readOnly = true)
public class ThresholdSimulation {

    /** More attempts than this would keep a request busy recomputing figures; the builder asks for fewer. */
    public static final int MAX_ATTEMPTS = 200;

    private final CurriculumService curricula;
    private final AttemptOversight oversight;
    private final ScoringService scoring;
    private final CurrentUser currentUser;

    ThresholdSimulation(CurriculumService curricula, AttemptOversight oversight, ScoringService scoring, CurrentUser currentUser) {
        this.curricula = curricula;
        this.oversight = oversight;
        this.scoring = scoring;
        this.currentUser = currentUser;
    }

    /** Attempts considered, newest first, and how many pass under each set of rules. */
    public record Result(int attemptsConsidered, int passedUnderCurrent, int passedUnderProposed, List<Outcome> outcomes) {
        public Result {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * One attempt under both sets of rules.
     *
     * @param reader         the resident's pseudonym, R + account number (as in reader-study exports), never a name
     * @param failedProposed what the attempt would fail under the proposed rules, in words: each threshold not met with
     *                       the value reached (or that it is not measurable yet), and each case minimum not reached
     */
    public record Outcome(long attemptId, String reader, boolean passedUnderCurrent, boolean passedUnderProposed, List<String> failedProposed) {
        public Outcome {
            failedProposed = List.copyOf(failedProposed);
        }
    }

    /**
     * The module's last {@code lastN} attempts that have at least one counted final read (decided or in progress),
     * newest first, decided under the module's current rules and under {@code proposed} with these case minimums.
     *
     * @throws AccessDeniedException    unless the signed-in user is an educator overseeing the module or an admin
     * @throws IllegalArgumentException naming every field that is wrong and what is expected
     */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public Result simulate(long moduleId, List<ThresholdRule> proposed, int minimumCases, int minimumAbnormalCases, int minimumNormalCases,
                           int lastN) {
        if (!curricula.oversees(currentUser.require(), moduleId)) {
            throw new AccessDeniedException("Module " + moduleId + " is not one of your institution's");
        }
        ModuleInfo module = curricula.module(moduleId).orElseThrow(() -> new IllegalArgumentException("Module " + moduleId + " does not exist."));
        var problems = new ArrayList<String>();
        List<ThresholdRule> rules = proposed == null ? List.of() : proposed.stream().map(ThresholdSimulation::withBound).toList();
        List<Threshold> thresholds = thresholds(rules, problems);
        if (minimumCases < 0) {
            problems.add("Minimum cases: expected 0 or more, was " + minimumCases + ".");
        }
        if (minimumAbnormalCases < 0) {
            problems.add("Minimum abnormal cases: expected 0 or more, was " + minimumAbnormalCases + ".");
        }
        if (minimumNormalCases < 0) {
            problems.add("Minimum normal cases: expected 0 or more, was " + minimumNormalCases + ".");
        }
        if (lastN < 1 || lastN > MAX_ATTEMPTS) {
            problems.add("Attempts to simulate: expected 1 to " + MAX_ATTEMPTS + ", was " + lastN + ".");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        boolean wafrocNeeded = module.thresholds().stream().anyMatch(t -> t.metric().equals(Metric.WAFROC.key()))
                || thresholds.stream().anyMatch(t -> t.metricType() == Metric.WAFROC);

        var attempts = new ArrayList<ThresholdComparison.Attempt>();
        for (AttemptInfo attempt : oversight.attemptsOfModuleNewestFirst(moduleId)) {
            if (attempts.size() == lastN) {
                break;
            }
            if (oversight.readsOfAttempt(attempt.id()).stream().noneMatch(r -> r.phase() == ReadPhase.FINAL && r.counted())) {
                continue; // started but nothing counted yet: no figures to judge
            }
            var figures = scoring.figuresForDecision(attempt.id(), wafrocNeeded);
            var values = MetricValues.of(figures.metrics(), figures.performance().rocAuc(), figures.performance().wafroc(), figures.reliance(),
                    figures.aiEffectEstimate());
            CompetencyEvaluation current = CompetencyService.evaluate(module, values, figures.metrics());
            CompetencyEvaluation underProposal = CompetencyEvaluator.evaluate(thresholds, values, figures.metrics(), minimumCases,
                    minimumAbnormalCases, minimumNormalCases);
            attempts.add(new ThresholdComparison.Attempt(attempt.id(), "R" + attempt.userId(), current, underProposal));
        }
        var comparison = ThresholdComparison.compare(attempts);
        var outcomes = comparison.rows().stream().map(row -> new Outcome(row.attempt().attemptId(), row.attempt().reader(),
                row.passedUnderCurrent(), row.passedUnderProposed(), failedInWords(row, rules))).toList();
        return new Result(comparison.attemptsConsidered(), comparison.passedUnderCurrent(), comparison.passedUnderProposed(), outcomes);
    }

    private static List<String> failedInWords(ThresholdComparison.Row row, List<ThresholdRule> rules) {
        var words = new ArrayList<String>();
        for (int i : row.failedThresholds()) {
            var result = row.attempt().proposed().results().get(i);
            ThresholdRule rule = rules.get(i);
            words.add(rule.describe() + (result.observed().isPresent()
                    ? " (reached " + MetricLabels.value(rule.metric(), result.observed().getAsDouble()) + ")"
                    : " (not measurable yet: too few cases of the kind it needs)"));
        }
        words.addAll(row.caseShortfalls());
        return words;
    }

    /** No bound means the point estimate, as in a module definition. */
    private static ThresholdRule withBound(ThresholdRule t) {
        return t.bound() == null ? new ThresholdRule(t.metric(), t.min(), t.max(), "point") : t;
    }

    /** The proposed rules as thresholds, exactly as {@link CompetencyService} turns a module's rules into them; problems in words. */
    private static List<Threshold> thresholds(List<ThresholdRule> rules, List<String> problems) {
        var thresholds = new ArrayList<Threshold>();
        for (int i = 0; i < rules.size(); i++) {
            ThresholdRule t = rules.get(i);
            String which = "Proposed threshold " + (i + 1) + (t.metric() == null ? "" : " (" + MetricLabels.of(t.metric()) + ")") + ": ";
            Threshold.Bound bound = switch (t.bound()) {
                case "point" -> Threshold.Bound.POINT;
                case "lower" -> Threshold.Bound.LOWER;
                case "upper" -> Threshold.Bound.UPPER;
                default -> null;
            };
            if (bound == null) {
                problems.add(which + "the bound must be point, lower or upper, was '" + t.bound() + "'.");
                continue;
            }
            if (t.metric() == null) {
                problems.add(which + "a metric is needed; allowed: " + Metric.allowedKeys() + ".");
                continue;
            }
            try {
                thresholds.add(new Threshold(t.metric(), t.min(), t.max(), bound));
            } catch (IllegalArgumentException e) {
                problems.add(which + e.getMessage() + ".");
            }
        }
        return thresholds;
    }
}
