package org.calibra.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The key-encryption key (KEK): 32 bytes that seal every secret Calibra keeps in its database with AES-256-GCM
 * (Tink's {@link AesGcmJce}: a random 96-bit nonce per message, 128-bit tag). Each sealed value is bound to its
 * name as associated data, so a ciphertext copied into another row does not open there.
 */
public final class KeyEncryptionKey {

    static final int BYTES = 32;

    private final Aead aead;
    private final String source;

    private KeyEncryptionKey(Aead aead, String source) {
        this.aead = aead;
        this.source = source;
    }

    /**
     * The key from its text form, 32 bytes in standard base64 ({@code openssl rand -base64 32}).
     *
     * @param source where the text came from, named in errors and logs (never the key itself)
     */
    public static KeyEncryptionKey fromBase64(String text, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new SecretsException(source + " is not base64: expected 32 random bytes in base64 (make one with: openssl rand -base64 32)");
        }
        if (bytes.length != BYTES) {
            throw new SecretsException(source + " holds " + bytes.length + " bytes: expected exactly 32 random bytes in base64 "
                    + "(make one with: openssl rand -base64 32)");
        }
        try {
            var parameters = AesGcmParameters.builder().setKeySizeBytes(BYTES).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            var key = AesGcmKey.builder().setParameters(parameters).setKeyBytes(SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get())).build();
            return new KeyEncryptionKey(AesGcmJce.create(key), source);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this Java runtime", e);
        }
    }

    /** Where this key came from (a property, an environment variable or a file), for messages. */
    public String source() {
        return source;
    }

    /** The value sealed under this key and bound to {@code name}, as base64 text for a database column. */
    public String seal(String name, byte[] value) {
        try {
            return Base64.getEncoder().encodeToString(aead.encrypt(value, associated(name)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal " + name, e);
        }
    }

    /** The value {@link #seal} sealed under this name; {@link NotOpened} when this key (or this name) did not seal it, or it changed since. */
    public byte[] open(String name, String sealed) throws NotOpened {
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(sealed == null ? "" : sealed);
        } catch (IllegalArgumentException e) {
            throw new NotOpened();
        }
        try {
            return aead.decrypt(ciphertext, associated(name));
        } catch (GeneralSecurityException e) {
            throw new NotOpened();
        }
    }

    private static byte[] associated(String name) {
        return ("calibra-secret:" + name).getBytes(StandardCharsets.UTF_8);
    }

    /** A sealed value that does not open: another key sealed it, it belongs to another name, or its bytes changed. */
    public static final class NotOpened extends Exception {
        NotOpened() {
            super("the sealed value does not open with this key", null, false, false);
        }
    }
}
