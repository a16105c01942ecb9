package org.calibra.oversight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.ReadingMode;
import org.calibra.oversight.domain.CaseCalibrator;
import org.calibra.oversight.domain.ResponseMatrix.Response;
import org.calibra.reading.AttemptOversight;
import org.calibra.reading.AttemptOversight.AttemptWithReads;
import org.calibra.reading.ReadPhase;
import org.calibra.reading.SubmittedRead;
import org.calibra.scoring.ScoringService;
import org.calibra.scoring.ScoringService.CaseReadFacts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A module's cases calibrated from its stored, scored reads (docs/metrics.md, "Calibrated cases"). One respondent per
 * attempt; a response is the case-level call, right when it agrees with the ground truth of the case version read.
 * Repeats (reads of a case whose truth the reader had seen) are left out, as in the case statistics.
 */
@Service
@Transactional(readOnly = true)
public class CaseCalibrationReport {

    private final CurriculumService curricula;
    private final AttemptOversight oversight;
    private final ScoringService scoring;

    CaseCalibrationReport(CurriculumService curricula, AttemptOversight oversight, ScoringService scoring) {
        this.curricula = curricula;
        this.oversight = oversight;
        this.scoring = scoring;
    }

    /**
     * The module's cases calibrated, for an educator or admin who oversees it (access refused otherwise).
     *
     * @throws IllegalArgumentException when there is no such module
     */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public CaseCalibration calibrate(long moduleId) {
        ModuleInfo module = curricula.module(moduleId)
                .orElseThrow(() -> new IllegalArgumentException("Module " + moduleId + " does not exist."));
        var attempts = oversight.attemptsOfModule(moduleId);
        return calibrate(module, attempts, scoring.caseReadFacts(attempts.stream().flatMap(a -> a.reads().stream()).toList()));
    }

    /** From reads already loaded (the case statistics page loads them once for both). */
    static CaseCalibration calibrate(ModuleInfo module, List<AttemptWithReads> attempts, List<CaseReadFacts> finals) {
        List<Response> aided = finals.stream().map(f -> new Response(f.attemptId(), f.caseSlug(), f.calledAbnormal() == f.truthAbnormal())).toList();
        boolean secondReader = module.readingMode() == ReadingMode.SECOND_READER;
        return CaseCalibrator.calibrate(module.caseSlugs(), aided, secondReader ? unaided(attempts, finals) : List.of(), secondReader);
    }

    /**
     * The unaided first reads of a second-reader module, scored against the truth of the same case version as read in the
     * same attempt's final read (first reads are not scored on their own; a first read without its scored final read is
     * left out).
     */
    private static List<Response> unaided(List<AttemptWithReads> attempts, List<CaseReadFacts> finals) {
        Map<Long, CaseReadFacts> factByRead = new HashMap<>();
        finals.forEach(f -> factByRead.put(f.readId(), f));
        List<Response> result = new ArrayList<>();
        for (var attempt : attempts) {
            Map<Long, CaseReadFacts> finalByVersion = new HashMap<>();
            for (SubmittedRead r : attempt.reads()) {
                var fact = factByRead.get(r.readId());
                if (fact != null) {
                    finalByVersion.put(r.caseVersionId(), fact);
                }
            }
            for (SubmittedRead r : attempt.reads()) {
                var fact = finalByVersion.get(r.caseVersionId());
                if (r.phase() == ReadPhase.INITIAL && r.counted() && fact != null) {
                    result.add(new Response(r.attemptId(), fact.caseSlug(), r.assessmentAbnormal() == fact.truthAbnormal()));
                }
            }
        }
        return result;
    }
}
