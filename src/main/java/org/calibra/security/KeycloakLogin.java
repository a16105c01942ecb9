package org.calibra.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in through Keycloak (OIDC authorization code + PKCE), on when {@code calibra.keycloak.enabled=true}
 * (the {@code keycloak} profile). Every endpoint is derived from the server URL and realm, so there is no
 * OIDC discovery at start-up and the app starts while Keycloak is down. Logout ends the Keycloak session too
 * (RP-initiated logout to the realm's end_session_endpoint, then back to /signed-out).
 */
@Configuration
@ConditionalOnBooleanProperty("calibra.keycloak.enabled")
class KeycloakLogin {

    static final String REGISTRATION_ID = "keycloak";
    static final String LOGIN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

    @Bean
    ClientRegistrationRepository keycloakClientRegistrations(@Value("${calibra.keycloak.url}") String url,
                                                             @Value("${calibra.keycloak.realm}") String realm,
                                                             @Value("${calibra.keycloak.client-id}") String clientId,
                                                             @Value("${calibra.keycloak.client-secret}") String clientSecret) {
        return new InMemoryClientRegistrationRepository(registration(url, realm, clientId, clientSecret));
    }

    static ClientRegistration registration(String url, String realm, String clientId, String clientSecret) {
        String issuer = url.replaceAll("/+$", "") + "/realms/" + realm;
        String oidc = issuer + "/protocol/openid-connect";
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(issuer)
                .authorizationUri(oidc + "/auth")
                .tokenUri(oidc + "/token")
                .jwkSetUri(oidc + "/certs")
                .userInfoUri(oidc + "/userinfo")
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
                .build();
    }

    @Bean
    KeycloakAccounts keycloakAccounts(UserAccountRepository accounts, PasswordEncoder encoder, ApplicationEventPublisher events,
                                      TransactionTemplate tx, Clock clock, org.calibra.institution.InstitutionService institutions) {
        return new KeycloakAccounts(accounts, encoder, events, tx, clock, institutions);
    }

    /** Wires OIDC login into the security chain instead of the local login view. */
    void configure(HttpSecurity http, VaadinSecurityConfigurer vaadin, ClientRegistrationRepository registrations, KeycloakAccounts accounts) {
        vaadin.oauth2LoginPage(LOGIN_PATH, "{baseUrl}/signed-out");
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        try {
            http.oauth2Login(o -> o
                    .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
                    .userInfoEndpoint(u -> u.oidcUserService(accounts).userAuthoritiesMapper(new KeycloakRolesMapper())));
        } catch (Exception e) {
            throw new IllegalStateException("Could not configure Keycloak login", e);
        }
    }
}
