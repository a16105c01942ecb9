package org.calibra.dicom.deid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The installation's de-identification key: 32 random bytes, hex, in {@code <data-dir>/deid-secret} (mode
 * 0600), made on first use. It keys UID replacement, so the same file imported twice on one installation
 * gives the same output. Losing it only means re-imports get new UIDs (a new case version).
 */
public final class InstallationSecret {

    public static final String FILE = "deid-secret";

    private InstallationSecret() {
    }

    public static byte[] loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Path tmp = Files.createTempFile(dataDir, FILE, ".part");
                restrict(tmp);
                Files.writeString(tmp, HexFormat.of().formatHex(secret) + "\n");
                try {
                    Files.move(tmp, file); // no REPLACE_EXISTING: a concurrent first start keeps the first secret
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!hex.matches("[0-9a-f]{32,}")) {
                throw new IllegalStateException(file + " must hold the de-identification secret as hex (at least 16 bytes)");
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the de-identification secret " + file, e);
        }
    }

    private static void restrict(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            p.toFile().setReadable(false, false);
            p.toFile().setReadable(true, true);
        }
    }
}
