package org.calibra.certification.credential;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * W3C Bitstring Status List v1.0: a list of {@value #SIZE} bits (the minimum, for herd privacy), index 0 the
 * left-most bit of the first byte, gzip-compressed and written as multibase base64url ("u" + base64url, no padding).
 */
public final class BitstringStatusList {

    public static final int SIZE = 131_072;

    private BitstringStatusList() {
    }

    public static String encode(BitSet set) {
        if (set.length() > SIZE) {
            throw new IllegalArgumentException("index " + (set.length() - 1) + " is past the end of a " + SIZE + "-bit list");
        }
        byte[] bytes = new byte[SIZE / 8];
        set.stream().forEach(i -> bytes[i / 8] |= (byte) (0x80 >>> (i % 8)));
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    public static BitSet decode(String encodedList) {
        if (encodedList == null || !encodedList.startsWith("u")) {
            throw new IllegalArgumentException("An encodedList starts with the multibase prefix 'u'");
        }
        byte[] bytes;
        try (var gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encodedList.substring(1))))) {
            bytes = gzip.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("The encodedList is not gzip-compressed", e);
        }
        if (bytes.length * 8 < SIZE) {
            throw new IllegalArgumentException("The list has " + bytes.length * 8 + " bits, fewer than " + SIZE);
        }
        var set = new BitSet(bytes.length * 8);
        for (int i = 0; i < bytes.length * 8; i++) {
            if ((bytes[i / 8] & (0x80 >>> (i % 8))) != 0) {
                set.set(i);
            }
        }
        return set;
    }

    /** The unsigned BitstringStatusListCredential for one list; sign it with {@link CredentialJwt#sign}. */
    public static Map<String, Object> credential(String listUrl, Map<String, Object> issuer, String purpose, String encodedList,
                                                 Instant validFrom, Instant validUntil) {
        var subject = new LinkedHashMap<String, Object>();
        subject.put("id", listUrl + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose);
        subject.put("encodedList", encodedList);
        var c = new LinkedHashMap<String, Object>();
        c.put("@context", List.of(OpenBadgeCredential.VC_CONTEXT));
        c.put("id", listUrl);
        c.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        c.put("issuer", issuer);
        c.put("validFrom", OpenBadgeCredential.instant(validFrom));
        c.put("validUntil", OpenBadgeCredential.instant(validUntil));
        c.put("credentialSubject", subject);
        return c;
    }
}
