package org.calibra.security.accounts;

import java.util.Locale;
import java.util.function.Predicate;
import org.calibra.security.AccountOverview;
import org.calibra.security.Role;

/**
 * What the admin narrowed the users list to: text found in the name or username, and a role, an institution and a
 * status (null: any). Kept apart from the view so the rules are tested without a browser.
 */
public record UserFilter(String text, Role role, Long institutionId, AccountOverview.Status status) implements Predicate<AccountOverview> {

    public static final UserFilter NONE = new UserFilter("", null, null, null);

    @Override
    public boolean test(AccountOverview u) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        boolean textMatches = needle.isEmpty() || u.displayName().toLowerCase(Locale.ROOT).contains(needle)
                || u.username().toLowerCase(Locale.ROOT).contains(needle);
        return textMatches && (role == null || u.role() == role) && (institutionId == null || u.institutionId() == institutionId)
                && (status == null || u.status() == status);
    }

    public UserFilter withText(String t) { return new UserFilter(t, role, institutionId, status); }
    public UserFilter withRole(Role r) { return new UserFilter(text, r, institutionId, status); }
    public UserFilter withInstitution(Long i) { return new UserFilter(text, role, i, status); }
    public UserFilter withStatus(AccountOverview.Status s) { return new UserFilter(text, role, institutionId, s); }

    /** The status as the filter menu offers it. */
    public static String words(AccountOverview.Status s) {
        return switch (s) {
            case ACTIVE -> "Active";
            case LOCKED -> "Locked";
            case DISABLED -> "Disabled";
            case INVITED -> "Invited, no password yet";
            case ERASED -> "Erased";
        };
    }
}
