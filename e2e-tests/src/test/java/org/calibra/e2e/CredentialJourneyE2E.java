package org.calibra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The certificate as a credential, end to end in a real browser: the resident downloads the PDF and the signed
 * credential; the QR code printed on the PDF opens the public verification page, which says valid while signed
 * out; an administrator revokes it in the UI with a reason; the page and a pasted copy of the credential then
 * say revoked, and a credential with one character changed says tampered.
 *
 * <p>It revokes the demo certificate, so it runs after the other journeys ({@code @Order}, with the class
 * orderer set in junit-platform.properties); run alone, it earns the certificate itself first.
 */
@Order(Integer.MAX_VALUE)
class CredentialJourneyE2E {

    private static final String TITLE = "Reading with AI — foundations";

    @Test
    void a_resident_downloads_pdf_and_credential_the_qr_link_verifies_signed_out_and_after_an_admin_revokes_it_it_says_revoked() throws Exception {
        try (var browser = new Browser()) {
            LoginPage.open(browser).signInAs("resident", "resident");
            var mine = MyCredentialsPage.open(browser);
            if (mine.certificateTitled(TITLE).isEmpty()) {
                earnTheFoundationsCertificate(browser);
                mine = MyCredentialsPage.open(browser);
            }
            String id = mine.certificateTitled(TITLE).orElseThrow();
            assertThat(mine.status(id)).isEqualToIgnoringCase("Valid");
            assertThat(mine.badgeNaturalWidth(id)).as("the badge the credential names, loaded from the app").isEqualTo(400);
            var linkedIn = java.net.URI.create(mine.addToLinkedInHref(id));
            assertThat(linkedIn.getScheme() + "://" + linkedIn.getHost() + linkedIn.getPath()).isEqualTo("https://www.linkedin.com/profile/add");
            var params = new java.util.LinkedHashMap<String, String>();
            for (String pair : linkedIn.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(params).containsEntry("startTask", "CERTIFICATION_NAME").containsEntry("name", "Calibra certificate: " + TITLE)
                    .containsEntry("certId", id).containsEntry("certUrl", mine.shareLink(id))
                    .containsKeys("organizationName", "issueYear", "issueMonth", "expirationYear", "expirationMonth");
            assertThat(mine.copyLink(id)).startsWith("Link copied");

            var pdf = mine.downloadPdf(id);
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.contentType()).startsWith("application/pdf");
            assertThat(new String(pdf.bytes(), 0, 4)).isEqualTo("%PDF");
            var credential = mine.downloadCredential(id);
            assertThat(credential.status()).isEqualTo(200);
            String jws = credential.text().strip();
            assertThat(jws.split("\\.")).hasSize(3).allSatisfy(part -> assertThat(part).matches("[A-Za-z0-9_-]+"));
            String payload = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
            assertThat(payload).contains("OpenBadgeCredential").contains("\"jti\":").contains(id);
            keep("credential-certificate.pdf", pdf.bytes());
            String qrLink = qrCodeOn(pdf.bytes());
            assertThat(qrLink).endsWith("/verify/" + id).isEqualTo(mine.shareLink(id));
            browser.screenshot("credential-my-certificates");
            mine.signOut();

            var valid = VerdictPage.openUrl(browser, qrLink);
            browser.screenshot("credential-verify-valid");
            assertThat(valid.signedIn()).isFalse();
            assertThat(valid.outcome()).isEqualTo("VALID");
            assertThat(valid.words()).isEqualTo("Valid");
            assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("img.certificate-badge")))
                    .as("the certificate page shows the badge too").hasSize(1);
            assertThat(VerdictPage.pasteCredential(browser, jws).outcome()).isEqualTo("VALID");

            LoginPage.open(browser).signInAs("admin", "admin");
            var admin = CredentialAdminPage.open(browser);
            admin.revoke(id, "Issued in error: e2e revocation check");
            assertThat(admin.rowText(id)).containsIgnoringCase("revoked").contains("Issued in error: e2e revocation check");
            browser.screenshot("credential-admin-revoked");
            browser.driver.findElement(org.openqa.selenium.By.id("logout")).click();
            browser.waitFor(d -> d.findElement(org.openqa.selenium.By.id("login-form")));

            var revoked = VerdictPage.openUrl(browser, qrLink);
            browser.screenshot("credential-verify-revoked");
            assertThat(revoked.signedIn()).isFalse();
            assertThat(revoked.outcome()).isEqualTo("REVOKED");
            assertThat(revoked.words()).isEqualTo("Revoked");
            assertThat(VerdictPage.pasteCredential(browser, jws).outcome()).isEqualTo("REVOKED");
            String[] parts = jws.split("\\.");
            char c = parts[1].charAt(20);
            String tampered = parts[0] + "." + parts[1].substring(0, 20) + (c == 'A' ? 'B' : 'A') + parts[1].substring(21) + "." + parts[2];
            assertThat(VerdictPage.pasteCredential(browser, tampered).outcome()).isEqualTo("TAMPERED");
            var file = java.nio.file.Files.createTempFile("calibra-credential", ".jwt");
            java.nio.file.Files.writeString(file, jws);
            assertThat(VerdictPage.uploadCredential(browser, file).outcome()).isEqualTo("REVOKED");

            LoginPage.open(browser).signInAs("verifier", "verifier");
            assertThat(VerdictPage.openUrl(browser, qrLink).outcome()).isEqualTo("REVOKED");
            browser.open("verifier/checks");
            String checks = browser.waitFor(d -> d.findElement(org.openqa.selenium.By.id("checks-grid"))).getText();
            browser.screenshot("credential-verifier-checks");
            assertThat(checks).contains("Dr. Rosa Resident").contains("Revoked").contains(id);
        }
    }

    /** Keeps a downloaded file beside the screenshots, for a person to look at. */
    private static void keep(String name, byte[] bytes) throws java.io.IOException {
        String dir = System.getProperty("calibra.e2e.screenshots");
        if (dir != null) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            java.nio.file.Files.write(java.nio.file.Path.of(dir, name), bytes);
        }
    }

    /** Renders the PDF's page and reads its QR code, as a phone would. */
    private static String qrCodeOn(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
            return new MultiFormatReader().decode(bitmap).getText();
        }
    }

    /** Only when run on its own: read the foundations module correctly until it is passed. */
    static void earnTheFoundationsCertificate(Browser browser) {
        browser.open("");
        try {
            browser.waitFor(d -> d.findElement(org.openqa.selenium.By.id("open-module-first-reads")));
        } catch (org.openqa.selenium.TimeoutException e) { // a freshly started app may still be loading its content: look again
            browser.open("");
            browser.waitFor(d -> d.findElement(org.openqa.selenium.By.id("open-module-first-reads")));
        }
        var reading = new HomePage(browser).openModule("first-reads").start();
        while (true) {
            var truth = DemoContent.byTitle(reading.caseTitle());
            reading.markTheLesionsOf(truth);
            reading.assess(truth.abnormal(), truth.diagnosis(), 4);
            var feedback = reading.submit();
            if (!feedback.hasNextCase()) {
                assertThat(feedback.moduleStatus()).startsWith("Passed after");
                return;
            }
            reading = feedback.nextCase();
        }
    }
}
