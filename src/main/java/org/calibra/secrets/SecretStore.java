package org.calibra.secrets;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The installation's secrets, shared by every node through the database ({@code installation_secret}), each sealed
 * under the key-encryption key. A secret is made once: the first node to insert it wins (the name is the primary
 * key) and every other node reads back what was stored, so all nodes end with the same value. On start the store
 * proves the key is the one the database was sealed with (a sealed check value), so a wrong key stops the start
 * instead of quietly making new secrets.
 */
public class SecretStore {

    static final String CHECK_NAME = "key-check";
    private static final byte[] CHECK_VALUE = "Calibra key-encryption key check".getBytes(StandardCharsets.US_ASCII);

    private final JdbcTemplate jdbc;
    private final TransactionOperations newTransaction;
    private final KeyEncryptionKey key;
    private final Clock clock;

    /** @param newTransaction runs its callback in a transaction of its own (a failed insert must not spoil the caller's) */
    public SecretStore(JdbcTemplate jdbc, TransactionOperations newTransaction, KeyEncryptionKey key, Clock clock) {
        this.jdbc = jdbc;
        this.newTransaction = newTransaction;
        this.key = key;
        this.clock = clock;
        checkKey();
    }

    /** The secret stored under this name, opened; empty when none is stored yet. */
    public Optional<byte[]> find(String name) {
        List<String> sealed = jdbc.queryForList("select sealed_value from installation_secret where name = ?", String.class, name);
        return sealed.stream().findFirst().map(s -> open(name, s, "installation_secret '" + name + "'"));
    }

    /** Stores {@code candidate} under this name unless a value is there already; returns the value stored (the same on every node). */
    public byte[] insertOrReadBack(String name, byte[] candidate) {
        try {
            newTransaction.executeWithoutResult(status -> jdbc.update(
                    "insert into installation_secret (name, sealed_value, created_at) values (?, ?, ?)", name, key.seal(name, candidate), now()));
            return candidate.clone();
        } catch (DuplicateKeyException stored) {
            return find(name).orElseThrow(() -> new IllegalStateException("installation_secret '" + name + "' vanished while it was read"));
        }
    }

    /** A value sealed under the key-encryption key and bound to {@code name}, for a table of its own. */
    public String seal(String name, byte[] value) {
        return key.seal(name, value);
    }

    /**
     * The value {@link #seal} sealed under {@code name}. The key has passed its check, so a value that does not open
     * was changed (or copied from another row): a start-up error naming {@code where}, never a new secret.
     */
    public byte[] open(String name, String sealed, String where) {
        try {
            return key.open(name, sealed);
        } catch (KeyEncryptionKey.NotOpened e) {
            throw new SecretsException("The stored secret " + where + " does not open with the key-encryption key from " + key.source()
                    + ", although that key opens this database's key check: the stored value was changed or copied from another row. "
                    + "Restore it from a backup of the database; Calibra does not replace a secret that credentials or de-identified data depend on.");
        }
    }

    public String keySource() {
        return key.source();
    }

    private void checkKey() {
        List<String> sealed = jdbc.queryForList("select sealed_value from installation_secret where name = ?", String.class, CHECK_NAME);
        if (sealed.isEmpty()) {
            try {
                newTransaction.executeWithoutResult(status -> jdbc.update("insert into installation_secret (name, sealed_value, created_at) values (?, ?, ?)",
                        CHECK_NAME, key.seal(CHECK_NAME, CHECK_VALUE), now()));
                return;
            } catch (DuplicateKeyException raced) {
                sealed = jdbc.queryForList("select sealed_value from installation_secret where name = ?", String.class, CHECK_NAME);
            }
        }
        byte[] opened;
        try {
            opened = key.open(CHECK_NAME, sealed.getFirst());
        } catch (KeyEncryptionKey.NotOpened e) {
            throw wrongKey();
        }
        if (!Arrays.equals(opened, CHECK_VALUE)) {
            throw wrongKey();
        }
    }

    private SecretsException wrongKey() {
        return new SecretsException("The key-encryption key from " + key.source() + " is not the key this database's secrets were sealed with "
                + "(its key check does not open). Set calibra.secrets.key-file (environment variable CALIBRA_SECRETS_KEY_FILE) or "
                + "calibra.secrets.key (CALIBRA_SECRETS_KEY) to the key this installation was set up with, the same on every node. "
                + "Calibra does not start with another key: it would not read the signing keys and would not make new ones over them.");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
