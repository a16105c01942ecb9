package org.calibra.shared.web;

/**
 * A token bucket: holds at most {@code capacity} tokens, gains {@code perMinute} tokens a minute, and a request
 * takes one. Thread-safe; time is passed in (nanoseconds) so tests need no clock tricks.
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
        tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano / 1e9));
    }

    public synchronized boolean full(long now) {
        return Math.min(capacity, tokens + (now - last) * tokensPerNano) >= capacity;
    }
}
