package org.calibra.certification.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.calibra.certification.CertificateRecord;
import org.calibra.certification.VerificationReport;
import org.calibra.certification.credential.Verification.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerificationWordsTest {

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void every_outcome_has_words_and_never_its_code(Outcome outcome) {
        var report = new VerificationReport(outcome, "engine message", null, null,
                outcome.genuine() ? BulkReportCsvTest.certificate(CertificateRecord.Status.VALID, null) : null);

        assertThat(VerificationWords.word(outcome)).isNotBlank().doesNotContain("_").isNotEqualTo(outcome.name());
        assertThat(VerificationWords.sentence(report)).isNotBlank().doesNotContain(outcome.name()).endsWith(".");
    }

    @Test
    void valid_is_explained_what_was_checked_to_whom_for_what_and_how_much_evidence() {
        var c = BulkReportCsvTest.certificate(CertificateRecord.Status.VALID, null);
        var report = new VerificationReport(Outcome.VALID, "ok", c.publicId(), "https://x/verify/" + c.publicId(), c);

        assertThat(VerificationWords.whatWasChecked(report)).containsExactly(
                "Signature: made with one of St. Example's published signing keys; nothing in the credential has changed since.",
                "Status: neither revoked nor suspended, according to the issuer's status list, checked just now.",
                "Dates: issued on 23 November 2026; valid until 23 November 2028.",
                "Issued to Dr. Rosa Resident for \u201CReading with AI, foundations\u201D.");
        assertThat(VerificationWords.evidenceSummary(c)).isEqualTo(
                "2 modules passed, 14 cases read in all, each module within its required thresholds (3 in all); decided under curriculum versions 1 and 2.");
    }

    @Test
    void one_module_reads_as_one() {
        var one = BulkReportCsvTest.certificate(CertificateRecord.Status.VALID, null);
        var single = new CertificateRecord(one.publicId(), one.holderName(), one.title(), one.issuerName(), one.competencies(),
                one.evidence().subList(0, 1), one.issuedAt(), one.expiresAt(), null, CertificateRecord.Status.VALID, null, null);

        assertThat(VerificationWords.evidenceSummary(single))
                .isEqualTo("1 module passed, 6 cases read in all, within its 2 required thresholds; decided under curriculum version 1.");
    }

    @Test
    void a_revocation_says_when_and_the_administrators_reason() {
        var c = BulkReportCsvTest.certificate(CertificateRecord.Status.REVOKED, Instant.parse("2026-12-01T10:00:00Z"));
        var report = new VerificationReport(Outcome.REVOKED, "x", c.publicId(), "id", c, "Issued in error");

        assertThat(VerificationWords.sentence(report)).isEqualTo("Genuine, but St. Example revoked it on 1 December 2026: do not rely on it. Reason given: Issued in error.");
        assertThat(VerificationWords.whatWasChecked(report)).contains("Status: revoked by the issuer on 1 December 2026. Reason given: Issued in error.");
    }

    @Test
    void nothing_is_presented_as_fact_when_the_signature_did_not_hold() {
        assertThat(VerificationWords.whatWasChecked(new VerificationReport(Outcome.TAMPERED, "x", null, null, null))).isEmpty();
    }
}
