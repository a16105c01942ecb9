package org.calibra.certification;

import org.calibra.certification.credential.Verification.Outcome;

/**
 * The answer to "is this credential good?": the outcome, a sentence for people, and — only when the signature
 * held and the certificate exists here — the certificate as it stands now. {@code statusReason}: the words the
 * administrator gave when revoking or suspending it (null when it is neither, or nothing is known of it here).
 */
public record VerificationReport(Outcome outcome, String message, String publicId, String credentialId, CertificateRecord certificate,
                                 String statusReason) {

    public VerificationReport(Outcome outcome, String message, String publicId, String credentialId, CertificateRecord certificate) {
        this(outcome, message, publicId, credentialId, certificate, null);
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
