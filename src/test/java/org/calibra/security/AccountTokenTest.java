package org.calibra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A set-password link works once, until it expires, and not after a newer one replaced it; only its hash is kept. */
class AccountTokenTest {

    private final Instant t0 = Instant.parse("2026-12-05T10:00:00Z");

    private AccountToken link() {
        return new AccountToken(7L, AccountToken.Purpose.INVITATION, AccountToken.hash("x"), 1L, t0, t0.plus(Duration.ofHours(72)));
    }

    @Test
    void usable_until_just_before_it_expires_and_expired_from_then_on() {
        var t = link();
        assertThat(t.unusableAt(t0)).isNull();
        assertThat(t.unusableAt(t0.plus(Duration.ofHours(72)).minusSeconds(1))).isNull();
        assertThat(t.unusableAt(t0.plus(Duration.ofHours(72)))).isEqualTo(AccountToken.Unusable.EXPIRED);
        assertThat(AccountToken.Unusable.EXPIRED.words).contains("expired", "administrator");
    }

    @Test
    void works_once() {
        var t = link();
        t.use(t0.plusSeconds(60));
        assertThat(t.unusableAt(t0.plusSeconds(61))).isEqualTo(AccountToken.Unusable.USED);
        assertThatThrownBy(() -> t.use(t0.plusSeconds(62))).hasMessageContaining("already been used");
    }

    @Test
    void an_expired_link_cannot_be_used() {
        var t = link();
        assertThatThrownBy(() -> t.use(t0.plus(Duration.ofDays(4)))).hasMessageContaining("expired");
        assertThat(t.getUsedAt()).isNull();
    }

    @Test
    void a_replaced_link_stops_working_but_a_used_one_stays_recorded_as_used() {
        var replaced = link();
        replaced.revoke(t0.plusSeconds(5));
        assertThat(replaced.unusableAt(t0.plusSeconds(6))).isEqualTo(AccountToken.Unusable.REPLACED);
        var used = link();
        used.use(t0.plusSeconds(1));
        used.revoke(t0.plusSeconds(5));
        assertThat(used.unusableAt(t0.plusSeconds(6))).isEqualTo(AccountToken.Unusable.USED);
    }

    @Test
    void tokens_are_random_and_url_safe_and_only_their_sha256_is_stored() {
        String a = AccountToken.newToken();
        assertThat(a).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(AccountToken.newToken());
        assertThat(AccountToken.hash(a)).matches("[0-9a-f]{64}").doesNotContain(a).isEqualTo(AccountToken.hash(a));
    }
}
