package org.calibra.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.LongSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits requests per client IP with a {@link RateLimiter}; over the limit the answer is 429 with {@code Retry-After}
 * and the app's error page (a problem document for API clients) that says the limit. The client IP is the connection's
 * remote address: behind a reverse proxy, enable forwarded-header handling ({@code server.forward-headers-strategy})
 * so it is the real client.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final Set<String> methods;
    private final boolean take;

    /**
     * Each request takes a token.
     *
     * @param what    the requests counted, for the message ("verification requests", "sign-in attempts")
     * @param methods the HTTP methods counted; others pass untouched (empty: all)
     */
    public RateLimitFilter(String what, Set<String> methods, int capacity, int perMinute, LongSupplier nanos) {
        this(new RateLimiter(what, capacity, perMinute, nanos), methods, true);
    }

    /**
     * @param take true: each request takes a token; false: a request only needs one to be there (the request itself
     *             is cheap, and what it leads to takes the token elsewhere)
     */
    public RateLimitFilter(RateLimiter limiter, Set<String> methods, boolean take) {
        this.limiter = limiter;
        this.methods = methods;
        this.take = take;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !methods.isEmpty() && !methods.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        long wait = take ? limiter.tryTake(request.getRemoteAddr(), 1) : limiter.waitFor(request.getRemoteAddr(), 1);
        if (wait > 0) {
            refuse(request, response, limiter.refusal(wait), wait);
            return;
        }
        chain.doFilter(request, response);
    }

    /** 429 with Retry-After and the app's error page (a page a person can read, or a problem document), with the hardening headers. */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, String detail, long waitSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(waitSeconds));
        ErrorDetails.sendError(request, response, 429, detail);
    }
}
