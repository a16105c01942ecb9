package org.calibra.security;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts consecutive failed sign-ins of local accounts and locks an account for a while after too many
 * (calibra.security.lockout.*); a successful sign-in resets the count. Publishes an {@link AccountEvent} for
 * every sign-in, failure and lockout, with the client's address.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final UserAccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttempts(UserAccountRepository accounts, ApplicationEventPublisher events, Clock clock,
                  @Value("${calibra.security.lockout.max-failures:5}") int maxFailures,
                  @Value("${calibra.security.lockout.duration:PT15M}") Duration lockDuration) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        var account = auth.getPrincipal() instanceof OidcUser oidc ? accounts.findByOidcSubject(oidc.getSubject())
                : accounts.findByUsername(auth.getName());
        account.ifPresent(a -> {
            a.succeededLogin();
            a.signedInAt(clock.instant());
            events.publishEvent(new AccountEvent(AccountEvent.Kind.LOGIN, a.getId(), null, ipOf(auth),
                    Map.of("method", auth.getPrincipal() instanceof OidcUser ? "keycloak" : "password")));
        });
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        Authentication auth = event.getAuthentication();
        String ip = ipOf(auth);
        var account = accounts.findByUsername(auth.getName());
        Map<String, String> details = new HashMap<>();
        details.put("reason", event.getException().getClass().getSimpleName());
        if (account.isEmpty()) {
            details.put("attemptedUsername", truncate(auth.getName()));
            events.publishEvent(new AccountEvent(AccountEvent.Kind.LOGIN_FAILED, null, null, ip, details));
            return;
        }
        UserAccount a = account.get();
        events.publishEvent(new AccountEvent(AccountEvent.Kind.LOGIN_FAILED, a.getId(), null, ip, details));
        if (event.getException() instanceof LockedException) {
            return; // already locked: the password was not even checked
        }
        var now = clock.instant();
        if (a.failedLogin(maxFailures, now.plus(lockDuration))) {
            log.warn("Account {} locked until {} after {} failed sign-ins", a.getUsername(), a.getLockedUntil(), maxFailures);
            events.publishEvent(new AccountEvent(AccountEvent.Kind.LOCKED_OUT, a.getId(), null, ip,
                    Map.of("lockedUntil", a.getLockedUntil().toString(), "failures", Integer.toString(maxFailures))));
        }
    }

    int maxFailures() {
        return maxFailures;
    }

    Duration lockDuration() {
        return lockDuration;
    }

    static String ipOf(Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 100 ? s.substring(0, 100) : s;
    }
}
