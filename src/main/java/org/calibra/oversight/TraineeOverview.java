package org.calibra.oversight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calibra.competency.CompetencyService;
import org.calibra.competency.domain.MetricValues;
import org.calibra.competency.domain.ThresholdResult;
import org.calibra.curriculum.CurriculumInfo;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.reading.AttemptInfo;
import org.calibra.reading.AttemptOversight;
import org.calibra.reading.SubmittedRead;
import org.calibra.scoring.domain.ModuleMetrics;
import org.calibra.scoring.domain.reliance.RelianceMeasures;
import org.calibra.security.CurrentUser;
import org.calibra.security.UserService;
import org.calibra.security.UserSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the Trainees page shows: for each module of the curricula the signed-in educator oversees (an admin: all), one row
 * per resident of the curriculum's institution — those who have not started too — with their attempts, the latest one's
 * figures and threshold results (recomputed as its decision record is), reliance on the AI and the reading time spent.
 */
@Service
@Transactional(readOnly = true)
public class TraineeOverview {

    private final CurriculumService curricula;
    private final AttemptOversight oversight;
    private final CompetencyService competency;
    private final UserService users;
    private final CurrentUser currentUser;

    TraineeOverview(CurriculumService curricula, AttemptOversight oversight, CompetencyService competency, UserService users,
                    CurrentUser currentUser) {
        this.curricula = curricula;
        this.oversight = oversight;
        this.competency = competency;
        this.users = users;
        this.currentUser = currentUser;
    }

    /** One attempt as the page lists it; its decision record is at {@code decisions/<attemptId>}. */
    public record AttemptSummary(long attemptId, int number, AttemptInfo.Status status, Instant startedAt, Instant completedAt, String endReason) {
        static AttemptSummary of(AttemptInfo a) {
            return new AttemptSummary(a.id(), a.number(), a.status(), a.startedAt(), a.completedAt(), a.endReason());
        }

        public String decisionRecordRoute() {
            return "decisions/" + attemptId;
        }
    }

    /** The latest attempt's figures: counts, every metric a threshold can name, each threshold's result and the reliance measures. */
    public record LatestFigures(AttemptSummary attempt, ModuleMetrics metrics, MetricValues values, List<ThresholdResult> thresholds,
                                RelianceMeasures reliance) {}

    /**
     * One resident in one module. {@code attempts} oldest first (empty: not started); {@code readingTime} is the time spent on
     * every read of every attempt at the module (both phases of a second-reader case).
     */
    public record Row(long residentId, String resident, List<AttemptSummary> attempts, Optional<LatestFigures> latest, Duration readingTime) {
        public boolean started() {
            return !attempts.isEmpty();
        }
    }

    public record ModuleRows(ModuleInfo module, List<Row> rows) {}

    public record CurriculumRows(CurriculumInfo curriculum, List<ModuleRows> modules) {}

    /** Every overseen curriculum with a row per resident in each of its modules. */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public List<CurriculumRows> overview() {
        UserSummary me = currentUser.require();
        return curricula.overseenBy(me).stream()
                .map(c -> new CurriculumRows(c, c.modules().stream().map(m -> rows(m, c.institutionId())).toList())).toList();
    }

    /** The rows of one module the signed-in educator or admin oversees; empty for any other. */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public Optional<ModuleRows> module(long moduleId) {
        if (!curricula.oversees(currentUser.require(), moduleId)) {
            return Optional.empty();
        }
        return curricula.module(moduleId).flatMap(m -> curricula.institutionOfModule(moduleId).map(institution -> rows(m, institution)));
    }

    private ModuleRows rows(ModuleInfo module, long institutionId) {
        Map<Long, List<AttemptOversight.AttemptWithReads>> byResident = new LinkedHashMap<>();
        for (var a : oversight.attemptsOfModule(module.id())) { // oldest first for each resident
            byResident.computeIfAbsent(a.attempt().userId(), k -> new ArrayList<>()).add(a);
        }
        Map<Long, String> residents = new LinkedHashMap<>();
        users.residentsOf(institutionId).forEach(u -> residents.put(u.id(), name(u)));
        // someone who has since moved institution or changed role keeps their attempts on this page
        byResident.keySet().stream().filter(id -> !residents.containsKey(id))
                .forEach(id -> residents.put(id, users.findById(id).map(TraineeOverview::name).orElse("account " + id)));
        List<Row> rows = new ArrayList<>();
        residents.forEach((id, name) -> rows.add(row(id, name, byResident.getOrDefault(id, List.of()))));
        rows.sort(Comparator.comparing(Row::resident, String.CASE_INSENSITIVE_ORDER).thenComparingLong(Row::residentId));
        return new ModuleRows(module, List.copyOf(rows));
    }

    private static String name(UserSummary u) {
        return u.displayName() != null && !u.displayName().isBlank() ? u.displayName() : u.username();
    }

    private Row row(long residentId, String name, List<AttemptOversight.AttemptWithReads> attempts) {
        long ms = attempts.stream().flatMap(a -> a.reads().stream()).mapToLong(SubmittedRead::durationMs).sum();
        var latest = attempts.isEmpty() ? Optional.<LatestFigures>empty() : competency.decision(attempts.getLast().attempt().id()).map(d -> {
            var f = d.figures();
            var values = MetricValues.of(f.metrics(), f.performance().rocAuc(), f.performance().wafroc(), f.reliance(), f.aiEffectEstimate());
            return new LatestFigures(AttemptSummary.of(d.attempt()), f.metrics(), values, d.evaluation().results(), f.reliance());
        });
        return new Row(residentId, name, attempts.stream().map(a -> AttemptSummary.of(a.attempt())).toList(), latest, Duration.ofMillis(ms));
    }
}
