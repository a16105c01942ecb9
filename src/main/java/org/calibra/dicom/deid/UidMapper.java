package org.calibra.dicom.deid;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        byte[] uuid = Arrays.copyOf(h, 16);
        uuid[6] = (byte) ((uuid[6] & 0x0F) | 0x80); // RFC 9562 version 8
        uuid[8] = (byte) ((uuid[8] & 0x3F) | 0x80); // RFC 9562 variant
        return "2.25." + new BigInteger(1, uuid);
    }

    /** UIDs under the DICOM root name SOP classes, transfer syntaxes and coding schemes: nothing to hide. */
    public static boolean isWellKnown(String uid) {
        return uid.startsWith("1.2.840.10008.");
    }
}
