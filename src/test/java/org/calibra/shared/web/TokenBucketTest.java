package org.calibra.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void takes_several_tokens_at_once_or_none() {
        var bucket = new TokenBucket(10, 60, 0); // one a second
        assertThat(bucket.tryTake(0, 4)).isZero();
        assertThat(bucket.available(0)).isEqualTo(6);
        assertThat(bucket.tryTake(0, 7)).as("one short: the seconds until 7 are there").isEqualTo(1);
        assertThat(bucket.available(0)).as("nothing taken").isEqualTo(6);
        assertThat(bucket.tryTake(SECOND, 7)).isZero();
        assertThat(bucket.available(SECOND)).isZero();
    }

    @Test
    void more_than_the_bucket_holds_never_fits_and_waiting_takes_nothing() {
        var bucket = new TokenBucket(5, 1, 0);
        assertThat(bucket.tryTake(0, 6)).isEqualTo(Long.MAX_VALUE);
        assertThat(bucket.waitFor(0, 5)).isZero();
        assertThat(bucket.waitFor(0, 5)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.waitFor(0, 5)).as("one token a minute").isEqualTo(60);
    }
}
