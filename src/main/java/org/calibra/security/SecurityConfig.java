package org.calibra.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Local accounts with Vaadin's login view. Views declare who may open them ({@code @RolesAllowed},
 * {@code @AnonymousAllowed}); services repeat the check with {@code @PreAuthorize}, the real boundary.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/files/**").authenticated()
                .requestMatchers("/export/**").hasAnyRole(Role.EDUCATOR.name(), Role.ADMIN.name())
                .requestMatchers("/images/**", "/icons/**").permitAll());
        http.headers(h -> h.frameOptions(f -> f.deny()));
        return http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class, "/")).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
