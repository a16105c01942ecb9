package org.calibra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.calibra.support.IntegrationTest;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import java.time.Clock;
import java.time.Instant;

/** Role changes by an admin and accounts created or linked from Keycloak tokens, each audited. */
@IntegrationTest
class UserAdministrationIT {

    @Autowired ApplicationContext context;
    @Autowired UserService users;
    @Autowired UserAccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private long adminId() {
        return users.findByUsername("admin").orElseThrow().id();
    }

    @Test
    void an_admin_changes_a_local_accounts_role_and_the_change_is_audited_with_who_did_it() {
        TestAccounts.create(context, "promoted", Role.RESIDENT);
        long id = users.findByUsername("promoted").orElseThrow().id();
        SignedIn.as("admin", "ADMIN");

        assertThat(users.changeRole(id, Role.EDUCATOR, adminId()).role()).isEqualTo(Role.EDUCATOR);

        var details = jdbc.queryForObject("select details from audit_entry where action = 'account.role_changed' and subject = ? and actor_id = ?",
                String.class, "user:" + id, adminId());
        assertThat(details).contains("\"from\":\"RESIDENT\"", "\"to\":\"EDUCATOR\"", "\"source\":\"admin\"");
    }

    @Test
    void nobody_else_changes_roles_and_an_admin_cannot_change_their_own() {
        TestAccounts.create(context, "not-promoted", Role.RESIDENT);
        long id = users.findByUsername("not-promoted").orElseThrow().id();
        SignedIn.as("educator", "EDUCATOR");
        assertThatThrownBy(() -> users.changeRole(id, Role.ADMIN, id)).isInstanceOf(AuthorizationDeniedException.class);
        SignedIn.as("admin", "ADMIN");
        assertThatThrownBy(() -> users.changeRole(adminId(), Role.RESIDENT, adminId())).isInstanceOf(IllegalArgumentException.class);
    }

    private KeycloakAccounts keycloakAccounts() {
        return new KeycloakAccounts(accounts, context.getBean(PasswordEncoder.class), context, context.getBean(TransactionTemplate.class),
                context.getBean(Clock.class), context.getBean(org.calibra.institution.InstitutionService.class));
    }

    private static DefaultOidcUser tokenFor(String subject, String username, List<String> roles) {
        var token = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("sub", subject, "preferred_username", username,
                "name", "Kim Keycloak", "roles", roles, "groups", List.of("/institutions/St. Example Hospital")));
        return new DefaultOidcUser(List.of(), token, "preferred_username");
    }

    @Test
    void a_first_keycloak_sign_in_creates_an_account_linked_to_the_subject_and_later_ones_follow_keycloaks_roles() {
        var kc = keycloakAccounts();
        context.getBean(TransactionTemplate.class).executeWithoutResult(s -> kc.link(tokenFor("sub-kim-1", "kim", List.of("resident"))));

        var kim = accounts.findByOidcSubject("sub-kim-1").orElseThrow();
        assertThat(kim.getUsername()).isEqualTo("kim");
        assertThat(kim.getRole()).isEqualTo(Role.RESIDENT);
        var hospital = context.getBean(org.calibra.institution.InstitutionService.class).bySlug("st-example-hospital").orElseThrow();
        assertThat(hospital.name()).as("an institution group met for the first time becomes an institution").isEqualTo("St. Example Hospital");
        assertThat(kim.getInstitutionId()).isEqualTo(hospital.id());
        assertThat(jdbc.queryForList("select action from audit_entry where subject = ?", String.class, "institution:" + hospital.id()))
                .containsExactly("institution.created");
        assertThat(users.findByOidcSubject("sub-kim-1")).map(UserSummary::displayName).contains("Kim Keycloak");

        context.getBean(TransactionTemplate.class).executeWithoutResult(s -> kc.link(tokenFor("sub-kim-1", "kim", List.of("resident", "educator"))));
        assertThat(accounts.findByOidcSubject("sub-kim-1").orElseThrow().getRole()).isEqualTo(Role.EDUCATOR);
        assertThat(jdbc.queryForList("select action from audit_entry where subject = ? order by seq", String.class, "user:" + kim.getId()))
                .containsSubsequence("account.account_created", "account.role_changed");
    }

    @Test
    void a_keycloak_user_with_the_username_of_a_local_account_takes_that_account_over_once_and_local_sign_in_stops() {
        TestAccounts.create(context, "migrating", Role.RESIDENT);
        long id = users.findByUsername("migrating").orElseThrow().id();
        var kc = keycloakAccounts();
        context.getBean(TransactionTemplate.class).executeWithoutResult(s -> kc.link(tokenFor("sub-migrating", "migrating", List.of("resident"))));
        assertThat(accounts.findByOidcSubject("sub-migrating").orElseThrow().getId()).isEqualTo(id);

        // another Keycloak subject with the same username gets its own account, never this one
        context.getBean(TransactionTemplate.class).executeWithoutResult(s -> kc.link(tokenFor("sub-other-xyz123", "migrating", List.of("resident"))));
        assertThat(accounts.findByOidcSubject("sub-other-xyz123").orElseThrow().getId()).isNotEqualTo(id);

        var local = context.getBean(LocalUserDetailsService.class);
        assertThatThrownBy(() -> local.loadUserByUsername("migrating")).isInstanceOf(org.springframework.security.core.userdetails.UsernameNotFoundException.class);
    }

    @Test
    void a_keycloak_user_without_a_calibra_role_is_refused() {
        var kc = keycloakAccounts();
        assertThatThrownBy(() -> context.getBean(TransactionTemplate.class).executeWithoutResult(s -> kc.link(tokenFor("sub-norole", "norole", List.of("offline_access")))))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThat(accounts.findByOidcSubject("sub-norole")).isEmpty();
    }
}
