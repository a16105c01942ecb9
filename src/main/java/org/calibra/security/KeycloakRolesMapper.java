package org.calibra.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * Maps the realm roles Keycloak puts in the flat {@code roles} claim (ID token and userinfo; see
 * realm-config/calibra-realm.json) to Calibra's authorities: {@code resident} → {@code ROLE_RESIDENT}, ….
 * Roles Calibra does not know (offline_access, default-roles-calibra, …) are ignored.
 */
final class KeycloakRolesMapper implements GrantedAuthoritiesMapper {

    static final String ROLES_CLAIM = "roles";

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                rolesIn(oidc.getIdToken().getClaims()).forEach(r -> mapped.add(new SimpleGrantedAuthority(r.authority())));
                if (oidc.getUserInfo() != null) {
                    rolesIn(oidc.getUserInfo().getClaims()).forEach(r -> mapped.add(new SimpleGrantedAuthority(r.authority())));
                }
            } else if (authority instanceof OAuth2UserAuthority oauth2) {
                rolesIn(oauth2.getAttributes()).forEach(r -> mapped.add(new SimpleGrantedAuthority(r.authority())));
            }
        }
        return mapped;
    }

    /** Calibra's roles named in the claims' {@code roles} claim (a list of strings, or one string). */
    static Set<Role> rolesIn(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = claims == null ? null : claims.get(ROLES_CLAIM);
        Collection<?> values = claim instanceof Collection<?> c ? c : claim instanceof String s ? Set.of(s) : Set.of();
        for (Object value : values) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(String.valueOf(value).trim())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    /** The role stored on the local account when a user has several: the one with the widest rights. */
    static Optional<Role> primary(Set<Role> roles) {
        for (Role r : new Role[] {Role.ADMIN, Role.EDUCATOR, Role.VERIFIER, Role.RESIDENT}) {
            if (roles.contains(r)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
