package org.calibra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.calibra.institution.InstitutionService;
import org.calibra.security.AccountAdministration.NewAccount;
import org.calibra.support.IntegrationTest;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The admin's account tools against the real database: broken input refused in words, links that work once, audited changes. */
@IntegrationTest
class AccountAdministrationIT {

    private static final String GOOD_PASSWORD = "violet lantern harbour";

    @Autowired ApplicationContext context;
    @Autowired AccountAdministration admin;
    @Autowired UserService users;
    @Autowired UserAccountRepository accounts;
    @Autowired LocalUserDetailsService localSignIn;
    @Autowired PasswordEncoder encoder;
    @Autowired InstitutionService institutions;
    @Autowired JdbcTemplate jdbc;

    private long adminId;
    private long home;

    @BeforeEach
    void signInAsAdmin() {
        SignedIn.as("admin", "ADMIN");
        adminId = users.findByUsername("admin").orElseThrow().id();
        home = institutions.defaultInstitution().id();
    }

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private NewAccount form(String username) {
        return new NewAccount(username, "Dr. " + username, Role.RESIDENT, home);
    }

    private long idOf(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    @Test
    void an_invitee_sets_a_password_once_with_the_link_and_can_then_sign_in() {
        var issued = admin.invite(form("invitee-1"), adminId);
        assertThat(issued.account().statusWords()).isEqualTo("Invited, no password yet");
        assertThat(jdbc.queryForObject("select count(*) from account_token where token_hash = ?", Integer.class, issued.token()))
                .as("the token itself is not stored").isZero();
        assertThat(accounts.findByUsername("invitee-1").orElseThrow().isAwaitingPassword()).isTrue();

        SignedIn.clear(); // the set-password page needs no sign-in
        var check = admin.checkLink(issued.token());
        assertThat(check.usable()).isTrue();
        assertThat(check.username()).isEqualTo("invitee-1");
        assertThat(admin.setPassword(issued.token(), GOOD_PASSWORD)).isEqualTo("invitee-1");
        assertThat(encoder.matches(GOOD_PASSWORD, localSignIn.loadUserByUsername("invitee-1").getPassword())).isTrue();

        assertThatThrownBy(() -> admin.setPassword(issued.token(), "another good one here")).hasMessageContaining("already been used");
        assertThat(admin.checkLink(issued.token()).problem()).contains("already been used");
        assertThat(jdbc.queryForList("select action from audit_entry where subject = ? order by seq", String.class, "user:" + idOf("invitee-1")))
                .containsExactly("account.account_created", "account.invited", "account.password_set");
    }

    @Test
    void broken_account_forms_are_refused_naming_each_field_and_nothing_is_saved() {
        long before = accounts.count();
        var empty = (AccountInputException) catchRefusal(() -> admin.invite(new NewAccount(" ", "", null, null), adminId));
        assertThat(empty.problems()).hasSize(4).anySatisfy(p -> assertThat(p).startsWith("Username: enter one"))
                .anySatisfy(p -> assertThat(p).startsWith("Name: enter"))
                .anySatisfy(p -> assertThat(p).startsWith("Role: choose"))
                .anySatisfy(p -> assertThat(p).startsWith("Institution: choose"));
        assertThat(catchRefusal(() -> admin.invite(form("resident"), adminId)).getMessage())
                .isEqualTo("Username: 'resident' is taken by Dr. Rosa Resident.");
        assertThat(catchRefusal(() -> admin.invite(form("rosa smith!"), adminId)).getMessage()).contains("'rosa smith!'", "only letters, digits");
        assertThat(catchRefusal(() -> admin.invite(form("erased-99"), adminId)).getMessage()).contains("kept for erased accounts");
        assertThat(catchRefusal(() -> admin.invite(new NewAccount("nowhere", "Dr. Nowhere", Role.RESIDENT, 987654L), adminId)).getMessage())
                .contains("Institution: the chosen institution does not exist");
        assertThat(catchRefusal(() -> admin.createWithPassword(form("weak-1"), "short", adminId)).getMessage())
                .contains("Password: The password has 5 characters; it needs at least 12.");
        assertThat(catchRefusal(() -> admin.createWithPassword(form("weak-2"), "my weak-2 password", adminId)).getMessage())
                .contains("must not contain the username");
        assertThat(accounts.count()).as("nothing half-written").isEqualTo(before);
    }

    @Test
    void an_account_created_with_a_password_signs_in_with_it() {
        var made = admin.createWithPassword(new NewAccount("  direct-1 ", " Dr. Direct ", Role.EDUCATOR, home), GOOD_PASSWORD, adminId);
        assertThat(made.username()).isEqualTo("direct-1");
        assertThat(made.displayName()).isEqualTo("Dr. Direct");
        assertThat(made.statusWords()).isEqualTo("Active");
        assertThat(encoder.matches(GOOD_PASSWORD, localSignIn.loadUserByUsername("direct-1").getPassword())).isTrue();
        assertThat(jdbc.queryForObject("select details from audit_entry where action = 'account.account_created' and subject = ?", String.class,
                "user:" + made.id())).contains("\"method\":\"password\"", "\"by\":" + adminId).doesNotContain(GOOD_PASSWORD);
    }

    @Test
    void an_expired_link_an_unknown_one_and_a_replaced_one_are_refused_in_words() {
        var first = admin.issueResetLink(idOf("resident2"), adminId);
        var second = admin.issueResetLink(idOf("resident2"), adminId);
        SignedIn.clear();
        assertThat(admin.checkLink(first.token()).problem()).contains("newer link was issued");
        assertThatThrownBy(() -> admin.setPassword(first.token(), GOOD_PASSWORD)).hasMessageContaining("newer link");

        jdbc.update("update account_token set expires_at = ? where token_hash = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(60)),
                AccountToken.hash(second.token()));
        assertThat(admin.checkLink(second.token()).problem()).contains("expired");
        assertThatThrownBy(() -> admin.setPassword(second.token(), GOOD_PASSWORD)).hasMessageContaining("expired");
        assertThat(encoder.matches("resident2", localSignIn.loadUserByUsername("resident2").getPassword()))
                .as("the old password still works").isTrue();

        assertThat(admin.checkLink("not-a-real-token").problem()).contains("not valid");
        assertThat(admin.checkLink("").usable()).isFalse();
        assertThatThrownBy(() -> admin.setPassword(null, GOOD_PASSWORD)).hasMessageContaining("not valid");
    }

    @Test
    void a_weak_password_through_a_link_is_refused_and_the_link_still_works() {
        var link = admin.issueResetLink(idOf("resident3"), adminId);
        SignedIn.clear();
        assertThatThrownBy(() -> admin.setPassword(link.token(), "resident3-is-me")).isInstanceOf(AccountInputException.class)
                .hasMessageContaining("username");
        assertThat(admin.checkLink(link.token()).usable()).isTrue();
        admin.setPassword(link.token(), GOOD_PASSWORD);
        assertThat(encoder.matches(GOOD_PASSWORD, localSignIn.loadUserByUsername("resident3").getPassword())).isTrue();
    }

    @Test
    void an_admin_disables_and_enables_someone_else_but_never_themselves() {
        TestAccounts.create(context, "to-disable", Role.RESIDENT);
        long id = idOf("to-disable");
        var link = admin.issueResetLink(id, adminId);
        assertThat(admin.disable(id, adminId).statusWords()).isEqualTo("Disabled");
        assertThat(localSignIn.loadUserByUsername("to-disable").isEnabled()).isFalse();
        assertThat(admin.checkLink(link.token()).problem()).as("open links end with the account").contains("disabled");
        assertThatThrownBy(() -> admin.issueResetLink(id, adminId)).hasMessageContaining("disabled: enable it first");

        assertThatThrownBy(() -> admin.disable(adminId, adminId)).hasMessageContaining("cannot disable your own account");
        assertThat(localSignIn.loadUserByUsername("admin").isEnabled()).isTrue();

        assertThat(admin.enable(id, adminId).statusWords()).isEqualTo("Active");
        assertThat(jdbc.queryForList("select action from audit_entry where subject = ? and actor_id = ? order by seq", String.class, "user:" + id, adminId))
                .containsSubsequence("account.disabled", "account.enabled");
    }

    @Test
    void an_admin_unlocks_a_locked_account_and_unlocking_an_unlocked_one_says_so() {
        TestAccounts.create(context, "to-unlock", Role.RESIDENT);
        long id = idOf("to-unlock");
        var a = accounts.findById(id).orElseThrow();
        for (int i = 0; i < 5; i++) {
            a.failedLogin(5, Instant.now().plusSeconds(900));
        }
        accounts.save(a);
        assertThat(admin.overview().stream().filter(u -> u.id() == id).findFirst().orElseThrow().statusWords()).startsWith("Locked until ");
        assertThat(localSignIn.loadUserByUsername("to-unlock").isAccountNonLocked()).isFalse();

        assertThat(admin.unlock(id, adminId).statusWords()).isEqualTo("Active");
        assertThat(localSignIn.loadUserByUsername("to-unlock").isAccountNonLocked()).isTrue();
        assertThatThrownBy(() -> admin.unlock(id, adminId)).hasMessageContaining("is not locked");
        assertThat(jdbc.queryForList("select action from audit_entry where subject = ?", String.class, "user:" + id)).contains("account.unlocked");
    }

    @Test
    void keycloak_accounts_are_managed_in_keycloak_and_others_than_admins_are_refused() {
        TestAccounts.create(context, "kc-linked", Role.RESIDENT);
        var a = accounts.findByUsername("kc-linked").orElseThrow();
        a.linkTo("sub-kc-linked");
        accounts.save(a);
        assertThat(admin.overview().stream().filter(u -> u.username().equals("kc-linked")).findFirst().orElseThrow().managedByIdentityProvider()).isTrue();
        assertThatThrownBy(() -> admin.issueResetLink(a.getId(), adminId)).hasMessageContaining("managed in your identity provider");
        assertThatThrownBy(() -> admin.disable(a.getId(), adminId)).hasMessageContaining("managed in your identity provider");

        SignedIn.as("educator", "EDUCATOR");
        assertThatThrownBy(() -> admin.invite(form("by-educator"), adminId)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> admin.overview()).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(users.findByUsername("by-educator")).isEmpty();
    }

    private static IllegalArgumentException catchRefusal(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
