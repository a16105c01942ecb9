package org.calibra.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The store of sealed secrets on the real schema (V22 on H2): made once, read back by everyone, and a wrong key or a changed row stops the start. */
class SecretStoreTest {

    private DataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:secrets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    private SecretStore store(String base64Key) {
        var tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new SecretStore(jdbc, tx, KeyEncryptionKey.fromBase64(base64Key, "calibra.secrets.key (test)"), Clock.systemUTC());
    }

    @Test
    void the_first_value_stored_under_a_name_is_the_one_every_later_caller_gets() {
        var nodeA = store(KeyEncryptionKeyTest.KEY_A);
        var nodeB = store(KeyEncryptionKeyTest.KEY_A);

        byte[] a = nodeA.insertOrReadBack("deid-secret", bytes("first"));
        byte[] b = nodeB.insertOrReadBack("deid-secret", bytes("second"));

        assertThat(a).isEqualTo(bytes("first"));
        assertThat(b).as("the loser reads back the winner's").isEqualTo(bytes("first"));
        assertThat(nodeB.find("deid-secret")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("first")));
        assertThat(nodeB.find("unknown")).isEmpty();
        assertThat(jdbc.queryForObject("select sealed_value from installation_secret where name = 'deid-secret'", String.class))
                .as("sealed, not stored in the clear").doesNotContain("first");
    }

    @Test
    void another_key_encryption_key_stops_the_start_with_the_settings_to_fix_and_makes_nothing_new() {
        store(KeyEncryptionKeyTest.KEY_A).insertOrReadBack("deid-secret", bytes("first"));
        String before = jdbc.queryForObject("select sealed_value from installation_secret where name = 'deid-secret'", String.class);

        assertThatThrownBy(() -> store(KeyEncryptionKeyTest.KEY_B)).isInstanceOf(SecretsException.class)
                .hasMessageContaining("calibra.secrets.key (test) is not the key this database's secrets were sealed with")
                .hasMessageContaining("calibra.secrets.key-file").hasMessageContaining("CALIBRA_SECRETS_KEY_FILE");
        assertThat(jdbc.queryForObject("select sealed_value from installation_secret where name = 'deid-secret'", String.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from installation_secret", Integer.class)).isEqualTo(2);
    }

    @Test
    void a_changed_row_is_named_and_never_replaced() {
        var store = store(KeyEncryptionKeyTest.KEY_A);
        store.insertOrReadBack("deid-secret", bytes("first"));
        String sealed = jdbc.queryForObject("select sealed_value from installation_secret where name = 'deid-secret'", String.class);
        char c = sealed.charAt(10);
        jdbc.update("update installation_secret set sealed_value = ? where name = 'deid-secret'",
                sealed.substring(0, 10) + (c == 'A' ? 'B' : 'A') + sealed.substring(11));

        assertThatThrownBy(() -> store(KeyEncryptionKeyTest.KEY_A).find("deid-secret")).isInstanceOf(SecretsException.class)
                .hasMessageContaining("installation_secret 'deid-secret'").hasMessageContaining("was changed").hasMessageContaining("backup");
        assertThatThrownBy(() -> store.insertOrReadBack("deid-secret", bytes("second"))).isInstanceOf(SecretsException.class);
    }

    @Test
    void a_value_copied_into_another_row_does_not_open_there() {
        var store = store(KeyEncryptionKeyTest.KEY_A);
        store.insertOrReadBack("one", bytes("first"));
        jdbc.update("insert into installation_secret (name, sealed_value, created_at) select 'two', sealed_value, created_at from installation_secret where name = 'one'");

        assertThatThrownBy(() -> store.find("two")).isInstanceOf(SecretsException.class).hasMessageContaining("installation_secret 'two'");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
