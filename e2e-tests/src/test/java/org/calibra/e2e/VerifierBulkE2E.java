package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A hospital verifier checks several certificates at once in the page: a valid certificate's ID, the verification link of
 * one an administrator revoked, a line that is neither, and an uploaded credential file. Each row says its status in
 * words (the revoked one with the administrator's reason, the bad line what is wrong with it), the CSV report holds the
 * same, and the run shows in the verifier's list of checks, which finds it by certificate ID.
 *
 * <p>It needs a valid and a revoked certificate: the demo resident's (only read here: {@link CredentialJourneyE2E}, which runs
 * last, revokes it itself) and resident3's (revoked here; after the other journeys it is the one {@code CurriculumJourneyE2E}
 * earned). Run alone, each is earned in the foundations curriculum first.
 */
@Order(Integer.MAX_VALUE - 1)
class VerifierBulkE2E {

    private static final String REASON = "Left the programme before the audit: e2e bulk check";

    @Test
    void a_verifier_pastes_a_mixed_list_and_uploads_a_credential_each_row_says_its_status_in_words_and_the_csv_holds_the_same() throws Exception {
        try (var browser = new Browser()) {
            var valid = certificateOf(browser, "resident");
            String validId = valid.id();
            var file = Files.createTempDirectory("calibra-bulk").resolve("valid-credential.jwt");
            Files.writeString(file, valid.credential());
            String revokedId = certificateOf(browser, "resident3").id();

            LoginPage.open(browser).signInAs("admin", "admin");
            var admin = CredentialAdminPage.open(browser);
            if (!admin.rowText(revokedId).toLowerCase().contains("revoked")) {
                admin.revoke(revokedId, REASON);
            }
            signOut(browser);

            LoginPage.open(browser).signInAs("verifier", "verifier");
            var page = BulkVerifyPage.open(browser)
                    .paste(validId + "\n" + Browser.BASE_URL + "/verify/" + revokedId + "\nabc\n")
                    .upload(file)
                    .checkAll();
            browser.driver.executeScript("document.getElementById('bulk-result').scrollIntoView({block: 'start'})");
            browser.screenshot("verifier-bulk-results");

            assertThat(page.summary()).isEqualTo("4 items checked: 2 valid, 1 revoked, 1 not checked.");
            assertThat(page.headers()).containsExactly("Line or file", "Item as given", "Status", "Holder", "Certificate",
                    "Reason given by the issuer", "Issued", "Expires", "Evidence");
            var rows = page.rows();
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0).source()).isEqualTo("line 1");
            assertThat(rows.get(0).given()).isEqualTo(validId);
            assertThat(rows.get(0).status()).startsWith("Valid\nGenuine and in force");
            assertThat(rows.get(0).holder()).isNotEqualTo("—").isNotBlank();
            assertThat(rows.get(0).evidence()).contains("passed").contains("cases read in all");
            assertThat(rows.get(0).expires()).matches("\\d{1,2} \\p{L}+ \\d{4}");
            assertThat(rows.get(1).source()).isEqualTo("line 2");
            assertThat(rows.get(1).status()).startsWith("Revoked\n").contains("Reason given: " + REASON);
            assertThat(rows.get(1).reason()).isEqualTo(REASON);
            assertThat(rows.get(2).status()).isEqualTo("Not checked\nline 3: 'abc' is not a certificate ID, a verification link or a signed credential");
            assertThat(rows.get(2).holder()).isEqualTo("—");
            assertThat(rows.get(3).source()).isEqualTo("file valid-credential.jwt");
            assertThat(rows.get(3).status()).startsWith("Valid");
            assertThat(rows.get(3).holder()).isEqualTo(rows.get(0).holder());
            assertThat(String.join(" ", rows.stream().map(BulkVerifyPage.Row::status).toList()))
                    .as("no outcome code reaches the page").doesNotContain("REVOKED", "VALID", "NOT_FOUND", "MALFORMED", "_");

            assertThat(page.downloadLinkText()).isEqualTo("Download CSV report");
            var csv = page.downloadCsv();
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            var lines = new String(csv.bytes(), StandardCharsets.UTF_8).split("\r\n");
            assertThat(lines).hasSize(5);
            assertThat(lines[0]).startsWith("Line or file,Item as given,Status,Holder,Certificate,Certificate ID,");
            assertThat(lines[1]).startsWith("line 1," + validId + ",Valid," + rows.get(0).holder() + ",");
            assertThat(lines[2]).startsWith("line 2,").contains(",Revoked,").contains(revokedId).contains(REASON);
            assertThat(lines[3]).startsWith("line 3,abc,Not checked,").contains("is not a certificate ID");
            assertThat(lines[4]).startsWith("file valid-credential.jwt,valid-credential.jwt,Valid,");

            var checks = VerifierChecksPage.open(browser);
            assertThat(checks.listText()).contains("in a bulk check of 3").contains("Revoked").contains(revokedId).doesNotContain("REVOKED");
            String all = checks.count();
            assertThat(all).matches("\\d+ checks");
            // the list grows with every check: search it by certificate ID, and say so when nothing matches
            assertThat(checks.search(revokedId).count()).as("only the revoked certificate's checks").matches("\\d+ of " + all);
            assertThat(checks.listText()).contains(revokedId).doesNotContain(validId);
            browser.screenshot("verifier-checks-filtered");
            assertThat(checks.search("").count()).isEqualTo(all);
            assertThat(checks.search("no holder is called this").count()).isEqualTo("0 of " + all);

            var revokedPage = VerifyPage.openUrl(browser, Browser.BASE_URL + "/verify/" + revokedId);
            assertThat(revokedPage.verdictMessage()).contains("revoked it on").endsWith("Reason given: " + REASON + ".");
            var validPage = VerifyPage.openUrl(browser, Browser.BASE_URL + "/verify/" + validId);
            assertThat(validPage.whatWasChecked()).anySatisfy(l -> assertThat(l).startsWith("Signature: made with one of"))
                    .anySatisfy(l -> assertThat(l).startsWith("Issued to " + rows.get(0).holder() + " for "));
            assertThat(validPage.evidenceSummary()).contains("passed").contains("cases read in all");
            browser.screenshot("verifier-verify-valid-explained");
        }
    }

    private record Held(String id, String credential) {}

    /** A certificate the resident holds (a valid one if there is), earned in the foundations curriculum when they hold none. */
    private static Held certificateOf(Browser browser, String resident) {
        LoginPage.open(browser).signInAs(resident, resident);
        var mine = MyCredentialsPage.open(browser);
        Optional<String> id = mine.anyCertificate();
        if (id.isEmpty()) {
            CredentialJourneyE2E.earnTheFoundationsCertificate(browser);
            mine = MyCredentialsPage.open(browser);
            id = mine.anyCertificate();
        }
        String credential = mine.downloadCredential(id.orElseThrow()).text().strip();
        mine.signOut();
        return new Held(id.orElseThrow(), credential);
    }

    private static void signOut(Browser browser) {
        browser.driver.findElement(By.id("logout")).click();
        browser.waitFor(d -> d.findElement(By.id("login-form")));
    }
}
