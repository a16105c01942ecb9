package org.calibra.shared.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per client (its IP address), all of one size: {@code capacity} tokens at once, refilled at
 * {@code perMinute} a minute. In memory and per instance: several instances each allow the full rate.
 */
public final class RateLimiter {

    private static final int MAX_CLIENTS = 10_000;

    private final String what;
    private final int capacity;
    private final int perMinute;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** @param what what a token pays for, in the plural, for messages ("sign-in attempts", "certificate lookups") */
    public RateLimiter(String what, int capacity, int perMinute, LongSupplier nanos) {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("A rate limit for " + what + " needs a capacity and a rate of at least 1, not " + capacity + " / " + perMinute);
        }
        this.what = what;
        this.capacity = capacity;
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    public int capacity() {
        return capacity;
    }

    /** 0 if {@code n} tokens were taken for {@code client}; otherwise the seconds until they will be there (none taken). */
    public long tryTake(String client, int n) {
        long now = nanos.getAsLong();
        return bucket(client, now).tryTake(now, n);
    }

    /** 0 if {@code client} has {@code n} tokens now; otherwise the seconds until it will. Takes nothing. */
    public long waitFor(String client, int n) {
        long now = nanos.getAsLong();
        return bucket(client, now).waitFor(now, n);
    }

    /** The whole tokens {@code client} has now. */
    public int available(String client) {
        long now = nanos.getAsLong();
        return bucket(client, now).available(now);
    }

    /** "At most 30 sign-in attempts at once and 20 a minute per client" — the limit in words. */
    public String limit() {
        return "A" + allowance().substring(1);
    }

    /** The limit within a sentence: "at most 30 sign-in attempts at once and 20 a minute per client". */
    public String allowance() {
        return "at most " + capacity + " " + what + " at once and " + perMinute + " a minute per client";
    }

    /** The limit and when to try again, as a sentence. */
    public String refusal(long waitSeconds) {
        return limit() + "; try again in " + seconds(waitSeconds) + ".";
    }

    public static String seconds(long seconds) {
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }

    private TokenBucket bucket(String client, long now) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.entrySet().removeIf(e -> e.getValue().full(now)); // forget clients that have been quiet long enough
        }
        return buckets.computeIfAbsent(client == null ? "" : client, c -> new TokenBucket(capacity, perMinute, now));
    }
}
