package org.calibra.security;

import java.util.Set;
import org.calibra.shared.web.RateLimitFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sign-in attempts per client IP. The per-account lockout ({@link LoginAttempts}) stops guessing one password;
 * this stops one address from trying a few passwords on every account (password spraying) and from locking
 * everybody out. Generous enough for a hospital whose residents share one NAT address at 8 a.m. With Keycloak the form is Keycloak's and so is the limit (its brute-force detection).
 */
@Configuration
class LoginRateLimitConfig {

    /** Runs before the security chain, so a flood never reaches the password hashing. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> loginRateLimit(@Value("${calibra.security.login-rate-limit.capacity:30}") int capacity,
                                                           @Value("${calibra.security.login-rate-limit.per-minute:20}") int perMinute) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter("sign-in attempts", Set.of("POST"), capacity, perMinute, System::nanoTime));
        registration.addUrlPatterns("/login");
        registration.setOrder(-200);
        registration.setName("loginRateLimit");
        return registration;
    }
}
