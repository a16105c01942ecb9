package org.calibra.oversight.domain;

import static org.calibra.shared.CsvWriter.text;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.calibra.scoring.domain.Proportion;
import org.calibra.shared.CsvWriter;

/**
 * Case statistics as CSV ({@link CsvWriter}: RFC 4180): a header row in words, then one row per case, named by its title,
 * with its slug as "Case id" (for matching with other exports). Proportions and rates are decimals with four places; a
 * figure without data is an empty cell. Titles and ids go through {@link CsvWriter#text}, so none runs as a formula.
 */
public final class CaseStatisticsCsv {

    public static final List<String> HEADER = List.of("Case", "Case id", "Times read", "Right calls", "Proportion correct", "Lesions found",
            "Lesions shown", "Proportion of lesions found", "False marks per read", "Reads with the AI wrong", "Followed the wrong AI",
            "AI trap rate", "Reads with the AI right", "Followed the right AI", "Rate of following the right AI", "Median reading time (seconds)",
            "Upper group readers", "Lower group readers", "Discrimination index", "Possibly wrong truth");

    private CaseStatisticsCsv() {
    }

    public static String write(List<CaseStatistics.CaseStat> stats) {
        var out = new CsvWriter().row(HEADER);
        for (var s : stats) {
            var d = s.discrimination();
            out.row(List.of(text(s.caseTitle()), text(s.caseSlug()), Integer.toString(s.timesRead()), Integer.toString(s.correct().successes()), rate(s.correct()),
                    Integer.toString(s.lesionsFound().successes()), Integer.toString(s.lesionsFound().trials()), rate(s.lesionsFound()),
                    number(s.falseMarksPerRead()), Integer.toString(s.followedWrongAi().trials()), Integer.toString(s.followedWrongAi().successes()),
                    rate(s.followedWrongAi()), Integer.toString(s.followedRightAi().trials()), Integer.toString(s.followedRightAi().successes()),
                    rate(s.followedRightAi()), number(s.medianSeconds()), Integer.toString(d.upperReaders()), Integer.toString(d.lowerReaders()),
                    number(d.index()), d.flagged() ? "yes" : "no"));
        }
        return out.toString();
    }

    private static String rate(Proportion p) {
        return number(p.estimate());
    }

    private static String number(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.4f", v.getAsDouble()) : "";
    }
}
