package org.calibra.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One row of the admin's users list: who, what they may do, where they belong, and whether they can sign in now.
 *
 * @param managedByIdentityProvider linked to Keycloak: name, role, institution and sign-in are managed there
 * @param lastSignInAt              null when no sign-in was recorded (recording started with migration V17)
 */
public record AccountOverview(long id, String username, String displayName, Role role, long institutionId, String institution,
                              Status status, Instant lockedUntil, Instant lastSignInAt, boolean managedByIdentityProvider) {

    public enum Status { ACTIVE, LOCKED, DISABLED, INVITED, ERASED }

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static AccountOverview of(UserAccount a, String institution, Instant now) {
        Status status = a.getErasedAt() != null ? Status.ERASED
                : !a.isEnabled() ? Status.DISABLED
                : a.isLockedAt(now) ? Status.LOCKED
                : a.isAwaitingPassword() ? Status.INVITED
                : Status.ACTIVE;
        return new AccountOverview(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(), a.getInstitutionId(), institution, status,
                status == Status.LOCKED ? a.getLockedUntil() : null, a.getLastSignInAt(), a.getOidcSubject() != null);
    }

    /** "Active", "Locked until 5 Dec 2026, 12:04 UTC", "Disabled", "Invited, no password yet", "Erased". */
    public String statusWords() {
        return switch (status) {
            case ACTIVE -> "Active";
            case LOCKED -> "Locked until " + WHEN.format(lockedUntil);
            case DISABLED -> "Disabled";
            case INVITED -> "Invited, no password yet";
            case ERASED -> "Erased";
        };
    }

    public String lastSignInWords() {
        return lastSignInAt == null ? "Not recorded" : WHEN.format(lastSignInAt);
    }

    /** How this person is called in confirmations and notifications: name and username. */
    public String who() {
        return displayName + " (" + username + ")";
    }
}
