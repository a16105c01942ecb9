package org.calibra.certification.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.calibra.certification.CertificateRecord;
import org.calibra.certification.VerificationReport;
import org.calibra.certification.credential.Verification.Outcome;
import org.junit.jupiter.api.Test;

class BulkReportCsvTest {

    private static final Instant ISSUED = Instant.parse("2026-11-23T09:00:00Z");

    static CertificateRecord certificate(CertificateRecord.Status status, Instant revokedAt) {
        var evidence = List.of(
                new CertificateRecord.ModuleEvidence("First reads", 6, "100% (6 of 6; 95% CI 61–100%)", "100% (6 of 6; 95% CI 61–100%)",
                        List.of("sensitivity ≥ 70%", "specificity ≥ 70%"), 1L, 1),
                new CertificateRecord.ModuleEvidence("Second opinion", 8, "88% (7 of 8; 95% CI 53–98%)", "90%", List.of("sensitivity ≥ 70%"), 2L, 2));
        return new CertificateRecord("q3Zx9Vb2RkS0n4mH8pLw1A", "Dr. Rosa Resident", "Reading with AI, foundations", "St. Example", List.of("x"),
                evidence, ISSUED, Instant.parse("2028-11-23T09:00:00Z"), revokedAt, status, null, null);
    }

    @Test
    void one_row_per_item_in_words_with_the_reason_the_evidence_and_errors_and_formulas_defused() {
        var revoked = new VerificationReport(Outcome.REVOKED, "Genuine, but the issuer has revoked it.", "q3Zx9Vb2RkS0n4mH8pLw1A",
                "https://x/verify/q3Zx9Vb2RkS0n4mH8pLw1A", certificate(CertificateRecord.Status.REVOKED, Instant.parse("2026-12-01T10:00:00Z")),
                "Issued in error, \"see\" ticket 7");
        var result = new BulkResult(List.of(
                new BulkResult.Row("line 1", "q3Zx9Vb2RkS0n4mH8pLw1A", revoked, null),
                new BulkResult.Row("line 2", "=HYPERLINK(\"x\")", null, "line 2: '=HYPERLINK(\"x\")' is not a certificate ID")),
                Instant.parse("2026-12-05T11:40:00Z"));

        var lines = BulkReportCsv.write(result).split("\r\n");

        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(String.join(",", BulkReportCsv.HEADER));
        assertThat(lines[1]).startsWith("line 1,q3Zx9Vb2RkS0n4mH8pLw1A,Revoked,Dr. Rosa Resident,\"Reading with AI, foundations\",q3Zx9Vb2RkS0n4mH8pLw1A,St. Example,2026-11-23,2028-11-23,2026-12-01,")
                .contains("\"Issued in error, \"\"see\"\" ticket 7\"")
                .contains("2 modules passed, 14 cases read in all, each module within its required thresholds (3 in all); decided under curriculum versions 1 and 2.")
                .endsWith("2026-12-05 11:40:00 UTC");
        assertThat(lines[2]).startsWith("line 2,\"'=HYPERLINK(\"\"x\"\")\",Not checked,,,,,,,,,,").contains("is not a certificate ID");
        assertThat(result.summary()).isEqualTo("2 items checked: 1 revoked, 1 not checked.");
    }
}
