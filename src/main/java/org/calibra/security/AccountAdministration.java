package org.calibra.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.calibra.institution.InstitutionInfo;
import org.calibra.institution.InstitutionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an admin does to local accounts (docs/security.md, "Accounts"): create one with a password or an invitation,
 * issue a one-time link to reset a password, lift a lockout, turn sign-in off or on. Every change is audited through an
 * {@link AccountEvent}. Keycloak-linked accounts are managed in Keycloak and refused here. The set-password page uses
 * {@link #checkLink} and {@link #setPassword}, which need no sign-in: the link's token is the proof.
 */
@Service
@Transactional(readOnly = true)
public class AccountAdministration {

    /** Letters, digits and . _ - @ (what Keycloak allows too); the pseudonyms of erased accounts are reserved. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");
    static final String IDENTITY_PROVIDER = "This account is managed in your identity provider (Keycloak): change it there.";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new account as the admin's form gives it. */
    public record NewAccount(String username, String displayName, Role role, Long institutionId) {}

    /** A one-time link's token (to be put into the link, shown once) and until when it works. */
    public record IssuedLink(AccountOverview account, String token, Instant expiresAt) {}

    /** What the set-password page may show about a link: whose it is, or why it does not work. */
    public record LinkCheck(boolean usable, String username, String displayName, boolean invitation, String problem) {}

    private final UserAccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final InstitutionService institutions;
    private final Duration linkValidity;

    AccountAdministration(UserAccountRepository accounts, AccountTokenRepository tokens, ApplicationEventPublisher events,
                          PasswordEncoder encoder, Clock clock, InstitutionService institutions,
                          @Value("${calibra.security.account-links.validity:PT72H}") Duration linkValidity) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.events = events;
        this.encoder = encoder;
        this.clock = clock;
        this.institutions = institutions;
        this.linkValidity = linkValidity;
    }

    public Duration linkValidity() {
        return linkValidity;
    }

    /** Every account, by name, with its status at this moment. Admins manage the whole installation, every institution. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AccountOverview> overview() {
        Instant now = clock.instant();
        Map<Long, String> names = new java.util.HashMap<>();
        institutions.list().forEach(i -> names.put(i.id(), i.name()));
        return accounts.findAll().stream().map(a -> AccountOverview.of(a, names.getOrDefault(a.getInstitutionId(), "—"), now))
                .sorted(java.util.Comparator.comparing(AccountOverview::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** A local account with a password the admin chose (and tells the person by a channel of their own). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountOverview createWithPassword(NewAccount form, String password, long adminId) {
        List<String> problems = check(form);
        if (form.username() != null) {
            PasswordPolicy.problem(password, form.username()).ifPresent(p -> problems.add("Password: " + p));
        }
        if (!problems.isEmpty()) {
            throw new AccountInputException(problems);
        }
        UserAccount a = accounts.save(new UserAccount(form.username().strip(), form.displayName().strip(), encoder.encode(password), form.role(),
                form.institutionId(), clock.instant()));
        events.publishEvent(new AccountEvent(AccountEvent.Kind.ACCOUNT_CREATED, a.getId(), adminId, null,
                Map.of("source", "admin", "method", "password", "role", a.getRole().name(), "institution", Long.toString(a.getInstitutionId()))));
        return overviewOf(a);
    }

    /** A local account without a password, and an invitation link by which its person sets one. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public IssuedLink invite(NewAccount form, long adminId) {
        List<String> problems = check(form);
        if (!problems.isEmpty()) {
            throw new AccountInputException(problems);
        }
        UserAccount a = accounts.save(new UserAccount(form.username().strip(), form.displayName().strip(), unusablePassword(), form.role(),
                form.institutionId(), clock.instant()));
        a.awaitPassword();
        events.publishEvent(new AccountEvent(AccountEvent.Kind.ACCOUNT_CREATED, a.getId(), adminId, null,
                Map.of("source", "admin", "method", "invitation", "role", a.getRole().name(), "institution", Long.toString(a.getInstitutionId()))));
        return issue(a, AccountToken.Purpose.INVITATION, adminId, AccountEvent.Kind.INVITED);
    }

    /**
     * A one-time link by which the person sets a new password (for an invited account: a new invitation). Older links of
     * the account stop working. The current password keeps working until the new one is set.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public IssuedLink issueResetLink(long userId, long adminId) {
        UserAccount a = local(userId);
        if (!a.isEnabled()) {
            throw new IllegalArgumentException(a.getDisplayName() + "'s account is disabled: enable it first.");
        }
        return a.isAwaitingPassword() ? issue(a, AccountToken.Purpose.INVITATION, adminId, AccountEvent.Kind.INVITED)
                : issue(a, AccountToken.Purpose.RESET, adminId, AccountEvent.Kind.RESET_LINK_ISSUED);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountOverview unlock(long userId, long adminId) {
        UserAccount a = local(userId);
        if (!a.isLockedAt(clock.instant())) {
            throw new IllegalArgumentException(a.getDisplayName() + "'s account is not locked.");
        }
        a.unlock();
        events.publishEvent(new AccountEvent(AccountEvent.Kind.UNLOCKED, a.getId(), adminId, null, Map.of()));
        return overviewOf(a);
    }

    /** Sign-in is refused from now on, and open sessions end at their next page (DisabledAccountGuard); reads and certificates stay. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountOverview disable(long userId, long adminId) {
        UserAccount a = local(userId);
        if (a.getId() == adminId) {
            throw new IllegalArgumentException("You cannot disable your own account: another administrator has to do it.");
        }
        if (a.isEnabled()) {
            a.disable();
            tokens.findByUserId(a.getId()).forEach(t -> t.revoke(clock.instant()));
            events.publishEvent(new AccountEvent(AccountEvent.Kind.DISABLED, a.getId(), adminId, null, Map.of()));
        }
        return overviewOf(a);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AccountOverview enable(long userId, long adminId) {
        UserAccount a = local(userId);
        if (!a.isEnabled()) {
            a.enable();
            events.publishEvent(new AccountEvent(AccountEvent.Kind.ENABLED, a.getId(), adminId, null, Map.of()));
        }
        return overviewOf(a);
    }

    /** Whose link this is, or why it does not work (no sign-in needed: the token is the proof). */
    public LinkCheck checkLink(String token) {
        var found = token == null || token.isBlank() ? java.util.Optional.<AccountToken>empty() : tokens.findByTokenHash(AccountToken.hash(token));
        if (found.isEmpty()) {
            return new LinkCheck(false, null, null, false, AccountToken.Unusable.UNKNOWN.words);
        }
        AccountToken t = found.get();
        UserAccount a = accounts.findById(t.getUserId()).orElseThrow();
        AccountToken.Unusable why = !a.isEnabled() || a.getErasedAt() != null ? AccountToken.Unusable.ACCOUNT_CLOSED : t.unusableAt(clock.instant());
        boolean invitation = t.getPurpose() == AccountToken.Purpose.INVITATION;
        return why == null ? new LinkCheck(true, a.getUsername(), a.getDisplayName(), invitation, null)
                : new LinkCheck(false, null, null, invitation, why.words);
    }

    /** Sets the password through a one-time link and uses the link up; returns the username to sign in with. */
    @Transactional
    public String setPassword(String token, String password) {
        LinkCheck check = checkLink(token);
        if (!check.usable()) {
            throw new IllegalArgumentException(check.problem());
        }
        AccountToken t = tokens.findByTokenHash(AccountToken.hash(token)).orElseThrow();
        UserAccount a = accounts.findById(t.getUserId()).orElseThrow();
        var problem = PasswordPolicy.problem(password, a.getUsername());
        if (problem.isPresent()) {
            throw new AccountInputException(List.of(problem.get()));
        }
        t.use(clock.instant());
        a.setPassword(encoder.encode(password));
        events.publishEvent(new AccountEvent(AccountEvent.Kind.PASSWORD_SET, a.getId(), null, null,
                Map.of("link", t.getPurpose() == AccountToken.Purpose.INVITATION ? "invitation" : "reset")));
        return a.getUsername();
    }

    private IssuedLink issue(UserAccount a, AccountToken.Purpose purpose, long adminId, AccountEvent.Kind kind) {
        Instant now = clock.instant();
        tokens.findByUserId(a.getId()).forEach(t -> t.revoke(now));
        String token = AccountToken.newToken();
        Instant expires = now.plus(linkValidity);
        tokens.save(new AccountToken(a.getId(), purpose, AccountToken.hash(token), adminId, now, expires));
        events.publishEvent(new AccountEvent(kind, a.getId(), adminId, null, Map.of("expiresAt", expires.toString())));
        return new IssuedLink(overviewOf(a), token, expires);
    }

    private UserAccount local(long userId) {
        UserAccount a = accounts.findById(userId).orElseThrow(() -> new IllegalArgumentException("There is no such account (it may have been removed)."));
        if (a.getOidcSubject() != null) {
            throw new IllegalArgumentException(IDENTITY_PROVIDER);
        }
        if (a.getErasedAt() != null) {
            throw new IllegalArgumentException("This account was erased; it cannot be changed.");
        }
        return a;
    }

    private List<String> check(NewAccount form) {
        List<String> problems = new ArrayList<>();
        String username = form.username() == null ? "" : form.username().strip();
        if (username.isEmpty()) {
            problems.add("Username: enter one (3 to 100 letters, digits, dots, dashes, underscores or @).");
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add("Username: '" + username + "' may have only letters, digits, dots, dashes, underscores and @, 3 to 100 of them.");
        } else if (username.toLowerCase(java.util.Locale.ROOT).startsWith("erased-")) {
            problems.add("Username: names starting with 'erased-' are kept for erased accounts.");
        } else {
            accounts.findByUsername(username).ifPresent(other -> problems.add("Username: '" + username + "' is taken by " + other.getDisplayName() + "."));
        }
        String name = form.displayName() == null ? "" : form.displayName().strip();
        if (name.isEmpty()) {
            problems.add("Name: enter the person's name as others should see it.");
        } else if (name.length() > 200) {
            problems.add("Name: at most 200 characters, found " + name.length() + ".");
        }
        if (form.role() == null) {
            problems.add("Role: choose what the person does (resident, educator, verifier or admin).");
        }
        if (form.institutionId() == null) {
            problems.add("Institution: choose the institution the person belongs to.");
        } else if (institutions.byId(form.institutionId()).isEmpty()) {
            problems.add("Institution: the chosen institution does not exist any more; choose another.");
        }
        return problems;
    }

    private AccountOverview overviewOf(UserAccount a) {
        return AccountOverview.of(a, institutions.byId(a.getInstitutionId()).map(InstitutionInfo::name).orElse("—"), clock.instant());
    }

    private String unusablePassword() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return encoder.encode(Base64.getEncoder().encodeToString(secret));
    }
}
