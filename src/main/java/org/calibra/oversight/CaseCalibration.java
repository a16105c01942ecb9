package org.calibra.oversight;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A module's cases calibrated from its stored reads (docs/metrics.md, "Calibrated cases"): which model was fitted and
 * why, and per case either its estimate with plain-language flags or the reason it has none.
 *
 * @param model       the model fitted; empty when no case could be calibrated
 * @param modelReason why this model (or why none), in words
 * @param readers     attempts whose reads went into the fit (each attempt is one respondent)
 * @param cases       one entry per case, in the order asked for
 * @param aiCompared  whether the module is read first unaided then with the AI (second reader), so cases can be compared
 */
public record CaseCalibration(Optional<CalibrationModel> model, String modelReason, int readers, List<CalibratedCase> cases,
                              boolean aiCompared) {

    public CaseCalibration {
        cases = List.copyOf(cases);
    }

    /** The estimates of the calibrated cases, for anything that consumes the parameters (adaptive selection, simulation). */
    public List<ItemEstimate> estimates() {
        return cases.stream().flatMap(c -> c.estimate().stream()).toList();
    }

    /** The estimate of one case, empty when it was not calibrated (or is not in the module). */
    public Optional<ItemEstimate> estimate(String caseId) {
        return cases.stream().filter(c -> c.caseId().equals(caseId)).findFirst().flatMap(CalibratedCase::estimate);
    }

    /** Why a case has (or has no) estimate. */
    public enum Status {
        CALIBRATED,
        /** Fewer reads than {@code needed}. */
        TOO_FEW_READS,
        /** Every read of it was right: there is no difficulty to estimate, only "easier than every reader". */
        ALL_RIGHT,
        /** Every read of it was wrong. */
        ALL_WRONG,
        /** Enough reads, but too few other cases could be calibrated alongside it. */
        TOO_FEW_CASES,
        /** Enough reads, but no model's fit settled. */
        NOT_FITTED
    }

    /**
     * One case.
     *
     * @param reads    reads (respondents) of the case that count for calibration
     * @param right    of them, right calls
     * @param needed   reads a case needs before it is calibrated
     * @param estimate its parameters when {@code status} is CALIBRATED
     * @param ai       difficulty unaided vs with the AI shown, when both could be calibrated
     * @param flags    what the estimate suggests, in the order of {@link CalibrationFlag}
     */
    public record CalibratedCase(String caseId, Status status, int reads, int right, int needed, Optional<ItemEstimate> estimate,
                                 Optional<AiComparison> ai, List<CalibrationFlag> flags) {

        public CalibratedCase {
            flags = List.copyOf(flags);
        }

        /** The status as an educator reads it: the reason there is no number, or "calibrated". */
        public String statusInWords() {
            return switch (status) {
                case CALIBRATED -> "calibrated";
                case TOO_FEW_READS -> "not enough reads to calibrate (" + reads + " of " + needed + " needed)";
                case ALL_RIGHT -> "everyone got it right (" + reads + " reads): no difficulty to estimate";
                case ALL_WRONG -> "everyone got it wrong (" + reads + " reads): no difficulty to estimate";
                case TOO_FEW_CASES -> "not enough other cases have enough reads to calibrate it against";
                case NOT_FITTED -> "the model could not be fitted to these reads";
            };
        }
    }

    /**
     * A case's difficulty from the unaided first reads and from the reads with the AI shown, fitted separately with the
     * same model on the same attempts.
     */
    public record AiComparison(double unaidedDifficulty, double seUnaided, double withAiDifficulty, double seWithAi, CalibrationModel model) {

        /** Difficulty with the AI minus without: positive when the case is harder with the AI shown. */
        public double difference() {
            return withAiDifficulty - unaidedDifficulty;
        }

        /** Standard error of the difference, treating the two fits as independent (conservative: see docs/metrics.md). */
        public double seDifference() {
            return Math.sqrt(seUnaided * seUnaided + seWithAi * seWithAi);
        }

        public String inWords() {
            return String.format(Locale.ROOT, "unaided %.2f (SE %.2f), with the AI %.2f (SE %.2f)", unaidedDifficulty, seUnaided,
                    withAiDifficulty, seWithAi);
        }
    }
}
