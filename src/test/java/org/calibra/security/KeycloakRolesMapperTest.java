package org.calibra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

class KeycloakRolesMapperTest {

    private final KeycloakRolesMapper mapper = new KeycloakRolesMapper();

    private static OidcIdToken idToken(Map<String, Object> claims) {
        var all = new java.util.HashMap<String, Object>(Map.of("sub", "f3a1", "iss", "http://127.0.0.1:8180/realms/calibra"));
        all.putAll(claims);
        return new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(300), all);
    }

    private List<String> mapped(GrantedAuthority... authorities) {
        return mapper.mapAuthorities(List.of(authorities)).stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void the_roles_claim_of_the_id_token_becomes_calibra_authorities_and_unknown_realm_roles_are_ignored() {
        var oidc = new OidcUserAuthority(idToken(Map.of("roles", List.of("resident", "offline_access", "default-roles-calibra"))));
        assertThat(mapped(oidc)).containsExactlyInAnyOrder("OIDC_USER", "ROLE_RESIDENT");
    }

    @Test
    void roles_from_the_userinfo_response_count_too_and_case_does_not_matter() {
        var oidc = new OidcUserAuthority(idToken(Map.of("roles", List.of("verifier"))), new OidcUserInfo(Map.of("sub", "f3a1", "roles", List.of("ADMIN"))));
        assertThat(mapped(oidc)).contains("ROLE_VERIFIER", "ROLE_ADMIN").doesNotContain("ROLE_RESIDENT", "ROLE_EDUCATOR");
    }

    @Test
    void a_single_string_claim_and_plain_oauth2_attributes_are_understood() {
        assertThat(mapped(new OAuth2UserAuthority(Map.of("sub", "x", "roles", "educator")))).contains("ROLE_EDUCATOR");
    }

    @Test
    void a_token_without_calibra_roles_grants_no_role_and_keeps_other_authorities() {
        var scope = new SimpleGrantedAuthority("SCOPE_openid");
        assertThat(mapped(new OidcUserAuthority(idToken(Map.of())), scope)).containsExactlyInAnyOrder("OIDC_USER", "SCOPE_openid");
        assertThat(mapped(new OidcUserAuthority(idToken(Map.of("roles", List.of("uma_authorization")))))).noneMatch(a -> a.startsWith("ROLE_"));
    }

    @Test
    void the_account_keeps_the_widest_role_when_someone_has_several() {
        assertThat(KeycloakRolesMapper.primary(KeycloakRolesMapper.rolesIn(Map.of("roles", List.of("resident", "educator"))))).contains(Role.EDUCATOR);
        assertThat(KeycloakRolesMapper.primary(KeycloakRolesMapper.rolesIn(Map.of("roles", List.of("verifier", "admin"))))).contains(Role.ADMIN);
        assertThat(KeycloakRolesMapper.primary(KeycloakRolesMapper.rolesIn(Map.of()))).isEmpty();
    }

    @Test
    void the_institution_is_the_group_under_institutions() {
        assertThat(KeycloakAccounts.institutionOf(List.of("/staff", "/institutions/St. Example Hospital"))).isEqualTo("St. Example Hospital");
        assertThat(KeycloakAccounts.institutionOf(List.of("/staff"))).isNull();
        assertThat(KeycloakAccounts.institutionOf(null)).isNull();
    }

    @Test
    void every_keycloak_endpoint_is_derived_from_the_url_and_realm_so_nothing_is_discovered_at_start_up() {
        var r = KeycloakLogin.registration("http://127.0.0.1:8180/", "calibra", "calibra-app", "s3cret");
        var oidc = "http://127.0.0.1:8180/realms/calibra/protocol/openid-connect";
        assertThat(r.getProviderDetails().getIssuerUri()).isEqualTo("http://127.0.0.1:8180/realms/calibra");
        assertThat(r.getProviderDetails().getAuthorizationUri()).isEqualTo(oidc + "/auth");
        assertThat(r.getProviderDetails().getTokenUri()).isEqualTo(oidc + "/token");
        assertThat(r.getProviderDetails().getJwkSetUri()).isEqualTo(oidc + "/certs");
        assertThat(r.getProviderDetails().getUserInfoEndpoint().getUri()).isEqualTo(oidc + "/userinfo");
        assertThat(r.getProviderDetails().getConfigurationMetadata()).containsEntry("end_session_endpoint", oidc + "/logout");
        assertThat(r.getScopes()).contains("openid");
    }
}
