package org.calibra.secrets;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The key-encryption key from the environment (ADR 0030) and the store of sealed secrets built on it. */
@Configuration
class SecretsConfig {

    @Bean
    SecretStore secretStore(@Value("${calibra.secrets.key:}") String key, @Value("${calibra.secrets.key-file:}") String keyFile,
            @Value("${calibra.data-dir}") Path dataDir, Environment environment, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            Clock clock) {
        var kek = KeyEncryptionKeySource.resolve(key, keyFile, dataDir, Arrays.asList(environment.getActiveProfiles()));
        var newTransaction = new TransactionTemplate(transactions);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new SecretStore(jdbc, newTransaction, kek, clock);
    }
}
