package org.calibra.certification.web;

import java.util.Set;
import org.calibra.shared.web.RateLimitFilter;
import org.calibra.shared.web.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signed status lists are public like the verification API, and limited per client IP the same way (the shared
 * token-bucket filter: 429, Retry-After and the limit in words). A list is signed once per change, so a request is
 * cheap; the limit keeps a flood from costing more than that. Verifiers that honour Cache-Control and ETag (304) need
 * few requests: a list stays good for five minutes.
 */
@Configuration
class StatusListRateLimit {

    @Bean
    FilterRegistrationBean<RateLimitFilter> statusListRateLimitFilter(
            @Value("${calibra.credentials.status-rate-limit.capacity:60}") int capacity,
            @Value("${calibra.credentials.status-rate-limit.per-minute:60}") int perMinute) {
        var limiter = new RateLimiter("status list requests", capacity, perMinute, System::nanoTime);
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(limiter, Set.of(), true));
        registration.addUrlPatterns("/credentials/status/*");
        registration.setOrder(-200);
        registration.setName("statusListRateLimit");
        return registration;
    }
}
