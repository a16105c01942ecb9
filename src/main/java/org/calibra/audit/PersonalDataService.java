package org.calibra.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calibra.security.CurrentUser;
import org.calibra.security.UserService;
import org.calibra.security.UserSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal data (docs/security.md, "Personal data"): everyone may export what Calibra holds about them; an admin may
 * erase a user's personal data, which pseudonymises the account and keeps the anonymised reads. Both are audited.
 * The export reads the tables that hold a user id directly, so it is one query per table and nothing is missed
 * by going through five services' views of the same rows.
 */
@Service
public class PersonalDataService {

    /**
     * A score is derived from the case's truth. It is the resident's once the case is final for them: the read is a
     * final read, or (second reader) the final read of the same case in the same attempt is in. Until then the
     * unaided first read's score would tell them, before the read that counts, whether the case is abnormal, how many
     * lesions it has and whether to trust the AI (issue 11). The read itself and its marks are always exported.
     */
    private static final String CASE_IS_FINAL = "(r.phase = 'final' or exists (select 1 from trainee_read f where f.attempt_id = r.attempt_id"
            + " and f.case_version_id = r.case_version_id and f.phase = 'final'))";
    private static final String WITHHELD = "This first read is scored, but its score is derived from the case's answer, so it is shown "
            + "only once the final read of the case is submitted.";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final JdbcTemplate jdbc;
    private final UserService users;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    PersonalDataService(JdbcTemplate jdbc, UserService users, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in user's own data, as JSON. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public String exportMine() {
        UserSummary me = currentUser.require();
        return export(me.id(), me.id());
    }

    /** An admin's export of a user's data (e.g. to answer a subject access request on paper). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String exportFor(long userId) {
        return export(userId, currentUser.require().id());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary erase(long userId) {
        return users.erasePersonalData(userId, currentUser.require().id()); // audited through AccountEvent
    }

    private String export(long userId, long requestedBy) {
        var account = users.details(userId).orElseThrow(() -> new IllegalArgumentException("No user " + userId));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("format", "calibra-personal-data-v1");
        data.put("exportedAt", clock.instant().toString());
        data.put("account", account);
        data.put("attempts", rows("select id, module_id, attempt_number, status, started_at, completed_at from module_attempt where user_id = ? order by id", userId));
        data.put("reads", rows("select id, attempt_id, case_version_id, phase, reading_mode, opened_at, first_mark_at, submitted_at, duration_ms,"
                + " assessment_abnormal, diagnosis, overall_confidence, ai_available, ai_shown_at_open, ai_visible_at_submit, ai_first_shown_at,"
                + " ai_toggle_count from trainee_read where user_id = ? order by id", userId));
        data.put("marks", rows("select m.read_id, m.mark_key, m.image_index, m.x, m.y, m.label, m.confidence, m.placed_at from read_mark m"
                + " join trainee_read r on r.id = m.read_id where r.user_id = ? order by m.read_id, m.id", userId));
        data.put("scores", rows("select s.read_id, s.case_outcome, s.diagnosis_correct, s.lesions_total, s.lesions_detected, s.non_lesion_marks,"
                + " s.ai_correct, s.scorer_version, s.scored_at from read_score s join trainee_read r on r.id = s.read_id where r.user_id = ? and "
                + CASE_IS_FINAL + " order by s.read_id", userId));
        data.put("scoresWithheld", jdbc.queryForList("select r.id from read_score s join trainee_read r on r.id = s.read_id where r.user_id = ? and not "
                + CASE_IS_FINAL + " order by r.id", Long.class, userId).stream().map(id -> Map.<String, Object>of("read_id", id, "reason", WITHHELD))
                .toList());
        data.put("certificates", rows("select public_id, holder_name, title, issuer_name, competencies, issued_at, expires_at, revoked_at,"
                + " revocation_reason from certificate where user_id = ? order by issued_at", userId));
        // case authoring (ADR 0021): the drafts they started and the review comments they wrote, in their words
        data.put("caseDrafts", rows("select id, case_slug, state, source, created_at, updated_at from case_draft where author_id = ? order by id", userId));
        data.put("reviewComments", rows("select draft_id, case_slug, kind, body, created_at from case_review_comment where author_id = ? order by id",
                userId));
        data.put("auditTrail", audit.about(userId));
        audit.append("personal-data.exported", requestedBy, "user:" + userId, null,
                Map.of("tables", "account,attempts,reads,marks,scores,certificates,caseDrafts,reviewComments,audit"));
        return JSON.writeValueAsString(data);
    }

    private List<Map<String, Object>> rows(String sql, long userId) {
        return jdbc.queryForList(sql, userId).stream().map(PersonalDataService::plain).toList();
    }

    /** Lower-case keys (H2 answers in upper case) and times as ISO text. */
    private static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v == null || v instanceof Number || v instanceof Boolean ? v : v.toString()));
        return out;
    }
}
