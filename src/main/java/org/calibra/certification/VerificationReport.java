package org.calibra.certification;

import org.calibra.certification.credential.Verification.Outcome;

/**
 * The answer to "is this credential good?": the outcome, a sentence for people, and — only when the signature
 * held and the certificate exists here — the certificate as it stands now.
 */
public record VerificationReport(Outcome outcome, String message, String publicId, String credentialId, CertificateRecord certificate) {

    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
