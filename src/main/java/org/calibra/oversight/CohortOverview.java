package org.calibra.oversight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.calibra.competency.CompetencyService;
import org.calibra.competency.domain.Metric;
import org.calibra.competency.domain.MetricValues;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.oversight.domain.MetricDistribution;
import org.calibra.oversight.domain.PassRates;
import org.calibra.reading.AttemptInfo;
import org.calibra.reading.AttemptOversight;
import org.calibra.scoring.domain.Estimate;
import org.calibra.scoring.CohortAiEffect;
import org.calibra.scoring.mrmc.AiEffectStudy;
import org.calibra.security.CurrentUser;
import org.calibra.security.UserService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A module's cohort for those who oversee it: how each threshold metric is spread over residents' latest attempts (point
 * estimates, recomputed as the decision record is), and the pass rate of decided attempts month by month.
 */
@Service
@Transactional(readOnly = true)
public class CohortOverview {

    /** Shown when a module sets no threshold: what every module decides on at least. */
    static final List<String> DEFAULT_METRICS = List.of("sensitivity", "specificity");

    private final CurriculumService curricula;
    private final AttemptOversight oversight;
    private final CompetencyService competency;
    private final CurrentUser currentUser;
    private final CohortAiEffect aiEffects;
    private final UserService users;

    CohortOverview(CurriculumService curricula, AttemptOversight oversight, CompetencyService competency, CurrentUser currentUser,
                   CohortAiEffect aiEffects, UserService users) {
        this.aiEffects = aiEffects;
        this.users = users;
        this.curricula = curricula;
        this.oversight = oversight;
        this.competency = competency;
        this.currentUser = currentUser;
    }

    /**
     * @param residents residents with an attempt at the module (each counted once, by their latest attempt)
     * @param aiEffect  second-reader modules: does the AI help this cohort, and each resident's own change (by name)
     */
    public record Cohort(ModuleInfo module, int residents, List<MetricDistribution> distributions, List<PassRates.Month> passRates,
                         Optional<AiEffect> aiEffect) {}

    /** The cohort's analysis and each resident's own change, residents by name, alphabetically. */
    public record AiEffect(AiEffectStudy.Result cohort, List<TraineeEffect> trainees) {}

    /** One resident's ROC AUC with the AI minus without, on their latest attempt's cases read both ways. */
    public record TraineeEffect(String resident, CohortAiEffect.TraineeEffect effect) {}

    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public Optional<Cohort> of(long moduleId) {
        if (!curricula.oversees(currentUser.require(), moduleId)) {
            return Optional.empty();
        }
        return curricula.module(moduleId).map(module -> {
            var attempts = oversight.attemptsOfModule(moduleId);
            Map<Long, AttemptInfo> latest = new LinkedHashMap<>();
            attempts.forEach(a -> latest.merge(a.attempt().userId(), a.attempt(), (x, y) -> x.number() >= y.number() ? x : y));
            List<MetricValues> values = latest.values().stream().flatMap(a -> competency.decision(a.id()).stream()).map(d -> {
                var f = d.figures();
                return MetricValues.of(f.metrics(), f.performance().rocAuc(), f.performance().wafroc(), f.reliance(), f.aiEffectEstimate());
            }).toList();
            return new Cohort(module, latest.size(), distributions(module.thresholds(), values), PassRates.monthly(attempts.stream().map(a -> a.attempt())
                    .filter(a -> a.status() != AttemptInfo.Status.IN_PROGRESS && a.completedAt() != null)
                    .map(a -> new PassRates.Decision(a.completedAt(), a.status() == AttemptInfo.Status.PASSED)).toList()),
                    aiEffects.of(moduleId).map(this::named));
        });
    }

    private AiEffect named(CohortAiEffect.Report r) {
        var trainees = r.trainees().stream().map(t -> new TraineeEffect(users.findById(t.userId()).map(u -> u.displayName() != null
                && !u.displayName().isBlank() ? u.displayName() : u.username()).orElse("account " + t.userId()), t))
                .sorted(java.util.Comparator.comparing(TraineeEffect::resident, String.CASE_INSENSITIVE_ORDER)).toList();
        return new AiEffect(r.cohort(), trainees);
    }

    /** One distribution per metric a threshold names (in the module's order; a metric named twice keeps its first limit). */
    static List<MetricDistribution> distributions(List<ModuleInfo.ThresholdRule> thresholds, List<MetricValues> values) {
        Map<String, OptionalDouble> limits = new LinkedHashMap<>();
        // the AI's effect is a signed difference with a section of its own ("Does the AI help this cohort?"), not a histogram of 0..1
        thresholds.stream().filter(t -> !Metric.AI_EFFECT.key().equals(t.metric()))
                .forEach(t -> limits.putIfAbsent(t.metric(), OptionalDouble.of(t.min() != null ? t.min() : t.max())));
        if (limits.isEmpty()) {
            DEFAULT_METRICS.forEach(m -> limits.put(m, OptionalDouble.empty()));
        }
        List<MetricDistribution> result = new ArrayList<>();
        limits.forEach((key, limit) -> {
            Metric metric = Metric.fromKey(key);
            List<Double> points = values.stream().flatMap(v -> v.get(metric).stream()).map(Estimate::point).toList();
            result.add(MetricDistribution.of(key, points, metric.unitInterval(), limit));
        });
        return result;
    }
}
