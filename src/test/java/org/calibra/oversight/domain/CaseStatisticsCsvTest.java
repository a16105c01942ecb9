package org.calibra.oversight.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calibra.oversight.domain.CaseStatistics.Read;
import org.junit.jupiter.api.Test;

class CaseStatisticsCsvTest {

    @Test
    void a_header_row_then_one_row_per_case_with_empty_cells_for_figures_without_data() {
        var stats = CaseStatistics.compute(List.of("chest-1", "chest-2"), List.of(
                // right, 1 of 2 lesions, 1 false mark, AI seen and wrong, not followed, 12 s
                new Read(1, "chest-1", true, true, 2, 1, 1, true, false, 12_000),
                // wrong, 0 of 2, AI seen and wrong, followed, 18 s
                new Read(2, "chest-1", true, false, 2, 0, 0, true, false, 18_000)), java.util.Map.of("chest-1", "Chest X-ray: two nodules"));

        String csv = CaseStatisticsCsv.write(stats);

        var lines = csv.split("\r\n", -1);
        assertThat(lines).hasSize(4); // header, two cases, and the empty string after the last CRLF
        assertThat(lines[0]).isEqualTo(String.join(",", CaseStatisticsCsv.HEADER));
        assertThat(lines[0]).startsWith("Case,Case id,Times read,Right calls,Proportion correct,");
        // 1 of 2 right = 0.5; lesions 1 of 4 = 0.25; false marks 1 / 2 = 0.5; AI wrong on 2 reads, followed once = 0.5;
        // never right; median (12 + 18) / 2 = 15 s; each attempt read one case only: no rest score, no groups
        // named by its title, the slug after it as the case id; a case without a title by its slug in both
        assertThat(lines[1]).isEqualTo("Chest X-ray: two nodules,chest-1,2,1,0.5000,1,4,0.2500,0.5000,2,1,0.5000,0,0,,15.0000,0,0,,no");
        assertThat(lines[2]).isEqualTo("chest-2,chest-2,0,0,,0,0,,,0,0,,0,0,,,0,0,,no");
        assertThat(lines[3]).isEmpty();
    }

    @Test
    void text_with_a_comma_or_quote_is_quoted_and_a_formula_is_defused() {
        var stats = CaseStatistics.compute(List.of("a,\"b\"", "=cmd", "c"), List.of(), java.util.Map.of("c", "Knee MR, \"bucket handle\" tear"));

        var lines = CaseStatisticsCsv.write(stats).split("\r\n");

        assertThat(lines[1]).startsWith("\"a,\"\"b\"\"\",\"a,\"\"b\"\"\",0,");
        assertThat(lines[2]).startsWith("'=cmd,'=cmd,0,");
        assertThat(lines[3]).startsWith("\"Knee MR, \"\"bucket handle\"\" tear\",c,0,");
    }

    @Test
    void the_calibration_follows_each_case_estimates_with_standard_errors_or_the_reason_there_are_none() {
        var stats = CaseStatistics.compute(List.of("chest-1", "chest-2"), List.of());
        var model = org.calibra.oversight.CalibrationModel.TWO_PARAMETER_LOGISTIC;
        var calibration = new org.calibra.oversight.CaseCalibration(java.util.Optional.of(model), "reason", 40, List.of(
                new org.calibra.oversight.CaseCalibration.CalibratedCase("chest-1", org.calibra.oversight.CaseCalibration.Status.CALIBRATED, 40, 10, 10,
                        java.util.Optional.of(new org.calibra.oversight.ItemEstimate("chest-1", 1.5, 0.25, -0.9, 0.3, model)),
                        java.util.Optional.of(new org.calibra.oversight.CaseCalibration.AiComparison(0.5, 0.2, 1.5, 0.25, model)),
                        List.of(org.calibra.oversight.CalibrationFlag.DISCRIMINATES_NEGATIVELY, org.calibra.oversight.CalibrationFlag.HARDER_WITH_AI)),
                new org.calibra.oversight.CaseCalibration.CalibratedCase("chest-2", org.calibra.oversight.CaseCalibration.Status.TOO_FEW_READS, 4, 2, 10,
                        java.util.Optional.empty(), java.util.Optional.empty(), List.of())), true);

        var lines = CaseStatisticsCsv.write(stats, calibration).split("\r\n");

        assertThat(lines[0]).endsWith(",Possibly wrong truth," + String.join(",", CaseStatisticsCsv.CALIBRATION_HEADER));
        assertThat(lines[1]).endsWith(",no,two-parameter logistic model (each case its own difficulty and discrimination),calibrated,1.5000,0.2500,"
                + "-0.9000,0.3000,0.5000,0.2000,1.5000,0.2500,Discriminates negatively — check the ground truth; Harder with the AI shown");
        assertThat(lines[2]).endsWith(",no,,not enough reads to calibrate (4 of 10 needed),,,,,,,,,");
    }
}
