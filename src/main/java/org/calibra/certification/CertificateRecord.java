package org.calibra.certification;

import java.time.Instant;
import java.util.List;

/**
 * A certificate as the holder and a verifier see it. {@code creditHours}: CPD/CME credit frozen at issue, null if none;
 * {@code badgeImage}: where the badge image its signed credential names is (a path on this server, or a data: URI), null
 * when the credential names none (issued before badges). Dates are whole seconds, as the credential states them.
 */
public record CertificateRecord(String publicId, String holderName, String title, String issuerName, List<String> competencies,
                                List<ModuleEvidence> evidence, Instant issuedAt, Instant expiresAt, Instant revokedAt, Status status,
                                Instant suspendedAt, Double creditHours, String badgeImage) {

    /** A certificate whose credential names no badge image. */
    public CertificateRecord(String publicId, String holderName, String title, String issuerName, List<String> competencies,
                             List<ModuleEvidence> evidence, Instant issuedAt, Instant expiresAt, Instant revokedAt, Status status,
                             Instant suspendedAt, Double creditHours) {
        this(publicId, holderName, title, issuerName, competencies, evidence, issuedAt, expiresAt, revokedAt, status, suspendedAt, creditHours, null);
    }

    /** "Worth 12 CPD/CME credit hours", or empty when the curriculum states none. */
    public String creditInWords() {
        if (creditHours == null) {
            return "";
        }
        String hours = creditHours == Math.rint(creditHours) ? String.valueOf(creditHours.longValue()) : String.valueOf(creditHours);
        return "Worth " + hours + " CPD/CME credit hour" + (creditHours == 1 ? "" : "s");
    }

    public enum Status { VALID, EXPIRED, REVOKED, SUSPENDED }

    /** The figures a module was passed with, frozen at issue. */
    /**
     * {@code attemptId}: the passing attempt, whose decision record shows every read behind the figures;
     * {@code curriculumVersion}: the curriculum version it was decided under (ADR 0025). Both null on older certificates.
     */
    public record ModuleEvidence(String module, int casesRead, String sensitivity, String specificity, List<String> thresholds, Long attemptId,
                                 Integer curriculumVersion) {}
}
