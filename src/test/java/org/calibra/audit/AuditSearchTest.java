package org.calibra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSearchTest {

    @Test
    void no_filter_is_no_condition() {
        List<Object> args = new ArrayList<>();
        assertThat(AuditSearch.where(AuditSearch.Filter.NONE, args)).isEmpty();
        assertThat(args).isEmpty();
    }

    @Test
    void text_is_searched_as_text_with_wildcards_escaped_and_people_found_by_name_are_included() {
        List<Object> args = new ArrayList<>();
        String where = AuditSearch.where(new AuditSearch.Filter(" 100%_Sure ", List.of(7L), null, null, null, null), args);
        assertThat(where).contains("lower(details) like ?", "actor_id = ? or subject = ?");
        assertThat(args).containsExactly("%100\\%\\_sure%", "%100\\%\\_sure%", "%100\\%\\_sure%", "%100\\%\\_sure%", 7L, "user:7");
    }

    @Test
    void kind_person_and_days_combine_and_the_last_day_is_included_whole() {
        List<Object> args = new ArrayList<>();
        String where = AuditSearch.where(new AuditSearch.Filter(null, List.of(), AuditSearch.Kind.SIGN_IN, 3L,
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 5)), args);
        assertThat(where).contains("account.login_failed", "(actor_id = ? or subject = ?)", "occurred_at >= ?", "occurred_at < ?");
        assertThat(args).containsExactly(3L, "user:3", OffsetDateTime.parse("2026-12-01T00:00Z"), OffsetDateTime.parse("2026-12-06T00:00Z"));
    }

    @Test
    void actions_read_as_words() {
        assertThat(AuditSearch.words("account.login")).isEqualTo("Signed in");
        assertThat(AuditSearch.words("account.disabled")).isEqualTo("Account disabled");
        assertThat(AuditSearch.words("something.new_thing")).isEqualTo("Something new thing");
        assertThat(AuditSearch.Kind.PERSONAL_DATA.words).isEqualTo("Personal data exported or erased");
    }
}
