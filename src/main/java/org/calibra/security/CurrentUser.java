package org.calibra.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** The signed-in user, resolved to Calibra's account record (a local account, or the one linked to the Keycloak subject). */
@Component
public class CurrentUser {

    private final AuthenticationContext context;
    private final UserService users;

    CurrentUser(AuthenticationContext context, UserService users) {
        this.context = context;
        this.users = users;
    }

    public Optional<UserSummary> get() {
        return context.getAuthenticatedUser(Object.class).flatMap(principal -> switch (principal) {
            case OidcUser oidc -> users.findByOidcSubject(oidc.getSubject());
            case UserDetails local -> users.findByUsername(local.getUsername());
            default -> Optional.empty();
        });
    }

    public UserSummary require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }

    public boolean hasRole(Role role) {
        return context.hasRole(role.name());
    }

    public void logout() {
        context.logout();
    }
}
