package org.calibra.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.CaseTruth;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.ReadingMode;
import org.calibra.reading.AttemptOversight;
import org.calibra.reading.SubmittedRead;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.internal.ReadScoreEntity;
import org.calibra.scoring.internal.ReadScoreRepository;
import org.calibra.scoring.mrmc.AiEffectStudy;
import org.calibra.scoring.mrmc.PairedFomDifference;
import org.calibra.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Does the AI help this cohort? For a second-reader module, from every resident's latest attempt: the cohort's
 * Obuchowski–Rockette analysis of with-AI against unaided reads ({@link AiEffectStudy}), in the module's figure of merit —
 * wAFROC when a threshold names it (the module scores marks), otherwise the ROC AUC of the case-level call and confidence —
 * and each resident's own change in ROC AUC, the figure an {@code aiEffect} threshold compares (docs/metrics.md, "Does the AI
 * help this cohort?"). Only those who oversee the module (and admins) may ask: it looks at every resident's reads.
 */
@Service
@Transactional(readOnly = true)
public class CohortAiEffect {

    private final AttemptOversight oversight;
    private final CurriculumService curricula;
    private final CaseService cases;
    private final ReadScoreRepository scores;
    private final CurrentUser currentUser;

    CohortAiEffect(AttemptOversight oversight, CurriculumService curricula, CaseService cases, ReadScoreRepository scores,
                   CurrentUser currentUser) {
        this.oversight = oversight;
        this.curricula = curricula;
        this.cases = cases;
        this.scores = scores;
        this.currentUser = currentUser;
    }

    /**
     * One resident's own change: ROC AUC with the AI minus without on the cases of their latest attempt read both ways.
     *
     * @param pairedCases cases read both ways (counted)
     * @param effect      empty until they read a normal and an abnormal case both ways
     */
    public record TraineeEffect(long userId, long attemptId, int attemptNumber, int pairedCases, Optional<PairedFomDifference> effect) {}

    /** The cohort's analysis and every resident's own change, residents in the order of their attempts' ids. */
    public record Report(ModuleInfo module, AiEffectStudy.Result cohort, List<TraineeEffect> trainees) {}

    /** Empty for a module that is not second-reader (it has no unaided reads to compare with), or that the user does not oversee. */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public Optional<Report> of(long moduleId) {
        if (!curricula.oversees(currentUser.require(), moduleId)) {
            return Optional.empty();
        }
        return curricula.module(moduleId).filter(m -> m.readingMode() == ReadingMode.SECOND_READER).map(module -> {
            boolean wafroc = module.thresholds().stream().anyMatch(t -> "wAFROC".equals(t.metric()));
            FrocFom fom = wafroc ? FrocFom.WAFROC : FrocFom.HR_AUC;
            var attempts = oversight.latestAttemptsOfModule(moduleId);
            Map<Long, CaseTruth> truths = new HashMap<>();
            java.util.function.Function<Long, CaseTruth> truth = v -> truths.computeIfAbsent(v, id -> cases.truth(id).orElseThrow());
            Map<Long, ReadScoreEntity> scoreByRead = new HashMap<>();
            if (wafroc) {
                var ids = attempts.stream().flatMap(a -> a.reads().stream()).map(SubmittedRead::readId).toList();
                scores.findByReadIdIn(ids).forEach(s -> scoreByRead.put(s.getReadId(), s));
            }
            var readers = new ArrayList<AiEffectStudy.Reader>();
            var trainees = new ArrayList<TraineeEffect>();
            for (var a : attempts) {
                readers.add(AiEffectReads.reader("R" + a.userId(), a.reads(), truth, fom, scoreByRead));
                int paired = AiEffectReads.pairs(a.reads()).size();
                long attemptId = a.reads().isEmpty() ? 0 : a.reads().getFirst().attemptId();
                trainees.add(new TraineeEffect(a.userId(), attemptId, a.attemptNumber(), paired, AiEffectReads.rocAucEffect(a.reads(), truth)));
            }
            var cohort = AiEffectStudy.analyse(wafroc ? "wAFROC figure of merit" : AiEffectReads.ROC_AUC, fom, readers);
            return new Report(module, cohort, List.copyOf(trainees));
        });
    }
}
