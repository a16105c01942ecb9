package org.calibra.synthetic.dicom;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic UIDs under the UUID-derived root {@code 2.25} (PS3.5 B.2): the UID is "2.25." followed by
 * the decimal value of a name-based UUID (RFC 9562 version 8, built from SHA-256 of the name parts joined
 * by '/'). The same name always gives the same UID; different names collide only with UUID probability.
 * Names used by the generator: {@code calibra-synthetic/<case-id>/<seed>/study|series|frame-of-reference|
 * instance/<n>}. At most 44 characters, well under the 64 that UI allows.
 */
public final class Uids {

    private Uids() {
    }

    public static String uid(String... nameParts) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(String.join("/", nameParts).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] uuid = java.util.Arrays.copyOf(h, 16);
        uuid[6] = (byte) ((uuid[6] & 0x0F) | 0x80); // version 8 (custom, name-based)
        uuid[8] = (byte) ((uuid[8] & 0x3F) | 0x80); // RFC 9562 variant
        return "2.25." + new BigInteger(1, uuid);
    }
}
