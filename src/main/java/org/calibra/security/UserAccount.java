package org.calibra.security;

import jakarta.persistence.*;
import java.time.Instant;

/**
 * A Calibra account: a local account (BCrypt password, lockout) or one linked to a Keycloak subject
 * ({@code oidcSubject}). Reads, scores and certificates point at its id, which stays when the personal data is erased.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "oidc_subject", unique = true, length = 255)
    private String oidcSubject;

    /** The institution the person belongs to (kept on erasure: statistics per institution rest on it, it names nobody). */
    @Column(name = "institution_id", nullable = false)
    private long institutionId;

    @Column(name = "erased_at")
    private Instant erasedAt;

    /** Invited, and no password set yet: the hash is an unusable random one until the invitee sets theirs. */
    @Column(name = "awaiting_password", nullable = false)
    private boolean awaitingPassword;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, String passwordHash, Role role, long institutionId, Instant createdAt) {
        this.username = username;
        this.institutionId = institutionId;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }
    public Role getRole() { return role; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public int getFailedLogins() { return failedLogins; }
    public Instant getLockedUntil() { return lockedUntil; }
    public String getOidcSubject() { return oidcSubject; }
    public long getInstitutionId() { return institutionId; }
    public Instant getErasedAt() { return erasedAt; }
    public boolean isAwaitingPassword() { return awaitingPassword; }
    public Instant getLastSignInAt() { return lastSignInAt; }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a failed password; returns true when this failure locks the account (the counter starts again). */
    boolean failedLogin(int maxFailures, Instant lockUntil) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            failedLogins = 0;
            lockedUntil = lockUntil;
            return true;
        }
        return false;
    }

    void succeededLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    void signedInAt(Instant now) {
        this.lastSignInAt = now;
    }

    /** An admin lifts a lockout before it runs out; the failure count starts again. */
    void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
    }

    void awaitPassword() {
        this.awaitingPassword = true;
    }

    /** A password the person chose through a one-time link; it also lifts a lockout (they proved who they are). */
    void setPassword(String passwordHash) {
        this.passwordHash = passwordHash;
        this.awaitingPassword = false;
        unlock();
    }

    void linkTo(String subject) {
        this.oidcSubject = subject;
    }

    /** Keycloak is the source of truth for linked accounts: name, role and institution follow the token. */
    void updateFromIdentityProvider(String displayName, Role role, long institutionId) {
        this.displayName = displayName;
        this.role = role;
        this.institutionId = institutionId;
    }

    void moveTo(long institutionId) {
        this.institutionId = institutionId;
    }

    void changeRole(Role role) {
        this.role = role;
    }

    /** Replaces everything that identifies the person by a pseudonym and disables the account for good. */
    void erase(String pseudonym, String unusablePasswordHash, Instant now) {
        this.username = pseudonym;
        this.displayName = "Erased user " + pseudonym.substring(pseudonym.indexOf('-') + 1);
        this.passwordHash = unusablePasswordHash;
        this.enabled = false;
        this.oidcSubject = null;
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.erasedAt = now;
    }
}
