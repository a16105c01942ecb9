package org.calibra.dicom;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * UIDs under the UUID-derived root {@code 2.25} (PS3.5 B.2): "2.25." followed by the decimal value of an RFC 9562
 * version 8 UUID made from the first 128 bits of a hash. At most 44 characters, well under the 64 that UI allows.
 */
public final class Uids {

    private Uids() {
    }

    /** The UID of a hash of at least 16 bytes (the de-identifier's HMAC of an original UID). */
    public static String fromHash(byte[] hash) {
        byte[] uuid = Arrays.copyOf(hash, 16);
        uuid[6] = (byte) ((uuid[6] & 0x0F) | 0x80); // version 8 (custom, name-based)
        uuid[8] = (byte) ((uuid[8] & 0x3F) | 0x80); // RFC 9562 variant
        return "2.25." + new BigInteger(1, uuid);
    }

    /**
     * A name-based UID: {@link #fromHash} of SHA-256 of the name parts joined by '/'. The same name always gives the
     * same UID; different names collide only with UUID probability. The synthetic generator names its UIDs
     * {@code calibra-synthetic/<case-id>/<seed>/study|series|frame-of-reference|instance/<n>}.
     */
    public static String fromName(String... nameParts) {
        try {
            return fromHash(MessageDigest.getInstance("SHA-256").digest(String.join("/", nameParts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
