package org.calibra.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.calibra.support.ContextSecurityStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Local-account lockout through the real login endpoint: five wrong passwords in a row lock the account. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "calibra.content.load-on-startup=false")
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
class LockoutIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserAccountRepository accounts;

    private long id(String username) {
        return accounts.findByUsername(username).orElseThrow().getId();
    }

    private long audited(String action, long userId) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and subject = ?", Long.class, action, "user:" + userId);
    }

    @Test
    void the_right_password_signs_in_and_is_audited_with_the_client_address() throws Exception {
        TestAccounts.create(context, "lock-ok", Role.RESIDENT);
        assertThat(new FormLogin(port).signIn("lock-ok", "lock-ok")).doesNotContain("error");
        assertThat(audited("account.login", id("lock-ok"))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select ip from audit_entry where action = 'account.login' and subject = ?", String.class, "user:" + id("lock-ok")))
                .isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void five_wrong_passwords_in_a_row_lock_the_account_so_even_the_right_one_is_refused() throws Exception {
        TestAccounts.create(context, "lock-me", Role.RESIDENT);
        var login = new FormLogin(port);
        for (int i = 0; i < 5; i++) {
            assertThat(login.signIn("lock-me", "wrong-" + i)).isEqualTo("login?error");
        }
        assertThat(accounts.findByUsername("lock-me").orElseThrow().getLockedUntil()).isNotNull();
        assertThat(login.signIn("lock-me", "lock-me")).isEqualTo("login?error");

        long id = id("lock-me");
        assertThat(audited("account.login_failed", id)).isEqualTo(6);
        assertThat(audited("account.locked_out", id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select details from audit_entry where action = 'account.login_failed' and subject = ? order by seq desc fetch first 1 rows only",
                String.class, "user:" + id)).contains("LockedException");
        assertThat(audited("account.login", id)).isZero();
    }

    @Test
    void a_successful_sign_in_resets_the_count_of_failures() throws Exception {
        TestAccounts.create(context, "lock-reset", Role.RESIDENT);
        var login = new FormLogin(port);
        for (int i = 0; i < 4; i++) {
            login.signIn("lock-reset", "wrong");
        }
        assertThat(login.signIn("lock-reset", "lock-reset")).doesNotContain("error");
        for (int i = 0; i < 4; i++) {
            login.signIn("lock-reset", "wrong");
        }
        assertThat(login.signIn("lock-reset", "lock-reset")).doesNotContain("error");
        assertThat(accounts.findByUsername("lock-reset").orElseThrow().getLockedUntil()).isNull();
    }

    @Test
    void failures_for_unknown_usernames_are_audited_without_an_account() throws Exception {
        assertThat(new FormLogin(port).signIn("nobody-here", "guess")).isEqualTo("login?error");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'account.login_failed' and actor_id is null and details like ?",
                Long.class, "%nobody-here%")).isEqualTo(1);
    }
}
