package org.calibra.competency;

import java.util.List;
import java.util.Optional;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.reading.AttemptInfo;
import org.calibra.reading.ReadingService;
import org.calibra.scoring.ObserverPerformance;
import org.calibra.scoring.ReadScored;
import org.calibra.scoring.ScoringService;
import org.calibra.competency.domain.CompetencyEvaluation;
import org.calibra.competency.domain.CompetencyEvaluator;
import org.calibra.scoring.domain.ModuleMetrics;
import org.calibra.scoring.domain.reliance.RelianceMeasures;
import org.calibra.competency.domain.Metric;
import org.calibra.competency.domain.MetricValues;
import org.calibra.scoring.domain.AttemptTally;
import org.calibra.competency.domain.Reachability;
import org.calibra.competency.domain.Threshold;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates a module's thresholds after every scored read. A module passes once its minimum number of
 * cases is read and every threshold holds; an attempt that has read every case without passing ends.
 */
@Service
@Transactional(readOnly = true)
public class CompetencyService {

    private final CurriculumService curricula;
    private final ReadingService reading;
    private final org.calibra.reading.AttemptOversight oversight;
    private final org.calibra.reading.AttemptRecords records;
    private final ScoringService scoring;
    private final org.calibra.security.CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    CompetencyService(CurriculumService curricula, ReadingService reading, org.calibra.reading.AttemptOversight oversight,
                      org.calibra.reading.AttemptRecords records, ScoringService scoring, org.calibra.security.CurrentUser currentUser,
                      ApplicationEventPublisher events) {
        this.curricula = curricula;
        this.reading = reading;
        this.oversight = oversight;
        this.records = records;
        this.scoring = scoring;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** Decides the attempt of the read just scored: everything it needs comes from the event, not the signed-in user. */
    @EventListener
    @Transactional
    public void onReadScored(ReadScored event) {
        if (!event.finalRead()) {
            return; // a second-reader's unaided first read is kept and scored, but only final reads count
        }
        // decided under the curriculum version the attempt started on, whatever was published since (ADR 0025)
        AttemptInfo attempt = records.attempt(event.attemptId()).orElseThrow();
        if (curricula.adaptiveAt(event.moduleId(), attempt.curriculumVersion()).isPresent()) {
            // the engine decides, not the thresholds (ADR 0036)
            decideAdaptive(event, curricula.moduleAt(event.moduleId(), attempt.curriculumVersion()).orElseThrow());
            return;
        }
        ModuleInfo module = curricula.moduleAsPublished(event.moduleId(), attempt.curriculumVersion()).orElseThrow(); // cached
        AttemptTally tally = scoring.tally(event.attemptId()); // this read included: it was added where it was scored
        CompetencyEvaluation evaluation = decide(module, event.attemptId(), tally);
        int casesInAttempt = attempt.caseSlugs().size();
        long finalReads = tally.finalReads();
        if (evaluation.passed()) {
            records.completeAttempt(event.attemptId(), true);
            events.publishEvent(new ModulePassed(event.userId(), module.id(), module.curriculumId(), event.attemptId()));
        } else if (finalReads >= casesInAttempt) { // every drawn case read, repeats included
            records.completeAttempt(event.attemptId(), false);
        }
    }

    /** An adaptive attempt after a scored read: the engine's next case or its decision, from the correctness of each call. */
    private void decideAdaptive(ReadScored event, ModuleInfo module) {
        var calls = scoring.caseCalls(event.attemptId()).stream()
                .map(c -> new org.calibra.reading.AttemptRecords.ScoredCall(c.caseVersionId(), c.correct())).toList();
        records.advanceAdaptive(event.attemptId(), module, calls).filter(Boolean::booleanValue).ifPresent(passed ->
                events.publishEvent(new ModulePassed(event.userId(), module.id(), module.curriculumId(), event.attemptId())));
    }

    /**
     * The attempt's evaluation as a decision needs it. Thresholds on case counts alone (sensitivity, specificity,
     * accuracy, lesion localisation, false marks per case) are decided from the attempt's running sums; any other
     * metric (ROC AUC, wAFROC, reliance) needs every read, loaded once, and the wAFROC bootstrap only when named.
     * Both ways give the figures {@link #decision} recomputes from scratch (ADR 0028).
     */
    private CompetencyEvaluation decide(ModuleInfo module, long attemptId, AttemptTally tally) {
        if (module.thresholds().stream().allMatch(t -> FROM_COUNTS.contains(t.metric()))) {
            ModuleMetrics metrics = tally.metrics();
            return evaluate(module, MetricValues.of(metrics), metrics);
        }
        boolean wafrocNeeded = module.thresholds().stream().anyMatch(t -> t.metric().equals(Metric.WAFROC.key()));
        var figures = scoring.figuresForDecision(attemptId, wafrocNeeded);
        return evaluate(module, values(figures), figures.metrics());
    }

    /** The metrics {@link ModuleMetrics} holds, which the running sums give exactly. */
    private static final java.util.Set<String> FROM_COUNTS = java.util.stream.Stream.of(Metric.SENSITIVITY, Metric.SPECIFICITY, Metric.ACCURACY,
            Metric.LESION_LOCALISATION_FRACTION, Metric.NL_PER_CASE).map(Metric::key).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The current resident against the other residents of this module, anonymised (see {@link org.calibra.scoring.CohortComparison}). */
    public org.calibra.scoring.CohortComparison cohort(long moduleId) {
        ModuleInfo module = curricula.module(moduleId).orElseThrow();
        return scoring.cohort(moduleId, module.minimumCases(), currentUser.require().id(), reading.currentAttempt(moduleId).map(AttemptInfo::id));
    }

    /** The current attempt's reads that went wrong, most serious first. */
    public List<ScoringService.ReviewItem> toReview(long moduleId) {
        return reading.currentAttempt(moduleId).map(a -> scoring.toReview(a.id())).orElse(List.of());
    }

    /**
     * The record of one of the current user's attempts, recomputed from its stored reads and scores: every read as it
     * counted, the figures and each threshold's evaluation. Reads, scores and case versions never change, so this is
     * the decision exactly as it was made.
     */
    public Optional<DecisionRecord> decision(long attemptId) {
        return oversight.attempt(attemptId).flatMap(a -> curricula.moduleAt(a.moduleId(), a.curriculumVersion()).map(module -> {
            var figures = scoring.figures(attemptId);
            var adaptive = curricula.adaptiveAt(a.moduleId(), a.curriculumVersion())
                    .map(spec -> new AdaptiveRecord(spec, records.adaptiveSteps(attemptId)));
            return new DecisionRecord(module, a, scoring.decisionLines(attemptId), figures, evaluate(module, values(figures), figures.metrics()),
                    adaptive);
        }));
    }

    /**
     * @param adaptive for an attempt of an adaptive module: its rules and every stored step (ADR 0036); empty otherwise
     */
    public record DecisionRecord(ModuleInfo module, AttemptInfo attempt, List<ScoringService.DecisionLine> reads,
                                 ScoringService.AttemptFigures figures, CompetencyEvaluation evaluation, Optional<AdaptiveRecord> adaptive) {}

    /** How an adaptive attempt was decided: the module's adaptive rules and the steps the engine took. */
    public record AdaptiveRecord(org.calibra.curriculum.content.CurriculumManifest.Adaptive rules,
                                 List<org.calibra.reading.AdaptiveStepInfo> steps) {}

    /** The titles of the module's prerequisites, in curriculum order: what the module page names (not their ids). */
    public List<String> prerequisiteTitles(ModuleInfo module) {
        return curricula.curriculum(module.curriculumId()).map(c -> c.modules().stream()
                .filter(m -> module.rules().prerequisites().contains(m.slug())).map(ModuleInfo::title).toList()).orElse(List.of());
    }

    /** The latest published version of the module's curriculum (an attempt may be on an older one, ADR 0025). */
    public Optional<Integer> latestVersion(long moduleId) {
        return curricula.module(moduleId).map(ModuleInfo::version);
    }

    /** Progress in a module that is still part of a curriculum; empty for a retired or unknown module. */
    public Optional<ModuleProgress> progressIfActive(long moduleId) {
        return curricula.module(moduleId).map(m -> progress(m.id()));
    }

    public ModuleProgress progress(long moduleId) {
        Optional<AttemptInfo> attempt = reading.currentAttempt(moduleId);
        // the attempt's own version: the thresholds it is decided by; the latest version before the first attempt
        ModuleInfo module = attempt.flatMap(a -> curricula.moduleAt(moduleId, a.curriculumVersion()))
                .orElseGet(() -> curricula.module(moduleId).orElseThrow());
        var figures = attempt.map(a -> scoring.figures(a.id()));
        ModuleMetrics metrics = figures.map(ScoringService.AttemptFigures::metrics).orElseGet(() -> ModuleMetrics.compute(List.of()));
        var performance = figures.map(ScoringService.AttemptFigures::performance).orElseGet(ObserverPerformance::none);
        var reliance = figures.map(ScoringService.AttemptFigures::reliance).orElseGet(() -> RelianceMeasures.compute(List.of()));
        var aiEffect = figures.flatMap(ScoringService.AttemptFigures::aiEffectEstimate);
        var values = MetricValues.of(metrics, performance.rocAuc(), performance.wafroc(), reliance, aiEffect);
        var entries = reading.cases(moduleId);
        int total = attempt.map(a -> a.caseSlugs().size()).orElse(entries.size());
        int repeats = (int) entries.stream().filter(org.calibra.reading.ModuleCaseEntry::repeat).count();
        int unseenLeft = (int) entries.stream().filter(e -> !e.isRead() && !e.repeat()).count();
        var evaluation = evaluate(module, values, metrics);
        // only an open attempt can become unreachable; the best case assumes nothing about the remaining cases' truth
        Optional<Reachability.Unreachable> unreachable = attempt.filter(a -> a.status() == AttemptInfo.Status.IN_PROGRESS)
                .flatMap(a -> Reachability.check(thresholds(module), metrics, reliance, unseenLeft));
        boolean open = attempt.map(a -> a.status() == AttemptInfo.Status.IN_PROGRESS).orElse(false); // before a start: ReadingService.exposureRefusal
        int shortfall = open ? Math.max(0, module.minimumCases() - metrics.casesRead() - unseenLeft) : 0;
        return new ModuleProgress(module, attempt, metrics.casesRead(), total, metrics, evaluation, performance, reliance,
                reading.missingPrerequisites(module), attempt.filter(a -> a.status() == AttemptInfo.Status.NOT_PASSED)
                        .flatMap(a -> reading.retakeAllowedFrom(module, a)), unreachable, repeats, shortfall, aiEffect);
    }

    /**
     * Ends the current attempt without passing when it can no longer meet its thresholds and the resident chooses
     * to stop; a new attempt can then start (after the module's cool-down).
     */
    @Transactional
    public void abandonUnreachable(long moduleId) {
        var p = progress(moduleId);
        var attempt = p.attempt().filter(a -> a.status() == AttemptInfo.Status.IN_PROGRESS)
                .orElseThrow(() -> new org.calibra.reading.ReadRejectedException("There is no attempt in progress to end."));
        if (p.unreachable().isEmpty() && p.unseenShortfall() == 0) {
            throw new org.calibra.reading.ReadRejectedException("This attempt can still meet its thresholds; keep reading.");
        }
        records.completeAttempt(attempt.id(), false);
    }

    private static List<Threshold> thresholds(ModuleInfo module) {
        return module.thresholds().stream().map(CompetencyService::toThreshold).toList();
    }

    private static MetricValues values(ScoringService.AttemptFigures f) {
        return MetricValues.of(f.metrics(), f.performance().rocAuc(), f.performance().wafroc(), f.reliance(), f.aiEffectEstimate());
    }

    static CompetencyEvaluation evaluate(ModuleInfo module, MetricValues values, ModuleMetrics counts) {
        return CompetencyEvaluator.evaluate(thresholds(module), values, counts, module.minimumCases(), module.rules().minimumAbnormalCases(),
                module.rules().minimumNormalCases());
    }

    private static Threshold toThreshold(ModuleInfo.ThresholdRule t) {
        var bound = switch (t.bound()) {
            case "lower" -> Threshold.Bound.LOWER;
            case "upper" -> Threshold.Bound.UPPER;
            default -> Threshold.Bound.POINT;
        };
        return new Threshold(t.metric(), t.min(), t.max(), bound);
    }
}
