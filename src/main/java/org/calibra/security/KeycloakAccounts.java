package org.calibra.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the Keycloak user (ID token + userinfo) and creates or updates the Calibra account linked to its subject,
 * so reads, scores and certificates hang off a local account id whichever way the person signs in.
 * First sign-in: an existing local account with the same username and no link is linked (the migration path from
 * local accounts; Keycloak must not let users edit their username — the realm sets editUsernameAllowed=false),
 * otherwise a new account is created. Name, role and institution follow Keycloak at every sign-in.
 */
class KeycloakAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String INSTITUTION_GROUP_PREFIX = "/institutions/";

    private final OidcUserService delegate = new OidcUserService();
    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final org.calibra.institution.InstitutionService institutions;

    KeycloakAccounts(UserAccountRepository accounts, PasswordEncoder encoder, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
                     org.calibra.institution.InstitutionService institutions) {
        this.institutions = institutions;
        this.accounts = accounts;
        this.encoder = encoder;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        tx.executeWithoutResult(s -> link(user));
        return user;
    }

    void link(OidcUser user) {
        Set<Role> roles = new HashSet<>(KeycloakRolesMapper.rolesIn(user.getIdToken().getClaims()));
        if (user.getUserInfo() != null) {
            roles.addAll(KeycloakRolesMapper.rolesIn(user.getUserInfo().getClaims()));
        }
        Role role = KeycloakRolesMapper.primary(roles).orElseThrow(() -> denied("no_calibra_role",
                "Your Keycloak account has none of Calibra's roles (resident, educator, verifier, admin)."));
        String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        String name = user.getFullName() != null ? user.getFullName() : username;
        // the institution group's name; Calibra creates an institution it meets for the first time; no group: the default
        String group = institutionOf(user.getClaimAsStringList("groups"));
        long institution = (group == null ? institutions.defaultInstitution() : institutions.namedOrCreated(group)).id();

        UserAccount account = accounts.findByOidcSubject(user.getSubject())
                .or(() -> accounts.findByUsername(username).filter(a -> a.getOidcSubject() == null && a.getErasedAt() == null))
                .orElse(null);
        if (account == null) {
            String free = accounts.findByUsername(username).isEmpty() ? username : username + "@keycloak-" + user.getSubject().substring(0, 8);
            account = accounts.save(new UserAccount(free, name, unusablePassword(), role, institution, clock.instant()));
            account.linkTo(user.getSubject());
            account.updateFromIdentityProvider(name, role, institution);
            log.info("Created account '{}' for Keycloak subject {}", free, user.getSubject());
            events.publishEvent(new AccountEvent(AccountEvent.Kind.ACCOUNT_CREATED, account.getId(), null, null,
                    Map.of("source", "keycloak", "role", role.name())));
            return;
        }
        if (!account.isEnabled()) {
            throw denied("account_disabled", "This Calibra account is disabled.");
        }
        if (account.getOidcSubject() == null) {
            account.linkTo(user.getSubject());
            log.info("Linked account '{}' to Keycloak subject {}", account.getUsername(), user.getSubject());
        }
        Role before = account.getRole();
        account.updateFromIdentityProvider(name, role, institution);
        if (before != role) {
            events.publishEvent(new AccountEvent(AccountEvent.Kind.ROLE_CHANGED, account.getId(), null, null,
                    Map.of("from", before.name(), "to", role.name(), "source", "keycloak")));
        }
    }

    /** The first group under /institutions/ (full group paths, as the realm's group mapper sends them). */
    static String institutionOf(Collection<String> groups) {
        if (groups == null) {
            return null;
        }
        return groups.stream().filter(g -> g.startsWith(INSTITUTION_GROUP_PREFIX)).map(g -> g.substring(INSTITUTION_GROUP_PREFIX.length()))
                .sorted().findFirst().orElse(null);
    }

    private String unusablePassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return encoder.encode(Base64.getEncoder().encodeToString(bytes)); // nobody knows it; local sign-in also refuses linked accounts
    }

    private static OAuth2AuthenticationException denied(String code, String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
    }
}
