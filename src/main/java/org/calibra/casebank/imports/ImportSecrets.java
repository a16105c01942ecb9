package org.calibra.casebank.imports;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.calibra.secrets.KeyEncryptionKeySource;
import org.calibra.secrets.SecretStore;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The command-line importer's way to the installation's de-identification secret without the app: the same
 * database and key-encryption key the app uses, so the CLI and the app give the same UIDs.
 */
final class ImportSecrets {

    private ImportSecrets() {
    }

    /**
     * @param jdbcUrl the installation's database, or null for the embedded one under {@code dataDir} (migrated first
     *     when new, as the app would on its first start)
     */
    static byte[] deidentificationSecret(String jdbcUrl, Path dataDir) {
        boolean embedded = jdbcUrl == null;
        String url = embedded ? "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/db/calibra;AUTO_SERVER=FALSE" : jdbcUrl;
        var dataSource = new DriverManagerDataSource(url, System.getenv().getOrDefault("CALIBRA_DB_USER", embedded ? "sa" : ""),
                System.getenv().getOrDefault("CALIBRA_DB_PASSWORD", ""));
        if (embedded) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        // a shared (non-embedded) database is a real installation: its key must come from the environment, as for the app
        var key = KeyEncryptionKeySource.resolve(System.getenv("CALIBRA_SECRETS_KEY"), System.getenv("CALIBRA_SECRETS_KEY_FILE"), dataDir,
                embedded ? List.of() : List.of("production"));
        var newTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return DeidentificationConfig.deidentificationSecret(new SecretStore(new JdbcTemplate(dataSource), newTransaction, key, Clock.systemUTC()), dataDir);
    }
}
