package org.calibra.oversight.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.calibra.oversight.domain.PassRates.Decision;
import org.junit.jupiter.api.Test;

class PassRatesTest {

    /** March: 1 passed of 2 (the last minute of 31 March UTC is still March); April: 0 of 1; May: 1 of 1; no month in between. */
    @Test
    void decided_attempts_are_counted_per_month_of_the_decision_in_utc() {
        var months = PassRates.monthly(List.of(
                new Decision(Instant.parse("2026-03-31T23:59:00Z"), true),
                new Decision(Instant.parse("2026-04-01T00:00:00Z"), false),
                new Decision(Instant.parse("2026-03-02T10:00:00Z"), false),
                new Decision(Instant.parse("2026-06-10T10:00:00Z"), true)));

        assertThat(months).extracting(PassRates.Month::month)
                .containsExactly(YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 6));
        assertThat(months.get(0).passed().successes()).isEqualTo(1);
        assertThat(months.get(0).passed().trials()).isEqualTo(2);
        assertThat(months.get(1).passed().estimate()).hasValue(0.0);
        assertThat(months.get(2).passed().estimate()).hasValue(1.0);
        assertThat(PassRates.monthly(List.of())).isEmpty();
    }
}
