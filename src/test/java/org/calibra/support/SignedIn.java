package org.calibra.support;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/** Runs test code as a signed-in user, the way a Vaadin request would be. */
public final class SignedIn {
    private SignedIn() {
    }

    public static void as(String username, String role) {
        var user = User.withUsername(username).password("unused").roles(role).build();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public static void clear() {
        SecurityContextHolder.clearContext();
    }
}
