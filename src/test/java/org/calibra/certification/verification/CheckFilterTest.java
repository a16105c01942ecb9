package org.calibra.certification.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.calibra.certification.CheckedCredential;
import org.calibra.certification.credential.Verification.Outcome;
import org.junit.jupiter.api.Test;

class CheckFilterTest {

    private static final CheckedCredential ROSA = check("q3Zx9Vb2RkS0n4mH8pLw1A", "Dr. Rosa Müller", "Reading with AI — foundations",
            "2026-11-30T23:59:00Z", "VALID", Outcome.REVOKED);
    private static final CheckedCredential JOSE = check("Bm7Qp2Lk9Xc4Vt1Rz8Nw0Y", "José Resident", "Chest CT: nodules",
            "2026-12-01T00:01:00Z", "VALID", Outcome.VALID);
    private static final CheckedCredential UNKNOWN = check("AAAAAAAAAAAAAAAAAAAAAA", null, null, "2026-12-03T10:00:00Z", "NOT_FOUND",
            Outcome.NOT_FOUND);
    private static final CheckedCredential OLD_CODE = check("CCCCCCCCCCCCCCCCCCCCCC", "Old record", "Knee MR", "2026-12-02T10:00:00Z",
            "SOMETHING_RETIRED", Outcome.EXPIRED);
    private static final List<CheckedCredential> ALL = List.of(ROSA, UNKNOWN, JOSE, OLD_CODE);

    private static CheckedCredential check(String id, String holder, String title, String at, String then, Outcome now) {
        return new CheckedCredential(id, holder, title, Instant.parse(at), then, now, null);
    }

    @Test
    void no_filter_keeps_every_check_newest_first() {
        assertThat(CheckFilter.NONE.isEmpty()).isTrue();
        assertThat(CheckFilter.NONE.apply(ALL)).containsExactly(UNKNOWN, OLD_CODE, JOSE, ROSA);
    }

    @Test
    void the_search_finds_the_holder_the_curriculum_or_the_certificate_id_in_any_case_and_without_accents() {
        assertThat(CheckFilter.NONE.withText("muller").apply(ALL)).containsExactly(ROSA);
        assertThat(CheckFilter.NONE.withText("  JOSÉ ").apply(ALL)).containsExactly(JOSE);
        assertThat(CheckFilter.NONE.withText("foundations").apply(ALL)).containsExactly(ROSA);
        assertThat(CheckFilter.NONE.withText("bm7qp2").apply(ALL)).containsExactly(JOSE);
        assertThat(CheckFilter.NONE.withText("resident").apply(ALL)).as("a word in a name").containsExactly(JOSE);
        assertThat(CheckFilter.NONE.withText("AAAA").apply(ALL)).as("a check without holder or title").containsExactly(UNKNOWN);
        assertThat(CheckFilter.NONE.withText("nobody").apply(ALL)).isEmpty();
        assertThat(CheckFilter.NONE.withText("   ").isEmpty()).isTrue();
    }

    @Test
    void the_result_then_and_the_status_now_filter_apart() {
        assertThat(CheckFilter.NONE.withThen(Outcome.VALID).apply(ALL)).containsExactly(JOSE, ROSA);
        assertThat(CheckFilter.NONE.withNow(Outcome.REVOKED).apply(ALL)).containsExactly(ROSA);
        assertThat(CheckFilter.NONE.withThen(Outcome.VALID).withNow(Outcome.VALID).apply(ALL)).containsExactly(JOSE);
        assertThat(CheckFilter.NONE.withThen(Outcome.EXPIRED).apply(ALL)).as("a result this version no longer knows is no result").isEmpty();
        assertThat(CheckFilter.NONE.withNow(Outcome.EXPIRED).apply(ALL)).containsExactly(OLD_CODE);
    }

    @Test
    void the_date_range_takes_whole_utc_days_at_both_ends_and_either_end_may_be_open() {
        var dec1 = LocalDate.parse("2026-12-01");
        assertThat(CheckFilter.NONE.withFrom(dec1).withTo(dec1).apply(ALL)).as("00:01 is in, 23:59 the day before is out").containsExactly(JOSE);
        assertThat(CheckFilter.NONE.withFrom(LocalDate.parse("2026-12-02")).apply(ALL)).containsExactly(UNKNOWN, OLD_CODE);
        assertThat(CheckFilter.NONE.withTo(LocalDate.parse("2026-11-30")).apply(ALL)).containsExactly(ROSA);
        var reversed = CheckFilter.NONE.withFrom(LocalDate.parse("2026-12-03")).withTo(dec1);
        assertThat(reversed.datesReversed()).isTrue();
        assertThat(reversed.apply(ALL)).isEmpty();
        assertThat(CheckFilter.NONE.withFrom(dec1).datesReversed()).isFalse();
    }

    @Test
    void filters_combine() {
        var filter = CheckFilter.NONE.withText("resident").withNow(Outcome.VALID).withFrom(LocalDate.parse("2026-12-01"));
        assertThat(filter.isEmpty()).isFalse();
        assertThat(filter.apply(ALL)).containsExactly(JOSE);
        assertThat(filter.withNow(Outcome.REVOKED).apply(ALL)).isEmpty();
    }
}
