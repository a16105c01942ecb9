package org.calibra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.calibra.reading.ReadPhase;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.ReadingService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.security.UserService;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A resident exports their own data; an admin erases a user's personal data and the anonymised reads stay. */
@IntegrationTest
class PersonalDataIT {

    @Autowired ApplicationContext context;
    @Autowired PersonalDataService personalData;
    @Autowired UserService users;
    @Autowired AuditChain chain;
    @Autowired JdbcTemplate jdbc;
    @Autowired ReadingService reading;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private long readOneCaseAs(String username) {
        TestAccounts.create(context, username, Role.RESIDENT);
        SignedIn.as(username, "RESIDENT");
        var scenario = new ReadingScenario(context);
        scenario.readCorrectly(scenario.cases().getFirst());
        return users.findByUsername(username).orElseThrow().id();
    }

    @Test
    void a_resident_exports_their_account_attempts_reads_scores_and_audit_entries_and_the_export_is_audited() {
        long id = readOneCaseAs("exporting-reader");
        JsonNode export = JsonMapper.builder().build().readTree(personalData.exportMine());

        assertThat(export.get("format").asString()).isEqualTo("calibra-personal-data-v1");
        assertThat(export.get("account").get("username").asString()).isEqualTo("exporting-reader");
        assertThat(export.get("account").has("passwordHash")).isFalse();
        assertThat(export.get("attempts")).hasSize(1);
        assertThat(export.get("reads")).hasSize(1);
        assertThat(export.get("scores")).hasSize(1);
        assertThat(export.get("scores").get(0).get("case_outcome").asString()).isNotBlank();
        assertThat(export.get("certificates").isArray()).isTrue();
        assertThat(export.get("auditTrail").size()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'personal-data.exported' and actor_id = ? and subject = ?",
                Long.class, id, "user:" + id)).isEqualTo(1);
    }

    /**
     * Issue 11, leak 1: between the committed first read and the final read of a second-reader case, the export
     * must not tell the resident the case's outcome, its lesion count or whether the AI was right.
     */
    @Test
    void between_the_first_and_the_final_read_the_export_holds_the_first_read_but_nothing_derived_from_truth() {
        TestAccounts.create(context, "midway-reader", Role.RESIDENT);
        SignedIn.as("midway-reader", "RESIDENT");
        var scenario = new ReadingScenario(context, "second-opinion");
        var entry = scenario.cases().stream().filter(e -> context.getBean(org.calibra.casebank.CaseService.class)
                .truth(e.caseVersionId()).orElseThrow().abnormal()).findFirst().orElseThrow();
        reading.startOrResume(scenario.module().id());
        var right = scenario.submission(entry, true);
        var first = reading.submit(new ReadSubmission(right.moduleId(), right.caseVersionId(), right.openedAt(), right.assessmentAbnormal(),
                right.diagnosis(), right.overallConfidence(), right.marks(), ReadSubmission.AiExposure.none(), ReadPhase.INITIAL));

        String midway = personalData.exportMine();
        JsonNode export = JsonMapper.builder().build().readTree(midway);
        assertThat(export.get("reads")).as("the resident's own submitted read is theirs to see").hasSize(1);
        assertThat(export.get("marks")).isNotEmpty();
        assertThat(export.get("scores")).as("no score of a read whose case is not final").isEmpty();
        assertThat(midway).doesNotContain("case_outcome").doesNotContain("lesions_total").doesNotContain("ai_correct");
        assertThat(export.get("scoresWithheld")).hasSize(1);
        assertThat(export.get("scoresWithheld").get(0).get("read_id").asLong()).isEqualTo(first.readId());

        reading.submit(right);
        JsonNode after = JsonMapper.builder().build().readTree(personalData.exportMine());
        assertThat(after.get("scores")).as("once the final read is in, both reads' scores are the resident's").hasSize(2);
        assertThat(after.get("scoresWithheld")).isEmpty();
    }

    @Test
    void nobody_but_an_admin_may_export_someone_else_or_erase() {
        long other = readOneCaseAs("private-reader");
        SignedIn.as("resident", "RESIDENT");
        assertThatThrownBy(() -> personalData.exportFor(other)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> personalData.erase(other)).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void erasing_replaces_name_and_username_by_a_pseudonym_disables_the_account_and_keeps_the_reads() {
        long id = readOneCaseAs("leaving-reader");
        long reads = jdbc.queryForObject("select count(*) from trainee_read where user_id = ?", Long.class, id);
        long admin = users.findByUsername("admin").orElseThrow().id();

        SignedIn.as("admin", "ADMIN");
        var erased = personalData.erase(id);

        assertThat(erased.username()).isEqualTo("erased-" + id);
        assertThat(erased.displayName()).isEqualTo("Erased user " + id).doesNotContain("leaving");
        assertThat(erased.enabled()).isFalse();
        assertThat(users.findByUsername("leaving-reader")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from trainee_read where user_id = ?", Long.class, id)).isEqualTo(reads).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'account.personal_data_erased' and actor_id = ? and subject = ?",
                Long.class, admin, "user:" + id)).isEqualTo(1);
        assertThat(chain.verifyUnchecked().intact()).isTrue();
    }
}
