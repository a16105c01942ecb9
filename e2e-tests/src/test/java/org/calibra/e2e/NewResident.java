package org.calibra.e2e;

import org.openqa.selenium.By;

/**
 * A resident of a journey's own, new on every run (the suite shares one app and the demo residents' state): the admin
 * invites them, and they choose their password on the invitation page in their own browser.
 */
final class NewResident {

    private NewResident() {}

    /** Returns the new username ({@code prefix} and the time); {@code browser} is left on the "password set" page. */
    static String invite(Browser admin, Browser browser, String prefix, String displayName, String password) {
        String username = prefix + Long.toString(System.currentTimeMillis(), 36);
        LoginPage.open(admin).signInAs("admin", "admin");
        String link = UsersPage.open(admin).invite(username, displayName, "Resident");
        browser.driver.get(link);
        browser.waitFor(d -> d.findElement(By.id("invite-view")));
        Fields.type(browser, "invite-password", password);
        Fields.type(browser, "invite-password-repeat", password);
        Fields.click(browser, "set-password");
        browser.waitFor(d -> d.findElement(By.id("password-set")));
        return username;
    }
}
