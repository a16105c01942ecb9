package org.calibra.certification.web;

import java.util.Set;
import org.calibra.shared.web.RateLimitFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class VerificationApiConfig {

    /** Runs before the security chain, so a flood costs as little as possible. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> verificationRateLimit(@Value("${calibra.verification.rate-limit.capacity:30}") int capacity,
                                                                  @Value("${calibra.verification.rate-limit.per-minute:60}") int perMinute) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter("verification requests", Set.of(), capacity, perMinute, System::nanoTime));
        registration.addUrlPatterns("/api/v1/verifications", "/api/v1/verifications/*");
        registration.setOrder(-200);
        registration.setName("verificationRateLimit");
        return registration;
    }
}
