package org.calibra.certification.internal;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.calibra.certification.credential.KeyAlgorithm;
import org.calibra.certification.credential.SigningKeys;
import org.calibra.secrets.SecretStore;
import org.calibra.secrets.SecretsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The installation's signing keys, shared by every node through the database (ADR 0030): each private JWK sealed
 * under the key-encryption key in {@code signing_key}, and {@code signing_key_generation} naming the key that signs
 * (the highest generation). The first start of the first node makes a key; rotation adds one. Keys are never deleted:
 * their public halves keep verifying the credentials they signed.
 * <p>
 * Every read compares a two-number version (how many keys, which generation) with what this node loaded, so a
 * rotation on another node is used here from the next request on. Keys an older Calibra kept as files under
 * {@code calibra.credentials.key-dir} ({@code <id>.jwk.json} and {@code current}) are imported once, unchanged.
 * (The class keeps its old name so its callers need not change.)
 */
@Component
public class SigningKeyStore {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LEGACY_SUFFIX = ".jwk.json";

    private final Path legacyDir;
    private final Clock clock;
    private final KeyAlgorithm defaultAlgorithm;
    private final SecretStore secrets;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private volatile Loaded loaded;

    private record Version(long keys, int generation) {}

    private record Loaded(SigningKeys keys, Version version) {}

    SigningKeyStore(@Value("${calibra.credentials.key-dir:${calibra.data-dir}/keys}") Path legacyDir, Clock clock, IssuerSettings settings,
            SecretStore secrets, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.legacyDir = legacyDir;
        this.clock = clock;
        this.defaultAlgorithm = settings.algorithm();
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        importLegacyFiles();
        createFirstKeyUnlessThere();
        reload();
    }

    /** The keys as the database has them now (re-read only when another node or this one added a key or rotated). */
    public SigningKeys keys() {
        Loaded now = loaded;
        return version().equals(now.version()) ? now.keys() : reload();
    }

    /** A new key with this algorithm signs from now on, on every node; the old ones stay published. */
    public synchronized SigningKeys rotate(KeyAlgorithm algorithm) {
        JWK key = algorithm.generate(newKeyId(algorithm), clock.instant());
        int next = version().generation() + 1;
        try {
            newTransaction.executeWithoutResult(status -> {
                insertKey(key);
                insertGeneration(next, key.getKeyID());
            });
        } catch (DuplicateKeyException concurrent) {
            throw new IllegalStateException("The signing key was rotated elsewhere at the same moment; look at the keys again before rotating once more");
        }
        log.info("Credential signing key rotated: {} ({}) signs from now on, on every node", key.getKeyID(), algorithm);
        return reload();
    }

    private synchronized SigningKeys reload() {
        Version version = version();
        List<JWK> keys = new ArrayList<>();
        jdbc.query("select key_id, sealed_jwk from signing_key order by added_at, key_id", rs -> {
            String id = rs.getString(1);
            keys.add(parse(id, secrets.open(sealedName(id), rs.getString(2), "signing_key '" + id + "'")));
        });
        List<String> current = jdbc.queryForList("select key_id from signing_key_generation order by generation desc fetch first 1 rows only", String.class);
        var signingKeys = new SigningKeys(keys, current.getFirst());
        loaded = new Loaded(signingKeys, version);
        return signingKeys;
    }

    private Version version() {
        return jdbc.queryForObject("select (select count(*) from signing_key), (select coalesce(max(generation), 0) from signing_key_generation)",
                (rs, n) -> new Version(rs.getLong(1), rs.getInt(2)));
    }

    /** Only the first node's first start makes a key; a node that loses the race uses the winner's. */
    private void createFirstKeyUnlessThere() {
        if (version().generation() > 0) {
            return;
        }
        JWK key = defaultAlgorithm.generate(newKeyId(defaultAlgorithm), clock.instant());
        try {
            newTransaction.executeWithoutResult(status -> {
                insertKey(key);
                insertGeneration(1, key.getKeyID());
            });
            log.info("Generated the credential signing key {} ({}), stored sealed in the database for every node", key.getKeyID(), defaultAlgorithm);
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            log.info("Another node made the first credential signing key at the same moment: this node signs with that one");
        }
    }

    /**
     * Keys from before ADR 0030 (files under the key folder) into the database, unchanged, so the credentials they
     * signed keep verifying. The legacy {@code current} key signs on if the database had no key yet.
     */
    private void importLegacyFiles() {
        List<JWK> files = legacyKeys();
        if (files.isEmpty()) {
            return;
        }
        String legacyCurrent = legacyCurrent();
        for (int attempt = 0; ; attempt++) {
            var stored = new HashSet<>(jdbc.queryForList("select key_id from signing_key", String.class));
            List<JWK> missing = files.stream().filter(k -> !stored.contains(k.getKeyID())).toList();
            if (missing.isEmpty()) {
                return;
            }
            boolean noKeyYet = version().generation() == 0;
            boolean currentAmongThem = missing.stream().anyMatch(k -> k.getKeyID().equals(legacyCurrent));
            try {
                newTransaction.executeWithoutResult(status -> {
                    missing.forEach(this::insertKey);
                    if (noKeyYet && currentAmongThem) {
                        insertGeneration(1, legacyCurrent);
                    }
                });
            } catch (DuplicateKeyException anotherNodeImporting) {
                if (attempt < 3) {
                    continue;
                }
                throw anotherNodeImporting;
            }
            log.info("Imported {} credential signing key(s) from {} into the database unchanged: {}. Every node now reads them from there "
                    + "and the files are no longer used (keep them with your backups, or remove them).", missing.size(), legacyDir,
                    String.join(", ", missing.stream().map(JWK::getKeyID).toList()));
            if (!(noKeyYet && currentAmongThem)) {
                log.warn("The key that signed last in {} ({}) does not sign now: the database already named its own current key. The imported "
                        + "keys are published, so what they signed keeps verifying.", legacyDir, legacyCurrent);
            }
            return;
        }
    }

    private List<JWK> legacyKeys() {
        if (!Files.isDirectory(legacyDir)) {
            return List.of();
        }
        List<JWK> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(legacyDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(LEGACY_SUFFIX)).sorted().toList()) {
                JWK key = JWK.parse(Files.readString(f, StandardCharsets.UTF_8));
                if (!key.isPrivate() || key.getKeyID() == null) {
                    throw new SecretsException("The legacy key file " + f + " is not a private JWK with a key id, so it cannot be imported; "
                            + "move it out of " + legacyDir + " if it does not belong there");
                }
                keys.add(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the legacy signing keys in " + legacyDir, e);
        } catch (ParseException e) {
            throw new SecretsException("A legacy key file in " + legacyDir + " is not a JWK (" + e.getMessage() + "); move it out to start");
        }
        // oldest first, so the database lists them in the order they were made
        keys.sort(Comparator.comparing((JWK k) -> k.getIssueTime() == null ? new java.util.Date(0) : k.getIssueTime()));
        return keys;
    }

    private String legacyCurrent() {
        Path current = legacyDir.resolve("current");
        try {
            return Files.exists(current) ? Files.readString(current, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + current, e);
        }
    }

    private void insertKey(JWK key) {
        String sealed = secrets.seal(sealedName(key.getKeyID()), key.toJSONString().getBytes(StandardCharsets.UTF_8));
        jdbc.update("insert into signing_key (key_id, sealed_jwk, added_at) values (?, ?, ?)", key.getKeyID(), sealed, now());
    }

    private void insertGeneration(int generation, String keyId) {
        jdbc.update("insert into signing_key_generation (generation, key_id, started_at) values (?, ?, ?)", generation, keyId, now());
    }

    private static String sealedName(String keyId) {
        return "signing-key:" + keyId;
    }

    private static JWK parse(String id, byte[] json) {
        try {
            JWK key = JWK.parse(new String(json, StandardCharsets.UTF_8));
            if (!id.equals(key.getKeyID())) {
                throw new SecretsException("signing_key '" + id + "' holds the key " + key.getKeyID() + ": restore the row from a backup");
            }
            return key;
        } catch (ParseException e) {
            throw new SecretsException("signing_key '" + id + "' opens but is not a JWK: restore the row from a backup");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private String newKeyId(KeyAlgorithm algorithm) {
        byte[] r = new byte[4];
        RANDOM.nextBytes(r);
        return DAY.format(clock.instant()) + "-" + algorithm.name().toLowerCase() + "-" + HexFormat.of().formatHex(r);
    }
}
