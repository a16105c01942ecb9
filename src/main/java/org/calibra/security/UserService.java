package org.calibra.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class UserService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final org.calibra.institution.InstitutionService institutions;

    UserService(UserAccountRepository accounts, ApplicationEventPublisher events, PasswordEncoder encoder, Clock clock,
                org.calibra.institution.InstitutionService institutions) {
        this.institutions = institutions;
        this.accounts = accounts;
        this.events = events;
        this.encoder = encoder;
        this.clock = clock;
    }

    public Optional<UserSummary> findByUsername(String username) {
        return accounts.findByUsername(username).map(UserSummary::of);
    }

    public Optional<UserSummary> findById(long id) {
        return accounts.findById(id).map(UserSummary::of);
    }

    Optional<UserSummary> findByOidcSubject(String subject) {
        return accounts.findByOidcSubject(subject).map(UserSummary::of);
    }

    /** What the personal-data export shows about the account itself. */
    public Optional<AccountDetails> details(long id) {
        return accounts.findById(id).map(a -> new AccountDetails(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(), a.isEnabled(),
                a.getCreatedAt(), institutions.byId(a.getInstitutionId()).map(org.calibra.institution.InstitutionInfo::name).orElse(null),
                a.getOidcSubject() != null, a.getErasedAt()));
    }

    /** The residents of one institution, by user name: whom its educators follow on the Trainees page. */
    @PreAuthorize("hasAnyRole('EDUCATOR','ADMIN')")
    public List<UserSummary> residentsOf(long institutionId) {
        return accounts.findAllByOrderByRoleAscUsernameAsc().stream()
                .filter(a -> a.getRole() == Role.RESIDENT && a.getInstitutionId() == institutionId).map(UserSummary::of).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<UserSummary> listUsers() {
        return accounts.findAllByOrderByRoleAscUsernameAsc().stream().map(UserSummary::of).toList();
    }

    /** Changes a local account's role (Keycloak-linked accounts take theirs from Keycloak at each sign-in). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary changeRole(long userId, Role role, long adminId) {
        UserAccount a = accounts.findById(userId).orElseThrow(() -> new IllegalArgumentException("No user " + userId));
        if (a.getOidcSubject() != null) {
            throw new IllegalArgumentException("This account's role comes from Keycloak: change it there");
        }
        if (a.getId() == adminId) {
            throw new IllegalArgumentException("Administrators cannot change their own role");
        }
        Role before = a.getRole();
        if (before != role) {
            a.changeRole(role);
            events.publishEvent(new AccountEvent(AccountEvent.Kind.ROLE_CHANGED, a.getId(), adminId, null,
                    Map.of("from", before.name(), "to", role.name(), "source", "admin")));
        }
        return UserSummary.of(a);
    }

    /** Moves a local account to another institution (Keycloak-linked accounts take theirs from their Keycloak group). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary changeInstitution(long userId, long institutionId, long adminId) {
        UserAccount a = accounts.findById(userId).orElseThrow(() -> new IllegalArgumentException("No user " + userId));
        if (a.getOidcSubject() != null) {
            throw new IllegalArgumentException("This account's institution comes from its Keycloak group: change it there");
        }
        var target = institutions.byId(institutionId).orElseThrow(() -> new IllegalArgumentException("No institution " + institutionId));
        long before = a.getInstitutionId();
        if (before != institutionId) {
            a.moveTo(institutionId);
            events.publishEvent(new AccountEvent(AccountEvent.Kind.INSTITUTION_CHANGED, a.getId(), adminId, null,
                    Map.of("from", Long.toString(before), "to", Long.toString(target.id()), "source", "admin")));
        }
        return UserSummary.of(a);
    }

    /**
     * Erases the personal data on the account: username and name become the pseudonym {@code erased-<id>}, the
     * password becomes unusable, the Keycloak link is removed and the account is disabled for good.
     * The account id stays, so anonymised reads and scores (and the audit trail, which only holds ids) stay valid.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary erasePersonalData(long userId, long adminId) {
        UserAccount a = accounts.findById(userId).orElseThrow(() -> new IllegalArgumentException("No user " + userId));
        if (a.getId() == adminId) {
            throw new IllegalArgumentException("An administrator cannot erase their own account");
        }
        if (a.getErasedAt() == null) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            a.erase("erased-" + a.getId(), encoder.encode(Base64.getEncoder().encodeToString(secret)), clock.instant());
            events.publishEvent(new AccountEvent(AccountEvent.Kind.PERSONAL_DATA_ERASED, a.getId(), adminId, null, Map.of()));
        }
        return UserSummary.of(a);
    }
}
