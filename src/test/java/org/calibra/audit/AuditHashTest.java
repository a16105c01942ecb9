package org.calibra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    private final Instant t = Instant.parse("2026-11-23T10:00:00.123456Z");

    @Test
    void the_hash_is_sha256_hex_and_depends_on_every_field_and_on_the_previous_hash() {
        String h = AuditHash.of(1, t, 7L, "read.submitted", "read:1", "127.0.0.1", "{}", AuditHash.GENESIS);
        assertThat(h).hasSize(64).matches("[0-9a-f]+");
        assertThat(AuditHash.of(1, t, 7L, "read.submitted", "read:1", "127.0.0.1", "{}", AuditHash.GENESIS)).isEqualTo(h);
        assertThat(AuditHash.of(2, t, 7L, "read.submitted", "read:1", "127.0.0.1", "{}", AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.of(1, t.plusNanos(1000), 7L, "read.submitted", "read:1", "127.0.0.1", "{}", AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.of(1, t, 8L, "read.submitted", "read:1", "127.0.0.1", "{}", AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.of(1, t, null, "read.submitted", "read:1", "127.0.0.1", "{}", AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.of(1, t, 7L, "read.submitted", "read:1", "127.0.0.1", "{\"a\":1}", AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.of(1, t, 7L, "read.submitted", "read:1", "127.0.0.1", "{}", "1".repeat(64))).isNotEqualTo(h);
    }

    @Test
    void fields_cannot_be_shifted_into_each_other() {
        assertThat(AuditHash.of(1, t, 7L, "a|b", "c", null, "{}", AuditHash.GENESIS))
                .isNotEqualTo(AuditHash.of(1, t, 7L, "a", "b|c", null, "{}", AuditHash.GENESIS));
        assertThat(AuditHash.of(1, t, 7L, "a", "", null, "{}", AuditHash.GENESIS))
                .isNotEqualTo(AuditHash.of(1, t, 7L, "a", null, null, "{}", AuditHash.GENESIS));
    }

    @Test
    void times_are_hashed_at_the_microsecond_precision_the_database_keeps() {
        assertThat(AuditHash.normalise(Instant.parse("2026-11-23T10:00:00.123456789Z"))).isEqualTo(t);
    }
}
