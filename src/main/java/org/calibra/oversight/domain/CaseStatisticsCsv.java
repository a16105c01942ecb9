package org.calibra.oversight.domain;

import static org.calibra.shared.CsvWriter.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.OptionalDouble;
import org.calibra.oversight.CalibrationFlag;
import org.calibra.oversight.CaseCalibration;
import org.calibra.oversight.ItemEstimate;
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

    /** The calibrated-case columns that follow {@link #HEADER} when a calibration is written with the statistics. */
    public static final List<String> CALIBRATION_HEADER = List.of("Calibration model", "Calibration", "Difficulty", "Difficulty standard error",
            "Discrimination", "Discrimination standard error", "Difficulty unaided", "Difficulty unaided standard error", "Difficulty with the AI",
            "Difficulty with the AI standard error", "What the calibration suggests");

    private CaseStatisticsCsv() {
    }

    public static String write(List<CaseStatistics.CaseStat> stats) {
        return write(stats, Optional.empty());
    }

    /** The statistics and, per case, its calibration (matched by case id): model, status, estimates with standard errors, flags. */
    public static String write(List<CaseStatistics.CaseStat> stats, CaseCalibration calibration) {
        return write(stats, Optional.of(calibration));
    }

    private static String write(List<CaseStatistics.CaseStat> stats, Optional<CaseCalibration> calibration) {
        var header = new ArrayList<>(HEADER);
        calibration.ifPresent(c -> header.addAll(CALIBRATION_HEADER));
        var out = new CsvWriter().row(header);
        for (var s : stats) {
            var d = s.discrimination();
            var row = new ArrayList<>(List.of(text(s.caseTitle()), text(s.caseSlug()), Integer.toString(s.timesRead()), Integer.toString(s.correct().successes()), rate(s.correct()),
                    Integer.toString(s.lesionsFound().successes()), Integer.toString(s.lesionsFound().trials()), rate(s.lesionsFound()),
                    number(s.falseMarksPerRead()), Integer.toString(s.followedWrongAi().trials()), Integer.toString(s.followedWrongAi().successes()),
                    rate(s.followedWrongAi()), Integer.toString(s.followedRightAi().trials()), Integer.toString(s.followedRightAi().successes()),
                    rate(s.followedRightAi()), number(s.medianSeconds()), Integer.toString(d.upperReaders()), Integer.toString(d.lowerReaders()),
                    number(d.index()), d.flagged() ? "yes" : "no"));
            calibration.ifPresent(c -> row.addAll(calibrationCells(c, s.caseSlug())));
            out.row(row);
        }
        return out.toString();
    }

    private static List<String> calibrationCells(CaseCalibration calibration, String caseSlug) {
        var found = calibration.cases().stream().filter(c -> c.caseId().equals(caseSlug)).findFirst();
        if (found.isEmpty()) {
            return java.util.Collections.nCopies(CALIBRATION_HEADER.size(), "");
        }
        var c = found.get();
        var e = c.estimate();
        var ai = c.ai();
        return List.of(e.map(x -> x.model().inWords()).orElse(""), c.statusInWords(),
                number(e.map(ItemEstimate::difficulty)), number(e.map(ItemEstimate::seDifficulty)),
                number(e.map(ItemEstimate::discrimination)), number(e.map(ItemEstimate::seDiscrimination)),
                number(ai.map(CaseCalibration.AiComparison::unaidedDifficulty)), number(ai.map(CaseCalibration.AiComparison::seUnaided)),
                number(ai.map(CaseCalibration.AiComparison::withAiDifficulty)), number(ai.map(CaseCalibration.AiComparison::seWithAi)),
                String.join("; ", c.flags().stream().map(CalibrationFlag::inWords).toList()));
    }

    private static String number(Optional<Double> v) {
        return v.filter(Double::isFinite).map(x -> String.format(Locale.ROOT, "%.4f", x)).orElse("");
    }

    private static String rate(Proportion p) {
        return number(p.estimate());
    }

    private static String number(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.4f", v.getAsDouble()) : "";
    }
}
