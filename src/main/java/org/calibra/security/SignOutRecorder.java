package org.calibra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** Publishes an {@link AccountEvent} when someone signs out (Vaadin's logout and POST /logout both run it). */
@Component
class SignOutRecorder implements LogoutHandler {

    private final UserAccountRepository accounts;
    private final ApplicationEventPublisher events;

    SignOutRecorder(UserAccountRepository accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null) {
            return;
        }
        var account = authentication.getPrincipal() instanceof OidcUser oidc ? accounts.findByOidcSubject(oidc.getSubject())
                : accounts.findByUsername(authentication.getName());
        account.ifPresent(a -> events.publishEvent(new AccountEvent(AccountEvent.Kind.LOGOUT, a.getId(), null,
                request == null ? null : request.getRemoteAddr(),
                Map.of("method", authentication.getPrincipal() instanceof OidcUser ? "keycloak" : "password"))));
    }
}
