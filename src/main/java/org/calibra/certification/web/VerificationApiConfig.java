package org.calibra.certification.web;

import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Set;
import org.calibra.shared.web.RateLimitFilter;
import org.calibra.shared.web.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate limits of public verification, per client IP (docs/security.md): the JSON API by what it verifies — every call
 * takes a token, a bulk call one more for each further item ({@link VerificationApiController}) — and the public page
 * {@code /verify/{id}} by lookups ({@link VerifyPageRateLimit}).
 */
@Configuration
class VerificationApiConfig {

    /** The budgets, one per door. */
    record Limits(RateLimiter api, RateLimiter page) {}

    @Bean
    Limits verificationLimits(@Value("${calibra.verification.rate-limit.capacity:100}") int apiCapacity,
                              @Value("${calibra.verification.rate-limit.per-minute:60}") int apiPerMinute,
                              @Value("${calibra.verification.page-rate-limit.capacity:30}") int pageCapacity,
                              @Value("${calibra.verification.page-rate-limit.per-minute:30}") int pagePerMinute) {
        return new Limits(new RateLimiter("verifications", apiCapacity, apiPerMinute, System::nanoTime),
                new RateLimiter("certificate lookups", pageCapacity, pagePerMinute, System::nanoTime));
    }

    /** Every API call takes a token before anything else runs, so a flood costs as little as possible. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> verificationRateLimit(Limits limits) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(limits.api(), Set.of(), true));
        registration.addUrlPatterns("/api/v1/verifications", "/api/v1/verifications/*");
        registration.setOrder(-200);
        registration.setName("verificationRateLimit");
        return registration;
    }

    /**
     * Loading {@code /verify/{id}} while the lookups are spent: 429 with Retry-After and a page in words. The page load
     * itself looks nothing up (Vaadin's navigation does, and takes the token), so here a token need only be there.
     */
    @Bean
    FilterRegistrationBean<RateLimitFilter> verifyPageRateLimit(Limits limits) {
        var registration = new FilterRegistrationBean<RateLimitFilter>(new RateLimitFilter(limits.page(), Set.of("GET", "HEAD"), false) {
            @Override
            protected boolean shouldNotFilter(jakarta.servlet.http.HttpServletRequest request) {
                // /verify/{id} only: not the page where one types an id (/verify), nor Vaadin's own requests
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return super.shouldNotFilter(request) || !path.matches("/verify/[^/]+") || request.getParameter("v-r") != null;
            }
        });
        registration.addUrlPatterns("/verify/*");
        registration.setOrder(-200);
        registration.setName("verifyPageRateLimit");
        return registration;
    }

    @Bean
    VaadinServiceInitListener verifyPageLookups(Limits limits) {
        return new VerifyPageRateLimit(limits.page());
    }
}
