package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Signing in through the real Keycloak login page: the script starts Keycloak with the Calibra realm (or one already
 * on 8180 is used), and a second Calibra runs from the built jar with the keycloak profile. Realm roles reach Calibra
 * as roles: a resident gets the resident's home, a verifier cannot open a reading view. Signing out ends the Keycloak
 * session too. Runs with the other journeys; -Dcalibra.e2e.keycloak=false skips it outside CI.
 */
class KeycloakLoginE2E {

    private static KeycloakServer keycloak;
    private static KeycloakApp app;

    @BeforeAll
    static void startKeycloakAndApp() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("calibra.e2e.skip"), "end-to-end tests skipped (-DskipE2E=true)");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Assumptions.assumeTrue(ci || !"false".equals(System.getProperty("calibra.e2e.keycloak")), "Keycloak journeys switched off");
        long t0 = System.nanoTime();
        keycloak = KeycloakServer.ensureRunning();
        long t1 = System.nanoTime();
        app = KeycloakApp.start(KeycloakServer.URL);
        System.out.printf("KeycloakLoginE2E: Keycloak ready in %d s (%s), Calibra (keycloak profile) in %d s%n",
                (t1 - t0) / 1_000_000_000, keycloak.startTime.isZero() ? "already running" : "started by the script",
                (System.nanoTime() - t1) / 1_000_000_000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static void open(Browser browser, String path) {
        browser.driver.get(app.baseUrl + "/" + path);
    }

    @Test
    void a_resident_signs_in_on_the_keycloak_page_reaches_their_home_and_signing_out_ends_the_keycloak_session() {
        try (var browser = new Browser()) {
            open(browser, "");
            HomePage home = KeycloakLoginPage.shown(browser).signInAs("resident", "resident-calibra");
            assertThat(home.signedInUser()).contains("Rosa Resident").contains("Resident");
            browser.screenshot("keycloak-resident-home");

            browser.driver.findElement(By.id("logout")).click();
            browser.waitFor(d -> d.findElement(By.id("signed-out-view")));
            assertThat(browser.driver.getCurrentUrl()).startsWith(app.baseUrl + "/signed-out");

            open(browser, "");
            KeycloakLoginPage.shown(browser); // no silent sign-in: the Keycloak session is gone
        }
    }

    @Test
    void a_verifier_signed_in_through_keycloak_cannot_open_a_reading_view() {
        try (var browser = new Browser()) {
            open(browser, "");
            HomePage home = KeycloakLoginPage.shown(browser).signInAs("verifier", "verifier-calibra");
            assertThat(home.signedInUser()).contains("Vera Verifier").contains("Verifier");

            open(browser, "read/1/1");
            browser.waitFor(d -> !d.findElements(By.id("not-found-view")).isEmpty() || !d.findElements(By.id("error-view")).isEmpty()
                    || !d.findElements(By.id("home-view")).isEmpty());
            assertThat(browser.driver.findElements(By.id("reading-view"))).isEmpty();
            browser.screenshot("keycloak-verifier-denied-reading");
        }
    }

    @Test
    void a_wrong_password_stays_on_the_keycloak_page() {
        try (var browser = new Browser()) {
            open(browser, "");
            KeycloakLoginPage.shown(browser);
            browser.driver.findElement(By.id("username")).sendKeys("educator");
            browser.driver.findElement(By.id("password")).sendKeys("not-the-password");
            browser.driver.findElement(By.id("kc-login")).click();
            KeycloakLoginPage.shown(browser);
            assertThat(browser.driver.getPageSource()).containsIgnoringCase("invalid");
        }
    }
}
