package org.calibra.certification.credential;

import java.util.Map;

/**
 * What checking a credential found. {@code credential} is the signed payload when the signature held (so it
 * can be shown), otherwise null: nothing from an unverified credential is presented as fact.
 */
public record Verification(Outcome outcome, String message, Map<String, Object> credential, String credentialId) {

    public enum Outcome {
        /** Signature, issuer, key, status and dates all check out. */
        VALID,
        /** Genuine, but past its validUntil. */
        EXPIRED,
        /** Genuine, but its validFrom is still ahead. */
        NOT_YET_VALID,
        /** Genuine, and revoked by the issuer (its revocation status bit is set). */
        REVOKED,
        /** Genuine, and suspended by the issuer for now. */
        SUSPENDED,
        /** No certificate with that id at this issuer. */
        NOT_FOUND,
        /** A byte of header, payload or signature differs from what the issuer signed. */
        TAMPERED,
        /** Not issued by this installation. */
        UNKNOWN_ISSUER,
        /** Claims to be from this issuer, but names a key it never published. */
        UNKNOWN_KEY,
        /** Not a compact JWS at all. */
        MALFORMED;

        public boolean genuine() {
            return this == VALID || this == EXPIRED || this == NOT_YET_VALID || this == REVOKED || this == SUSPENDED;
        }
    }

    public static Verification failed(Outcome outcome, String message) {
        return new Verification(outcome, message, null, null);
    }

    public Verification withOutcome(Outcome newOutcome, String newMessage) {
        return new Verification(newOutcome, newMessage, credential, credentialId);
    }
}
