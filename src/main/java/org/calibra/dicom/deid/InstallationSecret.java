package org.calibra.dicom.deid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The installation's de-identification key: 32 random bytes that key UID replacement, so the same file imported
 * twice gives the same output. It is one value for the whole installation, kept sealed in the database and shared by
 * every node (ADR 0030); this class makes a new one and reads the file an older Calibra kept it in
 * ({@code <data-dir>/deid-secret}, hex) so it can be imported unchanged and de-identified UIDs stay the same.
 */
public final class InstallationSecret {

    /** The legacy file name under the data folder. */
    public static final String FILE = "deid-secret";
    public static final int BYTES = 32;

    private InstallationSecret() {
    }

    public static byte[] generate() {
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** The secret in {@code <dataDir>/deid-secret}, when that legacy file exists. */
    public static Optional<byte[]> readLegacy(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!hex.matches("[0-9a-f]{32,}") || hex.length() % 2 != 0) {
                throw new IllegalStateException(file + " must hold the de-identification secret as lowercase hex (at least 16 bytes); "
                        + "restore it from a backup, or move it away to start with a new secret (re-imports then get new UIDs)");
            }
            return Optional.of(HexFormat.of().parseHex(hex));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the de-identification secret " + file, e);
        }
    }
}
