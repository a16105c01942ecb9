package org.calibra.oversight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calibra.casebank.CaseService;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.oversight.domain.CaseStatistics;
import org.calibra.oversight.domain.CaseStatisticsCsv;
import org.calibra.reading.AttemptOversight;
import org.calibra.scoring.ScoringService;
import org.calibra.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case statistics of a module for the educators and admins who oversee it: every counted final read of every attempt,
 * as scored and stored by scoring (never re-scored), reduced by {@link CaseStatistics}. Cases are named by the title of
 * their latest version (educators read titles, not slugs).
 */
@Service
@Transactional(readOnly = true)
public class CaseStatisticsReport {

    private final CurriculumService curricula;
    private final AttemptOversight oversight;
    private final ScoringService scoring;
    private final CurrentUser currentUser;
    private final CaseService cases;

    CaseStatisticsReport(CurriculumService curricula, AttemptOversight oversight, ScoringService scoring, CurrentUser currentUser,
                         CaseService cases) {
        this.cases = cases;
        this.curricula = curricula;
        this.oversight = oversight;
        this.scoring = scoring;
        this.currentUser = currentUser;
    }

    /**
     * @param attempts    how many attempts (readers) the statistics rest on
     * @param calibration the same reads' cases calibrated (docs/metrics.md, "Calibrated cases")
     */
    public record Report(ModuleInfo module, int attempts, List<CaseStatistics.CaseStat> cases, CaseCalibration calibration) {}

    /** The module's case statistics; empty when the module does not exist or the signed-in user does not oversee it. */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public Optional<Report> of(long moduleId) {
        if (!curricula.oversees(currentUser.require(), moduleId)) {
            return Optional.empty();
        }
        return curricula.module(moduleId).map(module -> {
            var attempts = oversight.attemptsOfModule(moduleId);
            var facts = scoring.caseReadFacts(attempts.stream().flatMap(a -> a.reads().stream()).toList());
            var reads = facts.stream()
                    .map(f -> new CaseStatistics.Read(f.attemptId(), f.caseSlug(), f.truthAbnormal(), f.calledAbnormal(), f.lesionsTotal(),
                            f.lesionsFound(), f.falseMarks(), f.aiSeen(), f.aiCalledAbnormal(), f.durationMs()))
                    .toList();
            return new Report(module, attempts.size(), CaseStatistics.compute(module.caseSlugs(), reads, titles()),
                    CaseCalibrationReport.calibrate(module, attempts, facts));
        });
    }

    /** Every case's title (its latest version's), by slug: retired cases too, as they may have been read in the module. */
    private Map<String, String> titles() {
        Map<String, String> titles = new HashMap<>();
        cases.library().forEach(c -> titles.put(c.slug(), c.title()));
        return titles;
    }

    /** The same statistics and calibration as CSV (header row, one row per case); empty as {@link #of}. */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public Optional<String> csv(long moduleId) {
        return of(moduleId).map(r -> CaseStatisticsCsv.write(r.cases(), r.calibration()));
    }
}
