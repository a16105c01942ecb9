package org.calibra.operations;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The management endpoints answer only on the management port (loopback by default, docs/deployment.md). The
 * application's security filter also guards that port, so requests arriving there are let through here — only health,
 * info and prometheus are exposed, and they carry no personal data; on the public port {@code /actuator/**} is refused
 * outright (403), whoever asks, instead of falling through to the sign-in page.
 */
@Configuration
class ManagementSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementPort(HttpSecurity http, Environment environment) throws Exception {
        return http.securityMatcher(request -> arrivedOnManagementPort(request, environment))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(c -> c.disable()) // read-only GETs from probes and scrapers, no session, no cookies
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .sessionManagement(s -> s.disable())
                .build();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain actuatorNotOnPublicPort(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, refused) -> response.sendError(403)))
                .requestCache(c -> c.disable())
                .build();
    }

    /** The socket's own port (not a proxy's X-Forwarded-Port) against the one the management server was given. */
    static boolean arrivedOnManagementPort(HttpServletRequest request, Environment environment) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        return management != null && management > 0 && request.getLocalPort() == management;
    }
}
