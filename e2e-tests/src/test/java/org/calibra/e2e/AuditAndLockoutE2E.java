package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Local accounts in the real app: an admin reads the audit trail and verifies its hash chain; five wrong passwords
 * lock an account and the login form then says so. (The demo account 'lockout' is the one locked: no other journey signs
 * in as it, so the journeys pass in any order; every e2e run starts on a fresh database.)
 */
class AuditAndLockoutE2E {

    @Test
    void an_admin_sees_their_sign_in_and_sign_out_in_the_audit_trail_and_the_chain_verifies() {
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("admin", "admin");
            browser.driver.findElement(By.id("logout")).click();
            browser.waitFor(d -> d.findElement(By.id("login-form")));
            LoginPage.open(browser).signInAs("admin", "admin");

            var audit = AuditTrailPage.open(browser);
            assertThat(audit.verifyChain()).startsWith("Intact");
            assertThat(browser.driver.findElement(By.id("chain-result")).getDomAttribute("data-intact")).isEqualTo("true");
            assertThat(audit.entriesText()).contains("account.login", "account.logout", "admin");
            browser.screenshot("audit-trail");
        }
    }

    @Test
    void a_resident_downloads_their_own_data_as_json() {
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("resident", "resident");
            String json = MyDataPage.download(browser);
            assertThat(json).contains("\"format\" : \"calibra-personal-data-v1\"", "\"username\" : \"resident\"", "\"reads\"", "\"certificates\"")
                    .doesNotContain("passwordHash", "password_hash");
        }
    }

    @Test
    void after_five_wrong_passwords_even_the_right_one_is_refused_with_a_message_that_the_account_is_locked() {
        try (var browser = new Browser()) {
            for (int i = 0; i < 5; i++) {
                LoginPage.open(browser).refused("lockout", "wrong-" + i);
            }
            Map<?, ?> error = LoginPage.open(browser).refused("lockout", "lockout");
            assertThat(error.get("title")).isEqualTo("Account locked");
            assertThat((String) error.get("message")).contains("15 minutes", "5 failed sign-ins");
            assertThat(browser.driver.findElements(By.id("home-view"))).isEmpty();
            browser.screenshot("account-locked");
        }
    }
}
