package org.calibra.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.calibra.casebank.CaseTruth;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.SubmittedRead;
import org.calibra.scoring.domain.Estimate;
import org.calibra.scoring.domain.roc.CaseCall;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.internal.ReadScoreEntity;
import org.calibra.scoring.mrmc.AiEffectStudy;
import org.calibra.scoring.mrmc.CaseRatings;
import org.calibra.scoring.mrmc.PairedFomDifference;

/**
 * A second-reader attempt's reads as pairs — the committed unaided first read and the final read with the AI, of the same
 * case version — and the AI's effect on them. Only pairs where both reads count (neither is a repeat of a case whose truth
 * the trainee had seen, ADR 0015) are used.
 */
final class AiEffectReads {

    /** The name the per-trainee effect is reported under. */
    static final String ROC_AUC = "ROC AUC";

    private AiEffectReads() {
    }

    record Pair(SubmittedRead unaided, SubmittedRead withAi) {}

    /** The attempt's pairs, in the order of the final reads. */
    static List<Pair> pairs(List<SubmittedRead> reads) {
        Map<Long, SubmittedRead> initial = reads.stream().filter(r -> r.phase() == ReadPhase.INITIAL && r.counted())
                .collect(Collectors.toMap(SubmittedRead::caseVersionId, r -> r, (a, b) -> a));
        var pairs = new ArrayList<Pair>();
        reads.stream().filter(r -> r.phase() == ReadPhase.FINAL && r.counted()).sorted(Comparator.comparing(SubmittedRead::submittedAt))
                .forEach(f -> Optional.ofNullable(initial.get(f.caseVersionId())).ifPresent(i -> pairs.add(new Pair(i, f))));
        return pairs;
    }

    /** The case-level ROC rating of a read: its call and confidence on the 1..10 scale of {@link CaseCall#rocRating()}. */
    static FrocCase rocCase(SubmittedRead read, boolean truthAbnormal) {
        return CaseRatings.rocCase(caseId(read), truthAbnormal, CaseCall.rocRating(read.assessmentAbnormal(), read.overallConfidence()));
    }

    /** A JAFROC-safe case id, the same for both reads of a case version. */
    static String caseId(SubmittedRead read) {
        return "c" + read.caseVersionId();
    }

    /** The reader's ROC AUC with the AI minus without on the attempt's pairs; empty without a normal and an abnormal pair. */
    static Optional<PairedFomDifference> rocAucEffect(List<SubmittedRead> reads, Function<Long, CaseTruth> truth) {
        var pairs = pairs(reads);
        var unaided = new ArrayList<FrocCase>();
        var withAi = new ArrayList<FrocCase>();
        for (Pair p : pairs) {
            boolean abnormal = truth.apply(p.withAi().caseVersionId()).abnormal();
            unaided.add(rocCase(p.unaided(), abnormal));
            withAi.add(rocCase(p.withAi(), abnormal));
        }
        if (unaided.isEmpty()) {
            return Optional.empty();
        }
        return PairedFomDifference.of(ROC_AUC, FrocDataset.of(unaided), FrocDataset.of(withAi), FrocFom.HR_AUC);
    }

    /** As a threshold compares it: the difference, with its 95% interval when it has one. */
    static Estimate estimate(PairedFomDifference d) {
        return d.ci95().map(ci -> Estimate.of(d.difference(), ci.lower(), ci.upper())).orElseGet(() -> Estimate.pointOnly(d.difference()));
    }

    /**
     * One resident's pairs as a reader of the cohort study: ROC ratings, or (wAFROC) their marks as scored; a pair of the
     * wAFROC study needs both scores, and an abnormal case without an outlined lesion cannot be FROC-analysed and is left out.
     */
    static AiEffectStudy.Reader reader(String id, List<SubmittedRead> reads, Function<Long, CaseTruth> truth, FrocFom fom,
            Map<Long, ReadScoreEntity> scoreByRead) {
        var cases = new ArrayList<AiEffectStudy.PairedCase>();
        for (Pair p : pairs(reads)) {
            CaseTruth t = truth.apply(p.withAi().caseVersionId());
            if (fom == FrocFom.HR_AUC) {
                cases.add(new AiEffectStudy.PairedCase(rocCase(p.unaided(), t.abnormal()), rocCase(p.withAi(), t.abnormal())));
            } else if (!(t.abnormal() && t.lesions().isEmpty()) && scoreByRead.containsKey(p.unaided().readId())
                    && scoreByRead.containsKey(p.withAi().readId())) {
                cases.add(new AiEffectStudy.PairedCase(numbered(ScoringService.frocCase(caseId(p.unaided()), p.unaided(), t,
                        scoreByRead.get(p.unaided().readId()))), numbered(ScoringService.frocCase(caseId(p.withAi()), p.withAi(), t,
                        scoreByRead.get(p.withAi().readId())))));
            }
        }
        return new AiEffectStudy.Reader(id, cases);
    }

    /** Lesion ids as a reader study wants them: 1, 2, ... in the order of the truth's own ids (the same for both reads). */
    private static FrocCase numbered(FrocCase c) {
        var sorted = c.lesions().stream().sorted(Comparator.comparing(org.calibra.scoring.domain.roc.FrocLesion::id)).toList();
        var lesions = new ArrayList<org.calibra.scoring.domain.roc.FrocLesion>();
        for (int i = 0; i < sorted.size(); i++) {
            lesions.add(new org.calibra.scoring.domain.roc.FrocLesion(Integer.toString(i + 1), sorted.get(i).weight(), sorted.get(i).rating()));
        }
        return new FrocCase(c.id(), c.abnormal(), c.nlRatings(), lesions);
    }
}
