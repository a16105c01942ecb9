package org.calibra.dicom.deid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.calibra.dicom.Uids;

/**
 * Replaces UIDs with {@code 2.25.<decimal>} (PS3.5 B.2) where the number is a UUID built from the first 128
 * bits of HMAC-SHA256(installation secret, original UID). The same UID always maps to the same new UID on
 * one installation (so references between files stay consistent and re-imports are idempotent); without the
 * secret the mapping can be neither reversed nor recomputed from a guessed original.
 */
public final class UidMapper {

    private final SecretKeySpec key;

    public UidMapper(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the de-identification secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String map(String uid) {
        byte[] h;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            h = mac.doFinal(uid.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return Uids.fromHash(h);
    }

    /** UIDs under the DICOM root name SOP classes, transfer syntaxes and coding schemes: nothing to hide. */
    public static boolean isWellKnown(String uid) {
        return uid.startsWith("1.2.840.10008.");
    }
}
