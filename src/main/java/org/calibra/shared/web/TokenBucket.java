package org.calibra.shared.web;

/**
 * A token bucket: holds at most {@code capacity} tokens, gains {@code perMinute} tokens a minute, and a request
 * takes one (or as many as it costs). Thread-safe; time is passed in (nanoseconds) so tests need no clock tricks.
 */
public final class TokenBucket {

    private final int capacity;
    private final double tokensPerNano;
    private double tokens;
    private long last;

    public TokenBucket(int capacity, int perMinute, long now) {
        this.capacity = capacity;
        this.tokensPerNano = perMinute / 60e9;
        this.tokens = capacity;
        this.last = now;
    }

    /** 0 if a token was taken; otherwise the whole seconds until one will be there. */
    public synchronized long tryTake(long now) {
        return tryTake(now, 1);
    }

    /**
     * Takes {@code n} tokens at once, or none: 0 if they were taken; otherwise the whole seconds until {@code n} will
     * be there ({@link Long#MAX_VALUE} if {@code n} is more than the bucket ever holds).
     */
    public synchronized long tryTake(long now, int n) {
        long wait = waitFor(now, n);
        if (wait == 0) {
            tokens -= n;
        }
        return wait;
    }

    /** Like {@link #tryTake(long, int)}, without taking anything. */
    public synchronized long waitFor(long now, int n) {
        refill(now);
        if (n > capacity) {
            return Long.MAX_VALUE;
        }
        if (tokens >= n) {
            return 0;
        }
        return Math.max(1, (long) Math.ceil((n - tokens) / tokensPerNano / 1e9));
    }

    /** The whole tokens there are now. */
    public synchronized int available(long now) {
        refill(now);
        return (int) Math.floor(tokens);
    }

    public synchronized boolean full(long now) {
        return Math.min(capacity, tokens + (now - last) * tokensPerNano) >= capacity;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
        last = now;
    }
}
