package org.calibra.certification.internal;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.calibra.certification.credential.KeyAlgorithm;
import org.calibra.certification.credential.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's signing keys on disk, under {@code ${calibra.data-dir}/keys/}: one private JWK per file
 * ({@code <id>.jwk.json}, owner read/write only, in a folder only the owner can enter) and a {@code current}
 * file naming the key that signs new credentials. The first start generates a key; rotation adds one.
 * Keys are never deleted: their public halves keep verifying the credentials they signed.
 */
@Component
public class KeyFiles {

    private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUFFIX = ".jwk.json";

    private final Path dir;
    private final Clock clock;
    private final KeyAlgorithm defaultAlgorithm;
    private volatile SigningKeys keys;

    KeyFiles(@Value("${calibra.credentials.key-dir:${calibra.data-dir}/keys}") Path dir, Clock clock, IssuerSettings settings) {
        this.dir = dir;
        this.clock = clock;
        this.defaultAlgorithm = settings.algorithm();
        this.keys = loadOrCreate();
    }

    public SigningKeys keys() {
        return keys;
    }

    /** A new key with this algorithm signs from now on; the old ones stay published. */
    public synchronized SigningKeys rotate(KeyAlgorithm algorithm) {
        JWK key = algorithm.generate(newKeyId(algorithm), clock.instant());
        writePrivate(dir.resolve(key.getKeyID() + SUFFIX), key.toJSONString());
        writePrivate(dir.resolve("current"), key.getKeyID());
        keys = keys.with(key);
        log.info("Credential signing key rotated: {} ({}) signs from now on", key.getKeyID(), algorithm);
        return keys;
    }

    private SigningKeys loadOrCreate() {
        try {
            createPrivateDirectory();
            List<JWK> all = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                    all.add(JWK.parse(Files.readString(f)));
                }
            }
            Path current = dir.resolve("current");
            if (all.isEmpty() || !Files.exists(current)) {
                JWK key = defaultAlgorithm.generate(newKeyId(defaultAlgorithm), clock.instant());
                writePrivate(dir.resolve(key.getKeyID() + SUFFIX), key.toJSONString());
                writePrivate(current, key.getKeyID());
                all.add(key);
                log.info("Generated the credential signing key {} ({}) in {}", key.getKeyID(), defaultAlgorithm, dir);
                return new SigningKeys(all, key.getKeyID());
            }
            return new SigningKeys(all, Files.readString(current).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the signing keys in " + dir, e);
        } catch (ParseException e) {
            throw new IllegalStateException("A key file in " + dir + " is not a JWK", e);
        }
    }

    private String newKeyId(KeyAlgorithm algorithm) {
        byte[] r = new byte[4];
        RANDOM.nextBytes(r);
        return DAY.format(clock.instant()) + "-" + algorithm.name().toLowerCase() + "-" + HexFormat.of().formatHex(r);
    }

    private void createPrivateDirectory() throws IOException {
        if (posix()) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Written to a temporary file that is owner-only from birth, then moved into place. */
    private void writePrivate(Path target, String content) {
        try {
            Path tmp = posix()
                    ? Files.createTempFile(dir, ".key", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".key", ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
