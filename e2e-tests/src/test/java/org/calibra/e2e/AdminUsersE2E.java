package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An admin manages local accounts in the real app: invites a user, who opens the one-time link in their own browser,
 * sets a password and signs in; the admin disables them and they are signed out and refused in words; the admin unlocks
 * the locked demo account 'lockout'; their own row offers no Disable. (This journey locks 'lockout' itself first, so it
 * passes whether AuditAndLockoutE2E ran before it or not.)
 */
class AdminUsersE2E {

    private static final String PASSWORD = "amber meadow kettle";

    @Test
    void an_admin_invites_disables_and_unlocks_and_cannot_disable_themselves() {
        try (var admin = new Browser(); var invitee = new Browser()) {
            LoginPage.open(admin).signInAs("admin", "admin");
            var users = UsersPage.open(admin);
            String link = users.invite("nina", "Dr. Nina Newcomer", "Educator");
            assertThat(link).contains("/invite/").doesNotContain("nina");
            users.search("nina").waitForText("Invited, no password yet");
            assertThat(users.listText()).contains("Dr. Nina Newcomer", "Educator", "Calibra Demo Institution");
            admin.screenshot("users-invited");

            // the invitee, in another browser: chooses a password and signs in with it
            invitee.driver.get(link);
            invitee.waitFor(d -> d.findElement(By.id("invite-view")));
            assertThat(invitee.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome to Calibra");
            Fields.type(invitee, "invite-password", PASSWORD);
            Fields.type(invitee, "invite-password-repeat", PASSWORD);
            Fields.click(invitee, "set-password");
            assertThat(invitee.waitFor(d -> d.findElement(By.id("password-set"))).getText()).contains("Sign in as nina");
            LoginPage.open(invitee).signInAs("nina", PASSWORD);
            // the link works once
            invitee.driver.get(link);
            assertThat(invitee.waitFor(d -> d.findElement(By.id("link-problem"))).getText()).contains("already been used");

            // the admin disables her: the confirmation names her, a notification reports it
            users = UsersPage.open(admin).search("nina");
            assertThat(users.ask("disable-nina")).isEqualTo("Disable Dr. Nina Newcomer (nina)?");
            assertThat(users.confirm()).contains("Dr. Nina Newcomer (nina) is disabled");
            users.waitForText("Disabled");

            // her open session ends at her next page, and signing in again is refused in words
            invitee.open("");
            invitee.waitFor(d -> d.findElement(By.id("login-form")));
            Map<?, ?> error = LoginPage.open(invitee).refused("nina", PASSWORD);
            assertThat(error.get("title")).isEqualTo("Account disabled");
            assertThat(invitee.driver.findElements(By.id("home-view"))).isEmpty();

            // the demo account 'lockout', locked by five wrong passwords, is unlocked by the admin and signs in again
            for (int i = 0; i < 5; i++) {
                LoginPage.open(invitee).refused("lockout", "wrong-" + i);
            }
            assertThat(LoginPage.open(invitee).refused("lockout", "lockout").get("title")).isEqualTo("Account locked");
            users = UsersPage.open(admin).search("lockout").waitForText("Locked until");
            assertThat(users.ask("unlock-lockout")).isEqualTo("Unlock Dr. Lee Lockout (lockout)?");
            assertThat(users.confirm()).contains("Dr. Lee Lockout (lockout) is unlocked");
            users.waitForText("Active");
            LoginPage.open(invitee).signInAs("lockout", "lockout");

            // the admin's own row: no Disable, and it says why
            users = UsersPage.open(admin).search("Ada Admin");
            assertThat(users.hasAction("disable-admin")).isFalse();
            assertThat(admin.driver.findElement(By.id("self-admin")).getText()).contains("Your own account");
            admin.screenshot("users");

            // every change is in the audit trail, in words
            var audit = AuditTrailPage.open(admin).kind("Account changes")
                    .waitForEntries("Account disabled", "Account unlocked", "Invitation link issued", "Password set with a link");
            assertThat(audit.entriesText()).doesNotContain("Signed in");
            admin.screenshot("audit-trail-filtered");
        }
    }
}
