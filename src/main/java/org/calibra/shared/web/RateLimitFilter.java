package org.calibra.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits requests per client IP with an in-memory token bucket; over the limit the answer is 429 with
 * {@code Retry-After} and the app's error page (a problem document for API clients) that says the limit. The client IP is the connection's remote
 * address: behind a reverse proxy, enable Spring's forwarded-header handling ({@code server.forward-headers-strategy})
 * so it is the real client. Per instance only: several instances each allow the full rate.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_CLIENTS = 10_000;

    private final String what;
    private final Set<String> methods;
    private final int capacity;
    private final int perMinute;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param what    the requests counted, for the message ("verification requests", "sign-in attempts")
     * @param methods the HTTP methods counted; others pass untouched (empty: all)
     */
    public RateLimitFilter(String what, Set<String> methods, int capacity, int perMinute, LongSupplier nanos) {
        this.what = what;
        this.methods = methods;
        this.capacity = capacity;
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !methods.isEmpty() && !methods.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        long now = nanos.getAsLong();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.entrySet().removeIf(e -> e.getValue().full(now)); // forget clients that have been quiet long enough
        }
        long wait = buckets.computeIfAbsent(request.getRemoteAddr(), ip -> new TokenBucket(capacity, perMinute, now)).tryTake(now);
        if (wait > 0) {
            String detail = "At most " + capacity + " " + what + " at once and " + perMinute + " a minute per client; try again in " + wait + (wait == 1 ? " second." : " seconds.");
            response.setHeader("Retry-After", Long.toString(wait));
            // the app's error page: a page a person can read (with the way back) or a problem document, with the hardening headers
            ErrorDetails.sendError(request, response, 429, detail);
            return;
        }
        chain.doFilter(request, response);
    }
}
