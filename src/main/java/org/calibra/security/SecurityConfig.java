package org.calibra.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.calibra.shared.web.ErrorDetails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Local accounts with Vaadin's login view, or Keycloak when {@code calibra.keycloak.enabled=true}
 * ({@link KeycloakLogin}). Views declare who may open them ({@code @RolesAllowed},
 * {@code @AnonymousAllowed}), which Vaadin's navigation access control checks; services repeat the check with
 * {@code @PreAuthorize}, the real boundary. JSR-250 method security stays off: nothing but views carries
 * {@code @RolesAllowed}, and with it Spring proxied every view instance Vaadin created — per navigation, walking the
 * view's methods for every advisor (docs/performance.md, "Concurrent readers").
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /** Public whichever way users sign in: certificate verification, its API, issuer metadata, status lists. */
    static final String[] PUBLIC_PATHS = {"/verify/**", "/api/v1/verifications/**", "/.well-known/**", "/credentials/status/**"};

    static final String CSRF_REFUSED = "The form you sent is out of date, or it did not come from Calibra's own page. "
            + "Reload the page and try again.";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignOutRecorder signOut, ObjectProvider<KeycloakLogin> keycloak,
                                            ObjectProvider<ClientRegistrationRepository> registrations,
                                            ObjectProvider<KeycloakAccounts> keycloakAccounts, HardeningHeaders hardening,
                                            RequestUtil vaadinRequests)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                // Spring Boot's error page for a request that was already let through: otherwise a 400 or 404 from a
                // controller would be turned into a 403 by the error dispatch itself
                .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                // images: signed in here; which cases each user may see is casebank.CaseImageAccess (404 otherwise)
                .requestMatchers("/files/**", "/dicomweb/**").authenticated()
                .requestMatchers("/export/**").hasAnyRole(Role.EDUCATOR.name(), Role.ADMIN.name())
                .requestMatchers("/images/**", "/icons/**").permitAll()
                // credentials: what any verifier needs, no sign-in (org.calibra.certification.web)
                .requestMatchers("/.well-known/jwks.json", "/.well-known/did.json", "/credentials/keys/**", "/credentials/status/**",
                        "/credentials/badges/**", "/credentials/issuer", "/api/v1/verifications", "/api/v1/verifications/bulk").permitAll()
                // the holder's downloads: signed in; CredentialService hands out only the caller's own
                .requestMatchers("/credentials/*/credential.jwt", "/credentials/*/certificate.pdf").authenticated());
        http.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PATHS).permitAll());
        // CSRF: Spring's token on every state-changing request but two kinds. Vaadin's own requests carry its per-UI
        // Vaadin-Security-Key instead. The public verification API has no cookies and no session to abuse.
        // The sign-in post is NOT exempt: VaadinSecurityConfigurer's default exempts the login view's path, which let any
        // site sign a visitor's browser in to an account of its choosing (login CSRF). Vaadin's login form sends the
        // token by itself: it reads the _csrf meta tags Vaadin writes into every page (LoginCsrfIT).
        // Refused: 403 with the app's error page saying why, in words.
        http.csrf(c -> c.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                .ignoringRequestMatchers("/api/v1/verifications", "/api/v1/verifications/bulk")
                .withObjectPostProcessor(new org.springframework.security.config.ObjectPostProcessor<CsrfFilter>() {
                    @Override
                    public <O extends CsrfFilter> O postProcess(O filter) {
                        filter.setAccessDeniedHandler((request, response, denied) -> {
                            if (!response.isCommitted()) {
                                ErrorDetails.sendError(request, response, 403, CSRF_REFUSED);
                            }
                        });
                        return filter;
                    }
                }));
        // Hardening (HardeningHeaders): a CSP written with the viewer's workers and codecs (ContentSecurityPolicy), no framing
        // (clickjacking), no referrer to other sites, no device APIs, HSTS on HTTPS requests. The error pages write the same list.
        // Written eagerly: Vaadin's pages are forwarded to its servlet, and on Tomcat 11 a forwarded response is committed
        // past Spring's on-commit hook, so lazily written headers would silently be missing (spring-security#19457).
        http.headers(h -> {
            h.withObjectPostProcessor(new org.springframework.security.config.ObjectPostProcessor<
                    org.springframework.security.web.header.HeaderWriterFilter>() {
                @Override
                public <O extends org.springframework.security.web.header.HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            }).defaultsDisabled();
            hardening.writers().forEach(h::addHeaderWriter);
        });
        return http.with(VaadinSecurityConfigurer.vaadin(), c -> {
            c.enableCsrfConfiguration(false); // its rules, minus the login form's exemption, are above
            c.addLogoutHandler(signOut);
            KeycloakLogin kc = keycloak.getIfAvailable();
            if (kc == null) {
                c.loginView(LoginView.class, "/");
            } else {
                kc.configure(http, c, registrations.getObject(), keycloakAccounts.getObject());
            }
        }).build();
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
