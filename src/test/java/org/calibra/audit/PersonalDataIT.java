package org.calibra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
