package org.calibra.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** The signed-in user, resolved to Calibra's account record. */
@Component
public class CurrentUser {

    private final AuthenticationContext context;
    private final UserService users;

    CurrentUser(AuthenticationContext context, UserService users) {
        this.context = context;
        this.users = users;
    }

    public Optional<UserSummary> get() {
        return context.getAuthenticatedUser(UserDetails.class).flatMap(u -> users.findByUsername(u.getUsername()));
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
