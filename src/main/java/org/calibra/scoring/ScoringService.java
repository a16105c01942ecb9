package org.calibra.scoring;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.calibra.casebank.CaseForReading;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.CaseTruth;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadSubmitted;
import org.calibra.reading.ReadingService;
import org.calibra.reading.SubmittedRead;
import org.calibra.scoring.domain.AcceptanceRule;
import org.calibra.scoring.domain.AiMark;
import org.calibra.scoring.domain.AiVerdict;
import org.calibra.scoring.domain.CaseOutcome;
import org.calibra.scoring.domain.Lesion;
import org.calibra.scoring.domain.LesionMatcher;
import org.calibra.scoring.domain.Mark;
import org.calibra.scoring.domain.MarkOutcome;
import org.calibra.scoring.domain.MatchResult;
import org.calibra.scoring.domain.ModuleMetrics;
import org.calibra.scoring.domain.PixelSpacing;
import org.calibra.scoring.domain.ScoredCase;
import org.calibra.scoring.domain.reliance.RelianceCase;
import org.calibra.scoring.domain.reliance.RelianceMeasures;
import org.calibra.scoring.domain.roc.CaseCall;
import org.calibra.scoring.domain.roc.EmpiricalRoc;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocCurves;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.domain.roc.FrocLesion;
import org.calibra.scoring.domain.roc.Psi;
import org.calibra.scoring.domain.roc.RocRatings;
import org.calibra.scoring.domain.roc.StratifiedBootstrap;
import org.calibra.reading.ReadSubmission;
import org.calibra.scoring.domain.AttemptTally;
import org.calibra.scoring.internal.AttemptTallies;
import org.calibra.scoring.internal.ReadScoreEntity;
import org.calibra.scoring.internal.ReadScoreRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores each read against the ground truth of the exact case version it was made on, stores the score
 * once, and computes module metrics from stored scores. The matching itself is {@code scoring.domain}.
 */
@Service
@Transactional(readOnly = true)
public class ScoringService {

    /** 2: lesions may be drawn as ellipses, boxes or contours (ADR 0020); circles score exactly as under 1. */
    static final String SCORER_VERSION = "2";

    private final ReadScoreRepository scores;
    private final CaseService cases;
    private final ReadingService reading;
    private final org.calibra.reading.AttemptRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AttemptTallies tallies;

    ScoringService(ReadScoreRepository scores, CaseService cases, ReadingService reading, org.calibra.reading.AttemptRecords records,
                   ApplicationEventPublisher events, Clock clock, AttemptTallies tallies) {
        this.tallies = tallies;
        this.records = records;
        this.scores = scores;
        this.cases = cases;
        this.reading = reading;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onReadSubmitted(ReadSubmitted event) {
        SubmittedRead read = event.read();
        CaseTruth truth = cases.truth(read.caseVersionId()).orElseThrow();
        CaseForReading kase = cases.forReading(read.caseVersionId()).orElseThrow();
        ReadScoring s = ReadScoring.of(read, truth, kase);
        Matches m = s.matches();
        var entity = new ReadScoreEntity(read.readId(), s.caseOutcome(), s.diagnosisCorrect(),
                m.trainee().lesionCount(), m.trainee().detectedCount(), m.trainee().nonLesionLocalisationCount(),
                s.aiCorrect(), SCORER_VERSION, clock.instant());
        m.trainee().markOutcomes().forEach(o -> entity.addItem("read", o.markId(), ReadScoring.outcomeCode(o), o.matchedLesionId().orElse(null)));
        m.ai().markOutcomes().forEach(o -> entity.addItem("ai", o.markId(), ReadScoring.outcomeCode(o), o.matchedLesionId().orElse(null)));
        m.trainee().lesionOutcomes().forEach(l -> entity.addItem("lesion", l.lesionId(), l.detected() ? "detected" : "missed",
                l.markId().orElse(null)));
        scores.save(entity);
        if (read.phase() == ReadPhase.FINAL) {
            addToTally(read, entity);
        }
        events.publishEvent(new ReadScored(read.readId(), read.attemptId(), read.moduleId(), read.userId(), read.phase() == ReadPhase.FINAL));
    }

    /**
     * Adds a final read to its attempt's running sums (ADR 0028), in the read's transaction: it counts exactly when the
     * read does. An attempt without sums yet (its first read, or begun before V20) gets them from its stored scores.
     */
    private void addToTally(SubmittedRead read, ReadScoreEntity score) {
        if (!tallies.add(read.attemptId(), AttemptTally.change(scoredCase(read, score), !read.counted()))) {
            scores.flush(); // the sums from scratch include this read's score
            tallies.insert(read.attemptId(), tallyFromScratch(read.attemptId()));
        }
    }

    /**
     * The running sums of the attempt's scored final reads: its {@link ModuleMetrics} and how many final reads it has,
     * without loading its reads. Equal to {@link #tallyFromScratch} by construction (tested on random reads).
     */
    public AttemptTally tally(long attemptId) {
        return tallies.find(attemptId).orElseGet(() -> tallyFromScratch(attemptId));
    }

    /** The same sums recomputed from every stored read and score of the attempt. */
    public AttemptTally tallyFromScratch(long attemptId) {
        List<SubmittedRead> finals = records.readsOf(attemptId).stream().filter(r -> r.phase() == ReadPhase.FINAL).toList();
        Map<Long, ReadScoreEntity> byRead = scores.findByReadIdIn(finals.stream().map(SubmittedRead::readId).toList()).stream()
                .collect(Collectors.toMap(ReadScoreEntity::getReadId, s -> s));
        return AttemptTally.of(finals.stream().filter(r -> r.counted() && byRead.containsKey(r.readId()))
                .map(r -> scoredCase(r, byRead.get(r.readId()))).toList(), finals.size());
    }

    /** A stored score as the metrics count it; the truth's side is read from the stored outcome (TP or FN: abnormal). */
    private static ScoredCase scoredCase(SubmittedRead r, ReadScoreEntity s) {
        boolean truthAbnormal = s.getCaseOutcome().equals("TP") || s.getCaseOutcome().equals("FN");
        return new ScoredCase(truthAbnormal, r.assessmentAbnormal(), s.getLesionsTotal(), s.getLesionsDetected(), s.getNonLesionMarks());
    }

    /**
     * Feedback for one of the current user's own final reads; empty for anything else — in particular for the
     * initial read of a second-reader case, whose truth must wait until the final read is in.
     */
    public Optional<ReadFeedback> feedback(long readId) {
        return reading.read(readId).filter(r -> r.phase() == ReadPhase.FINAL).flatMap(read -> scores.findByReadId(readId).map(score -> {
            CaseTruth truth = cases.truth(read.caseVersionId()).orElseThrow();
            CaseForReading kase = cases.forReading(read.caseVersionId()).orElseThrow();
            var items = score.getItems();
            var marks = items.stream().filter(i -> i.getSource().equals("read"))
                    .map(i -> new ReadFeedback.MarkResult(i.getItemKey(), i.getOutcome(), i.getLesionKey())).toList();
            var ai = items.stream().filter(i -> i.getSource().equals("ai"))
                    .map(i -> new ReadFeedback.MarkResult(i.getItemKey(), i.getOutcome(), i.getLesionKey())).toList();
            Map<String, String> lesionMark = items.stream().filter(i -> i.getSource().equals("lesion") && i.getLesionKey() != null)
                    .collect(Collectors.toMap(i -> i.getItemKey(), i -> i.getLesionKey()));
            var lesions = truth.lesions().stream().map(l -> new ReadFeedback.LesionResult(l.id(), l.label(), l.imageIndex(),
                    lesionMark.containsKey(l.id()), lesionMark.get(l.id()))).toList();
            var before = reading.initialReadOf(read.moduleId(), read.caseVersionId()).flatMap(initial -> scores.findByReadId(initial.readId())
                    .map(s -> new ReadFeedback.InitialRead(initial, s.getCaseOutcome(), s.getLesionsDetected(), s.getNonLesionMarks())));
            return new ReadFeedback(read, kase, truth, score.getCaseOutcome(), score.isDiagnosisCorrect(), marks, lesions, ai,
                    score.isAiCorrect(), before, followedFalseMarks(read, truth, kase, marks));
        }));
    }

    /**
     * Feedback on a read that exists only in memory — an educator previewing a published case version as a trainee
     * (issue 13). Scored by the same function as a stored read; nothing is saved and no event is published, so no score,
     * decision, audit entry or exposure follows. Staff only: the answer carries the version's truth.
     */
    @org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public Optional<ReadFeedback> previewFeedback(SubmittedRead read, Optional<SubmittedRead> initial) {
        return cases.truth(read.caseVersionId()).flatMap(truth -> cases.forReading(read.caseVersionId())
                .map(kase -> ReadScoring.feedback(read, kase, truth, initial)));
    }

    /** As {@link #previewFeedback}, for content that is not a stored version (a draft): the caller hands over its truth. */
    public static ReadFeedback feedbackInMemory(SubmittedRead read, CaseForReading kase, CaseTruth truth, Optional<SubmittedRead> initial) {
        return ReadScoring.feedback(read, kase, truth, initial);
    }

    /**
     * The current user's final reads in an attempt that went wrong somewhere — a wrong call, a missed lesion or
     * a false mark — most serious first, so they can go back to those cases.
     */
    public List<ReviewItem> toReview(long attemptId) {
        var d = load(attemptId);
        return d.finals().stream().filter(r -> d.scoreByRead().containsKey(r.readId())).map(r -> {
            var s = d.scoreByRead().get(r.readId());
            return new ReviewItem(r.readId(), r.caseVersionId(), s.getCaseOutcome(), s.getLesionsTotal() - s.getLesionsDetected(),
                    s.getNonLesionMarks(), !s.isDiagnosisCorrect() && s.getCaseOutcome().equals("TP"));
        }).filter(ReviewItem::needsReview).sorted(java.util.Comparator.comparingInt(ReviewItem::severity).reversed()).toList();
    }

    /** What went wrong on one read: the case call (TP/FN/TN/FP), lesions missed, false marks, a wrong diagnosis. */
    public record ReviewItem(long readId, long caseVersionId, String caseOutcome, int lesionsMissed, int falseMarks, boolean wrongDiagnosis) {
        boolean needsReview() {
            return caseOutcome.equals("FN") || caseOutcome.equals("FP") || lesionsMissed > 0 || falseMarks > 0 || wrongDiagnosis;
        }

        int severity() {
            return (caseOutcome.equals("FN") || caseOutcome.equals("FP") ? 100 : 0) + 10 * lesionsMissed + (wrongDiagnosis ? 5 : 0) + falseMarks;
        }
    }

    /**
     * Each scored final read of the attempt in submission order: the case version and whether the case call was right
     * (a true positive or a true negative). What an adaptive module's engine reads (ADR 0036); no truth leaves here.
     */
    public List<ScoredCall> caseCalls(long attemptId) {
        List<SubmittedRead> finals = records.readsOf(attemptId).stream().filter(r -> r.phase() == ReadPhase.FINAL).toList();
        Map<Long, ReadScoreEntity> byRead = scores.findByReadIdIn(finals.stream().map(SubmittedRead::readId).toList()).stream()
                .collect(Collectors.toMap(ReadScoreEntity::getReadId, s -> s));
        return finals.stream().filter(r -> byRead.containsKey(r.readId())).map(r -> new ScoredCall(r.caseVersionId(),
                isCorrectCall(byRead.get(r.readId()).getCaseOutcome()))).toList();
    }

    private static boolean isCorrectCall(String outcome) {
        return outcome.equals(org.calibra.scoring.domain.CaseOutcome.TRUE_POSITIVE.abbreviation())
                || outcome.equals(org.calibra.scoring.domain.CaseOutcome.TRUE_NEGATIVE.abbreviation());
    }

    /** A scored case call: right or wrong. */
    public record ScoredCall(long caseVersionId, boolean correct) {}

    /** One final read as it counted in its attempt's decision; {@code counted} is false for a repeat (ADR 0015). */
    public record DecisionLine(long readId, String caseSlug, String caseTitle, int caseVersion, java.time.Instant submittedAt, boolean calledAbnormal,
                               String diagnosis, int confidence, String caseOutcome, int lesionsFound, int lesionsTotal, int falseMarks,
                               boolean aiSeen, String scorerVersion, boolean counted) {}

    /** Every final read of one of the current user's attempts, in submission order, with its stored score. */
    public List<DecisionLine> decisionLines(long attemptId) {
        var d = load(attemptId);
        return d.finals().stream().filter(r -> d.scoreByRead().containsKey(r.readId())).map(r -> {
            var s = d.scoreByRead().get(r.readId());
            var kase = cases.forReading(r.caseVersionId()).orElseThrow();
            return new DecisionLine(r.readId(), kase.slug(), kase.title(), kase.version(), r.submittedAt(), r.assessmentAbnormal(), r.diagnosis(),
                    r.overallConfidence(), s.getCaseOutcome(), s.getLesionsDetected(), s.getLesionsTotal(), s.getNonLesionMarks(),
                    r.ai().firstShownAt() != null, s.getScorerVersion(), r.counted());
        }).toList();
    }

    /**
     * One counted final read reduced to its stored score, for case statistics: the case (slug), the truth and the call,
     * lesions found of all, false marks (NLs), whether the AI was seen and what it called, and the reading time.
     */
    public record CaseReadFacts(long readId, long attemptId, long userId, String caseSlug, boolean truthAbnormal, boolean calledAbnormal,
                                int lesionsTotal, int lesionsFound, int falseMarks, boolean aiSeen, boolean aiCalledAbnormal, long durationMs,
                                java.time.Instant submittedAt) {}

    /**
     * The stored scores of these reads' counted final reads (initial reads and repeats left out; reads not scored yet too),
     * in the given order. No re-scoring and no access check: the caller decides whose reads may be shown (as for {@link #figures}).
     */
    public List<CaseReadFacts> caseReadFacts(List<SubmittedRead> reads) {
        List<SubmittedRead> counted = reads.stream().filter(r -> r.phase() == ReadPhase.FINAL && r.counted()).toList();
        Map<Long, ReadScoreEntity> byRead = scores.findByReadIdIn(counted.stream().map(SubmittedRead::readId).toList()).stream()
                .collect(Collectors.toMap(ReadScoreEntity::getReadId, s -> s));
        Map<Long, String> slugByVersion = new java.util.HashMap<>();
        return counted.stream().filter(r -> byRead.containsKey(r.readId())).map(r -> {
            var s = byRead.get(r.readId());
            boolean truthAbnormal = s.getCaseOutcome().equals("TP") || s.getCaseOutcome().equals("FN");
            String slug = slugByVersion.computeIfAbsent(r.caseVersionId(), v -> cases.forReading(v).orElseThrow().slug());
            return new CaseReadFacts(r.readId(), r.attemptId(), r.userId(), slug, truthAbnormal, r.assessmentAbnormal(), s.getLesionsTotal(),
                    s.getLesionsDetected(), s.getNonLesionMarks(), r.ai().firstShownAt() != null,
                    s.isAiCorrect() == truthAbnormal, r.durationMs(), r.submittedAt());
        }).toList();
    }

    /** Metrics over the current user's scored final reads in one attempt. */
    public ModuleMetrics metricsForAttempt(long attemptId) {
        return metrics(load(attemptId));
    }

    /** How the trainee relied on the AI over the attempt's final reads made with the AI available. */
    public RelianceMeasures reliance(long attemptId) {
        return reliance(load(attemptId));
    }

    /** ROC AUC and wAFROC over the attempt's final reads (see {@link ObserverPerformance}). */
    public ObserverPerformance observerPerformance(long attemptId) {
        return observerPerformance(load(attemptId), true);
    }

    /** Everything the module page shows about an attempt, from one load of its reads, scores and truths. */
    public AttemptFigures figures(long attemptId) {
        var data = load(attemptId);
        return new AttemptFigures(metrics(data), observerPerformance(data, true), reliance(data), aiEffect(data));
    }

    /**
     * As {@link #figures(long)}, for deciding a module after each read: the wAFROC bootstrap (the costly part) runs
     * only when a threshold names wAFROC; without it the figures hold no wAFROC.
     */
    public AttemptFigures figuresForDecision(long attemptId, boolean wafrocNeeded) {
        var data = load(attemptId);
        return new AttemptFigures(metrics(data), observerPerformance(data, wafrocNeeded), reliance(data), aiEffect(data));
    }

    /**
     * @param aiEffect second-reader attempts: the ROC AUC of the final reads (with the AI) minus that of the committed first
     *                 reads (unaided) on the cases read both ways, with its paired DeLong interval (docs/metrics.md); empty
     *                 for other attempts and until a normal and an abnormal case were read both ways
     */
    public record AttemptFigures(ModuleMetrics metrics, ObserverPerformance performance, RelianceMeasures reliance,
                                 Optional<org.calibra.scoring.mrmc.PairedFomDifference> aiEffect) {

        /** The AI's effect as a threshold compares it. */
        public Optional<org.calibra.scoring.domain.Estimate> aiEffectEstimate() {
            return aiEffect.map(AiEffectReads::estimate);
        }
    }

    private static Optional<org.calibra.scoring.mrmc.PairedFomDifference> aiEffect(AttemptData d) {
        return AiEffectReads.rocAucEffect(d.all(), v -> d.truthByVersion().get(v));
    }

    /**
     * An attempt's reads, their scores and (loaded once per case version) truth and AI score. {@code finals} are all
     * its final reads (the decision record, the cases to review); {@code counted} leaves out repeats — reads of cases
     * whose truth the trainee had seen before (ADR 0015) — and is what every figure is computed from.
     */
    private record AttemptData(List<SubmittedRead> all, List<SubmittedRead> finals, List<SubmittedRead> counted,
                               Map<Long, ReadScoreEntity> scoreByRead, Map<Long, CaseTruth> truthByVersion, Map<Long, Double> aiScoreByVersion) {}

    /**
     * The current trainee against the other residents who have read at least {@code minimumCases} cases of the
     * module in their latest attempt (see {@link CohortComparison} for what stays anonymous).
     */
    public CohortComparison cohort(long moduleId, int minimumCases, long userId, java.util.Optional<Long> myAttemptId) {
        var others = records.othersLatestAttempts(moduleId, userId, Math.max(1, minimumCases));
        if (others.size() < CohortComparison.MINIMUM_COHORT) {
            return CohortComparison.tooFew(others.size());
        }
        List<PointFigures> cohort = others.stream().map(reads -> pointFigures(load(reads))).toList();
        PointFigures me = myAttemptId.map(id -> pointFigures(load(id))).orElse(PointFigures.NONE);
        var metrics = new java.util.LinkedHashMap<String, org.calibra.scoring.domain.CohortStats>();
        for (String key : PointFigures.KEYS) {
            List<Double> values = cohort.stream().map(f -> f.get(key)).filter(java.util.OptionalDouble::isPresent)
                    .map(java.util.OptionalDouble::getAsDouble).toList();
            if (values.size() >= CohortComparison.MINIMUM_COHORT) {
                metrics.put(key, org.calibra.scoring.domain.CohortStats.of(values, me.get(key)));
            }
        }
        var points = new java.util.ArrayList<double[]>(cohort.stream().filter(f -> f.sensitivity().isPresent() && f.specificity().isPresent())
                .map(f -> new double[] {1 - f.specificity().getAsDouble(), f.sensitivity().getAsDouble()}).toList());
        java.util.Collections.shuffle(points);
        return new CohortComparison(others.size(), metrics, points);
    }

    /** Point estimates only: a cohort needs no intervals, and skipping the bootstrap keeps it cheap. */
    private record PointFigures(java.util.OptionalDouble sensitivity, java.util.OptionalDouble specificity,
                                java.util.OptionalDouble lesionLocalisationFraction, java.util.OptionalDouble rocAuc,
                                java.util.OptionalDouble wafroc) {
        static final List<String> KEYS = List.of("sensitivity", "specificity", "lesionLocalisationFraction", "rocAuc", "wAFROC");
        static final PointFigures NONE = new PointFigures(java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty());

        java.util.OptionalDouble get(String key) {
            return switch (key) {
                case "sensitivity" -> sensitivity;
                case "specificity" -> specificity;
                case "lesionLocalisationFraction" -> lesionLocalisationFraction;
                case "rocAuc" -> rocAuc;
                default -> wafroc;
            };
        }
    }

    private static PointFigures pointFigures(AttemptData d) {
        ModuleMetrics m = metrics(d);
        List<CaseCall> calls = new java.util.ArrayList<>();
        List<FrocCase> frocCases = new java.util.ArrayList<>();
        for (SubmittedRead r : d.counted()) {
            var score = d.scoreByRead().get(r.readId());
            if (score != null) {
                CaseTruth truth = d.truthByVersion().get(r.caseVersionId());
                calls.add(new CaseCall("read-" + r.readId(), truth.abnormal(), r.assessmentAbnormal(), r.overallConfidence()));
                frocCases.add(frocCase("read-" + r.readId(), r, truth, score));
            }
        }
        var ratings = RocRatings.fromCaseCalls(calls);
        boolean both = !ratings.normal().isEmpty() && !ratings.abnormal().isEmpty();
        var dataset = both ? FrocDataset.of(frocCases) : null;
        return new PointFigures(m.sensitivity().estimate(), m.specificity().estimate(), m.lesionLocalisationFraction().estimate(),
                both ? java.util.OptionalDouble.of(EmpiricalRoc.analyse(ratings).auc()) : java.util.OptionalDouble.empty(),
                both && FrocFom.WAFROC.isDefinedFor(dataset) ? java.util.OptionalDouble.of(FrocFom.WAFROC.valueOf(dataset))
                        : java.util.OptionalDouble.empty());
    }

    /** No access check here: the callers (competency's views and its event handler) decide whose attempt may be shown. */
    private AttemptData load(long attemptId) {
        return load(records.readsOf(attemptId));
    }

    private AttemptData load(List<SubmittedRead> all) {
        List<SubmittedRead> finals = all.stream().filter(r -> r.phase() == ReadPhase.FINAL).toList();
        Map<Long, ReadScoreEntity> byRead = scores.findByReadIdIn(finals.stream().map(SubmittedRead::readId).toList()).stream()
                .collect(Collectors.toMap(ReadScoreEntity::getReadId, s -> s));
        Map<Long, CaseTruth> truths = new java.util.HashMap<>();
        Map<Long, Double> aiScores = new java.util.HashMap<>();
        for (SubmittedRead r : finals) {
            truths.computeIfAbsent(r.caseVersionId(), v -> cases.truth(v).orElseThrow());
            aiScores.computeIfAbsent(r.caseVersionId(), v -> cases.forReading(v).orElseThrow().ai().score());
        }
        return new AttemptData(all, finals, finals.stream().filter(SubmittedRead::counted).toList(), byRead, truths, aiScores);
    }

    private static ModuleMetrics metrics(AttemptData d) {
        List<ScoredCase> scored = d.counted().stream().filter(r -> d.scoreByRead().containsKey(r.readId()))
                .map(r -> scoredCase(r, d.scoreByRead().get(r.readId()))).toList();
        return ModuleMetrics.compute(scored);
    }

    private static RelianceMeasures reliance(AttemptData d) {
        Map<Long, SubmittedRead> initialByCase = d.all().stream().filter(r -> r.phase() == ReadPhase.INITIAL)
                .collect(Collectors.toMap(SubmittedRead::caseVersionId, r -> r, (a, b) -> a));
        // only cases where the AI was really seen: an on-request read whose AI was never asked for is unaided
        List<RelianceCase> withAi = d.counted().stream().filter(r -> r.ai().available() && r.ai().firstShownAt() != null).map(r -> {
            CaseTruth truth = d.truthByVersion().get(r.caseVersionId());
            double aiScore = d.aiScoreByVersion().get(r.caseVersionId());
            var initial = Optional.ofNullable(initialByCase.get(r.caseVersionId())).map(SubmittedRead::assessmentAbnormal);
            return new RelianceCase(truth.abnormal(), AiVerdict.of(aiScore, truth.abnormal()).callsAbnormal(), initial, r.assessmentAbnormal());
        }).toList();
        List<Boolean> asked = d.counted().stream().filter(r -> r.readingMode() == org.calibra.curriculum.ReadingMode.ON_REQUEST)
                .map(r -> r.ai().requestedAt() != null).toList();
        return RelianceMeasures.compute(withAi, asked);
    }

    private static ObserverPerformance observerPerformance(AttemptData d, boolean withWafroc) {
        List<CaseCall> calls = new java.util.ArrayList<>();
        List<FrocCase> frocCases = new java.util.ArrayList<>();
        for (SubmittedRead r : d.counted()) {
            var score = d.scoreByRead().get(r.readId());
            if (score == null) {
                continue;
            }
            CaseTruth truth = d.truthByVersion().get(r.caseVersionId());
            String id = "read-" + r.readId();
            calls.add(new CaseCall(id, truth.abnormal(), r.assessmentAbnormal(), r.overallConfidence()));
            frocCases.add(frocCase(id, r, truth, score));
        }
        var ratings = RocRatings.fromCaseCalls(calls);
        if (ratings.normal().isEmpty() || ratings.abnormal().isEmpty()) {
            return ObserverPerformance.none();
        }
        var dataset = FrocDataset.of(frocCases);
        // seeded by the attempt: the same reads always give the same interval
        long seed = d.counted().getFirst().attemptId();
        var wafroc = withWafroc && FrocFom.WAFROC.isDefinedFor(dataset)
                ? Optional.of(StratifiedBootstrap.froc(dataset, FrocFom.WAFROC, StratifiedBootstrap.DEFAULT_REPLICATES, seed))
                : Optional.<StratifiedBootstrap.BootstrapInterval>empty();
        var froc = FrocCurves.froc(dataset).stream().map(p -> new double[] {p.nlf(), p.llf()}).toList();
        var wafrocCurve = FrocCurves.afroc(dataset).stream().map(p -> new double[] {p.fpf(), p.wllf()}).toList();
        return new ObserverPerformance(Optional.of(EmpiricalRoc.analyse(ratings)), wafroc, ObserverPerformance.rocPoints(ratings), froc,
                dataset.normalCount() > 0 ? wafrocCurve : List.of());
    }

    /** RJafroc's layout: NL ratings = confidences of false-positive marks; LL rating = the counting mark's confidence. */
    static FrocCase frocCase(String id, SubmittedRead r, CaseTruth truth, ReadScoreEntity score) {
        Map<String, Integer> confidence = r.marks().stream().collect(Collectors.toMap(ReadSubmission.MarkInput::key, ReadSubmission.MarkInput::confidence));
        List<Double> nl = score.getItems().stream().filter(i -> i.getSource().equals("read") && i.getOutcome().equals("false-positive"))
                .map(i -> (double) confidence.get(i.getItemKey())).toList();
        Map<String, String> countingMark = score.getItems().stream().filter(i -> i.getSource().equals("lesion") && i.getLesionKey() != null)
                .collect(Collectors.toMap(i -> i.getItemKey(), i -> i.getLesionKey()));
        List<FrocLesion> lesions = truth.lesions().stream().map(l -> new FrocLesion(l.id(), l.weight(),
                countingMark.containsKey(l.id()) ? confidence.get(countingMark.get(l.id())) : Psi.UNMARKED)).toList();
        return new FrocCase(id, truth.abnormal(), nl, lesions);
    }

    record Matches(MatchResult trainee, MatchResult ai) {}

    /**
     * Which of the AI's labelled false marks (ADR 0023) the read followed: those a mark of the read that found no lesion
     * would have localised, were the AI's mark a lesion — each AI mark taken as a point (a circle of one pixel, so the
     * case's acceptance floor in mm decides, as for a small lesion) and matched by the scoring's own rule
     * ({@link LesionMatcher#match}). A mark on a real lesion never counts as following a false mark.
     */
    static List<String> followedFalseMarks(SubmittedRead read, CaseTruth truth, CaseForReading kase, List<ReadFeedback.MarkResult> readMarks) {
        var labelled = truth.aiErrors().stream().filter(e -> e.kind() == CaseTruth.AiError.Kind.FALSE_MARK && e.aiMarkId() != null)
                .map(CaseTruth.AiError::aiMarkId).collect(Collectors.toSet());
        List<Lesion> points = kase.ai().marks().stream().filter(a -> labelled.contains(a.id()))
                .map(a -> new Lesion(a.id(), a.imageIndex(), a.x(), a.y(), 1.0, a.label(), 1.0)).toList();
        var noLesion = readMarks.stream().filter(r -> r.outcome().equals("false-positive")).map(ReadFeedback.MarkResult::id)
                .collect(Collectors.toSet());
        List<Mark> marks = read.marks().stream().filter(x -> noLesion.contains(x.key()))
                .map(x -> new Mark(x.key(), x.imageIndex(), x.x(), x.y(), x.confidence(), x.label())).toList();
        if (points.isEmpty() || marks.isEmpty()) {
            return List.of();
        }
        var result = LesionMatcher.match(points, marks, spacing(kase), new AcceptanceRule(truth.minAcceptanceMm()));
        return result.lesionOutcomes().stream().filter(l -> l.detected()).map(l -> l.lesionId()).sorted().toList();
    }

    private static IntFunction<Optional<PixelSpacing>> spacing(CaseForReading kase) {
        return i -> {
            var img = kase.images().get(i);
            return img.rowSpacingMm() == null || img.columnSpacingMm() == null ? Optional.empty()
                    : Optional.of(new PixelSpacing(img.rowSpacingMm(), img.columnSpacingMm()));
        };
    }

    /** The reader's marks and the case's AI marks matched against the truth of one case version (also re-scoring tests). */
    static Matches match(List<Mark> marks, CaseTruth truth, CaseForReading kase) {
        List<Lesion> lesions = truth.lesions().stream()
                .map(l -> new Lesion(l.id(), l.imageIndex(), l.x(), l.y(), l.radiusPx(), l.label(), l.weight(), l.firstImage(), l.lastImage(),
                        l.outline())).toList();
        List<AiMark> aiMarks = kase.ai().marks().stream()
                .map(a -> new AiMark(a.id(), a.imageIndex(), a.x(), a.y(), a.probability(), a.label())).toList();
        IntFunction<Optional<PixelSpacing>> spacing = spacing(kase);
        var rule = new AcceptanceRule(truth.minAcceptanceMm());
        return new Matches(LesionMatcher.match(lesions, marks, spacing, rule), LesionMatcher.matchAi(lesions, aiMarks, spacing, rule));
    }
}
