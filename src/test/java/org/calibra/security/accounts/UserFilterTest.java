package org.calibra.security.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.calibra.security.AccountOverview;
import org.calibra.security.AccountOverview.Status;
import org.calibra.security.Role;
import org.junit.jupiter.api.Test;

class UserFilterTest {

    private final AccountOverview rosa = new AccountOverview(1, "resident", "Dr. Rosa Resident", Role.RESIDENT, 1, "Calibra Demo Institution",
            Status.ACTIVE, null, null, false);
    private final AccountOverview lee = new AccountOverview(2, "lockout", "Dr. Lee Lockout", Role.RESIDENT, 2, "St. Example Hospital",
            Status.LOCKED, Instant.parse("2026-12-05T12:04:00Z"), null, false);
    private final AccountOverview ada = new AccountOverview(3, "admin", "Ada Admin", Role.ADMIN, 1, "Calibra Demo Institution",
            Status.ACTIVE, null, Instant.parse("2026-12-05T09:00:00Z"), false);
    private final List<AccountOverview> all = List.of(rosa, lee, ada);

    @Test
    void text_matches_name_or_username_ignoring_case_and_spaces_around() {
        assertThat(all.stream().filter(UserFilter.NONE.withText("  ROSA ")).toList()).containsExactly(rosa);
        assertThat(all.stream().filter(UserFilter.NONE.withText("lockout")).toList()).containsExactly(lee);
        assertThat(all.stream().filter(UserFilter.NONE).toList()).isEqualTo(all);
    }

    @Test
    void role_institution_and_status_narrow_together() {
        var residentsHere = UserFilter.NONE.withRole(Role.RESIDENT).withInstitution(1L);
        assertThat(all.stream().filter(residentsHere).toList()).containsExactly(rosa);
        assertThat(all.stream().filter(UserFilter.NONE.withStatus(Status.LOCKED)).toList()).containsExactly(lee);
        assertThat(all.stream().filter(residentsHere.withStatus(Status.LOCKED)).toList()).isEmpty();
    }

    @Test
    void statuses_and_last_sign_in_read_as_words() {
        assertThat(lee.statusWords()).isEqualTo("Locked until 5 Dec 2026, 12:04 UTC");
        assertThat(rosa.lastSignInWords()).isEqualTo("Not recorded");
        assertThat(ada.lastSignInWords()).isEqualTo("5 Dec 2026, 09:00 UTC");
        assertThat(UserFilter.words(Status.INVITED)).isEqualTo("Invited, no password yet");
    }
}
