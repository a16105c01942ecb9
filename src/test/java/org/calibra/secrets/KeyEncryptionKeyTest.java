package org.calibra.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The envelope: AES-256-GCM (Tink) under the key-encryption key, each value bound to its name; and where the key comes from. */
class KeyEncryptionKeyTest {

    static final String KEY_A = Base64.getEncoder().encodeToString(bytes(1));
    static final String KEY_B = Base64.getEncoder().encodeToString(bytes(2));
    private static final byte[] SECRET = "de-identification secret bytes!!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void a_sealed_value_opens_with_the_same_key_and_name_and_is_not_the_plaintext() throws Exception {
        var kek = KeyEncryptionKey.fromBase64(KEY_A, "test");
        String sealed = kek.seal("deid-secret", SECRET);

        assertThat(KeyEncryptionKey.fromBase64(KEY_A, "again").open("deid-secret", sealed)).isEqualTo(SECRET);
        assertThat(Base64.getDecoder().decode(sealed)).hasSize(SECRET.length + 12 + 16).as("nonce and tag around the ciphertext");
        assertThat(new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1)).doesNotContain("de-identification");
        assertThat(kek.seal("deid-secret", SECRET)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void another_key_another_name_or_a_changed_byte_does_not_open() {
        var kek = KeyEncryptionKey.fromBase64(KEY_A, "test");
        String sealed = kek.seal("signing-key:k1", SECRET);
        byte[] changed = Base64.getDecoder().decode(sealed);
        changed[20] ^= 1;

        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64(KEY_B, "other").open("signing-key:k1", sealed)).isInstanceOf(KeyEncryptionKey.NotOpened.class);
        assertThatThrownBy(() -> kek.open("signing-key:k2", sealed)).as("copied to another row").isInstanceOf(KeyEncryptionKey.NotOpened.class);
        assertThatThrownBy(() -> kek.open("signing-key:k1", Base64.getEncoder().encodeToString(changed))).isInstanceOf(KeyEncryptionKey.NotOpened.class);
        assertThatThrownBy(() -> kek.open("signing-key:k1", "not base64 at all!")).isInstanceOf(KeyEncryptionKey.NotOpened.class);
    }

    @Test
    void a_key_that_is_not_32_bytes_of_base64_is_refused_naming_its_source_and_how_to_make_one() {
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("c2hvcnQ=", "calibra.secrets.key")).isInstanceOf(SecretsException.class)
                .hasMessageContaining("calibra.secrets.key holds 5 bytes").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("!!!", "the key file /etc/k")).isInstanceOf(SecretsException.class)
                .hasMessageContaining("the key file /etc/k is not base64");
    }

    @Test
    void a_production_profile_without_a_key_stops_naming_the_settings(@TempDir Path data) {
        assertThatThrownBy(() -> KeyEncryptionKeySource.resolve("", "", data, List.of("postgres"))).isInstanceOf(SecretsException.class)
                .hasMessageContaining("production profile postgres").hasMessageContaining("calibra.secrets.key-file")
                .hasMessageContaining("CALIBRA_SECRETS_KEY_FILE").hasMessageContaining("CALIBRA_SECRETS_KEY").hasMessageContaining("openssl rand -base64 32");
        assertThat(data.resolve(KeyEncryptionKeySource.DEV_FILE)).as("no development key under a production profile").doesNotExist();
    }

    @Test
    void a_key_file_that_is_missing_is_named(@TempDir Path data) {
        assertThatThrownBy(() -> KeyEncryptionKeySource.resolve(null, data.resolve("nope.key").toString(), data, List.of("prod")))
                .isInstanceOf(SecretsException.class).hasMessageContaining("calibra.secrets.key-file").hasMessageContaining("nope.key")
                .hasMessageContaining("not a readable file");
    }

    @Test
    void the_key_comes_from_the_setting_then_the_file(@TempDir Path data) throws Exception {
        Path file = Files.writeString(data.resolve("kek"), KEY_B + "\n");
        String sealed = KeyEncryptionKey.fromBase64(KEY_B, "b").seal("n", SECRET);

        assertThat(KeyEncryptionKeySource.resolve("", file.toString(), data, List.of("postgres")).open("n", sealed)).isEqualTo(SECRET);
        assertThatThrownBy(() -> KeyEncryptionKeySource.resolve(KEY_A, file.toString(), data, List.of("postgres")).open("n", sealed))
                .as("the value of calibra.secrets.key wins").isInstanceOf(KeyEncryptionKey.NotOpened.class);
    }

    @Test
    void local_development_makes_one_owner_only_key_file_and_keeps_it(@TempDir Path data) throws Exception {
        var first = KeyEncryptionKeySource.resolve("", "", data, List.of("keycloak"));
        Path file = data.resolve(KeyEncryptionKeySource.DEV_FILE);
        String sealed = first.seal("n", SECRET);

        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(KeyEncryptionKeySource.resolve(null, null, data, List.of()).open("n", sealed)).as("the second start reads the same key").isEqualTo(SECRET);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    }

    private static byte[] bytes(int seed) {
        byte[] b = new byte[32];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }
}
