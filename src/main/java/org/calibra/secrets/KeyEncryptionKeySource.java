package org.calibra.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key-encryption key comes from, first match wins: {@code calibra.secrets.key} (environment variable
 * {@code CALIBRA_SECRETS_KEY}), then the file {@code calibra.secrets.key-file} ({@code CALIBRA_SECRETS_KEY_FILE}).
 * Under a production profile one of them is required. Without one, the embedded default (local development)
 * makes {@code <data-dir>/secrets.key} once and says loudly that it is for development only: it lies next to the
 * database it protects.
 */
public final class KeyEncryptionKeySource {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeySource.class);
    /** The profiles of a real (shared-database) installation: a key from the environment is required there. */
    public static final List<String> PRODUCTION_PROFILES = List.of("postgres", "prod", "production");
    static final String DEV_FILE = "secrets.key";
    static final String HOW = "32 random bytes in base64, the same on every node (make one with: openssl rand -base64 32)";

    private KeyEncryptionKeySource() {
    }

    /**
     * @param key the value of {@code calibra.secrets.key}, blank when unset
     * @param keyFile the value of {@code calibra.secrets.key-file}, blank when unset
     */
    public static KeyEncryptionKey resolve(String key, String keyFile, Path dataDir, Collection<String> activeProfiles) {
        if (key != null && !key.isBlank()) {
            return KeyEncryptionKey.fromBase64(key, "calibra.secrets.key (environment variable CALIBRA_SECRETS_KEY)");
        }
        if (keyFile != null && !keyFile.isBlank()) {
            return fromFile(Path.of(keyFile.strip()), "calibra.secrets.key-file (CALIBRA_SECRETS_KEY_FILE)");
        }
        var production = activeProfiles.stream().map(p -> p.toLowerCase(Locale.ROOT)).filter(PRODUCTION_PROFILES::contains).toList();
        if (!production.isEmpty()) {
            throw new SecretsException("No key-encryption key under the production profile " + String.join(", ", production)
                    + ": set calibra.secrets.key-file (environment variable CALIBRA_SECRETS_KEY_FILE) to a file holding " + HOW
                    + ", or calibra.secrets.key (CALIBRA_SECRETS_KEY) to that text. It seals the credential signing keys and the "
                    + "de-identification secret in the database.");
        }
        return developmentKey(dataDir.resolve(DEV_FILE));
    }

    private static KeyEncryptionKey fromFile(Path file, String setting) {
        if (!Files.isRegularFile(file)) {
            throw new SecretsException(setting + " names " + file.toAbsolutePath() + ", which is not a readable file: it must hold " + HOW);
        }
        try {
            return KeyEncryptionKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII), "the key file " + file.toAbsolutePath()
                    + " (" + setting + ")");
        } catch (IOException e) {
            throw new SecretsException(setting + " names " + file.toAbsolutePath() + ", which cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Made once, owner-only, with a create-new so two processes starting at once keep the same file. */
    private static KeyEncryptionKey developmentKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] bytes = new byte[KeyEncryptionKey.BYTES];
                new SecureRandom().nextBytes(bytes);
                try {
                    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } else {
                        Files.createFile(file);
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
                    log.warn("Generated a development key-encryption key in {}. It is for local development only: a real installation "
                            + "sets calibra.secrets.key-file (CALIBRA_SECRETS_KEY_FILE) to a key kept apart from the database", file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    waitForContent(file);
                }
            }
            log.warn("Secrets are sealed with the development key-encryption key {} (no calibra.secrets.key-file set): for local use only",
                    file.toAbsolutePath());
            return fromFile(file, "the development key file");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the development key-encryption key " + file, e);
        }
    }

    /** Another process created the file a moment ago and may still be writing its one line. */
    private static void waitForContent(Path file) throws IOException {
        for (int i = 0; i < 50 && Files.size(file) == 0; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
