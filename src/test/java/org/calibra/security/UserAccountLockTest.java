package org.calibra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserAccountLockTest {

    private final Instant t0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void the_fifth_failure_in_a_row_locks_the_account_until_the_period_is_over() {
        var a = new UserAccount("rosa", "Rosa", "{noop}x", Role.RESIDENT, 1L, t0);
        for (int i = 1; i <= 4; i++) {
            assertThat(a.failedLogin(5, t0.plus(Duration.ofMinutes(15)))).isFalse();
        }
        assertThat(a.isLockedAt(t0)).isFalse();
        assertThat(a.failedLogin(5, t0.plus(Duration.ofMinutes(15)))).isTrue();
        assertThat(a.isLockedAt(t0.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(a.isLockedAt(t0.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(a.getFailedLogins()).isZero();
    }

    @Test
    void a_successful_sign_in_starts_the_count_again() {
        var a = new UserAccount("rosa", "Rosa", "{noop}x", Role.RESIDENT, 1L, t0);
        for (int i = 0; i < 4; i++) {
            a.failedLogin(5, t0.plusSeconds(900));
        }
        a.succeededLogin();
        for (int i = 0; i < 4; i++) {
            assertThat(a.failedLogin(5, t0.plusSeconds(900))).isFalse();
        }
        assertThat(a.isLockedAt(t0)).isFalse();
    }
}
