package org.calibra.certification.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the verification API per client IP with an in-memory token bucket; over the limit the answer is
 * 429 with {@code Retry-After}. The client IP is the connection's remote address: behind a reverse proxy,
 * enable Spring's forwarded-header handling ({@code server.forward-headers-strategy}) so it is the real client.
 * Per instance only: several instances each allow the full rate.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_CLIENTS = 10_000;

    private final int capacity;
    private final int perMinute;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(int capacity, int perMinute, LongSupplier nanos) {
        this.capacity = capacity;
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        long now = nanos.getAsLong();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.entrySet().removeIf(e -> e.getValue().full(now)); // forget clients that have been quiet long enough
        }
        long wait = buckets.computeIfAbsent(request.getRemoteAddr(), ip -> new TokenBucket(capacity, perMinute, now)).tryTake(now);
        if (wait > 0) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(wait));
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many requests\",\"status\":429,\"detail\":"
                    + "\"At most " + capacity + " verification requests at once and " + perMinute + " a minute per client; retry after " + wait
                    + " s.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
