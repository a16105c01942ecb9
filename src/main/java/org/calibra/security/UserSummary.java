package org.calibra.security;

/** What other modules and views may know about a user. */
public record UserSummary(long id, String username, String displayName, Role role, boolean enabled, long institutionId) {
    static UserSummary of(UserAccount a) {
        return new UserSummary(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(), a.isEnabled(), a.getInstitutionId());
    }
}
