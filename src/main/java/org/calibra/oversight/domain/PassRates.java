package org.calibra.oversight.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import org.calibra.scoring.domain.Proportion;

/**
 * The pass rate of decided attempts per calendar month (UTC) of their decision (docs/metrics.md, "Cohort view"): passed
 * among decided (passed or ended without passing), with its Wilson 95% interval. Months without a decision are left out.
 */
public final class PassRates {

    private PassRates() {
    }

    public record Decision(Instant decidedAt, boolean passed) {}

    public record Month(YearMonth month, Proportion passed) {}

    public static List<Month> monthly(List<Decision> decisions) {
        var passed = new TreeMap<YearMonth, int[]>();
        for (Decision d : decisions) {
            int[] c = passed.computeIfAbsent(YearMonth.from(d.decidedAt().atZone(ZoneOffset.UTC)), k -> new int[2]);
            c[0] += d.passed() ? 1 : 0;
            c[1]++;
        }
        return passed.entrySet().stream().map(e -> new Month(e.getKey(), Proportion.wilson(e.getValue()[0], e.getValue()[1]))).toList();
    }
}
