package org.calibra.oversight.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calibra.oversight.CalibrationFlag;
import org.calibra.oversight.CalibrationModel;
import org.calibra.oversight.CaseCalibration;
import org.calibra.oversight.CaseCalibration.AiComparison;
import org.calibra.oversight.CaseCalibration.CalibratedCase;
import org.calibra.oversight.CaseCalibration.Status;
import org.calibra.oversight.ItemEstimate;
import org.calibra.scoring.irt.IrtCalibration;
import org.calibra.scoring.irt.ItemParameters;
import org.calibra.scoring.irt.Rasch;
import org.calibra.scoring.irt.TwoParameterLogistic;

/**
 * Calibrates a module's cases from right/wrong case calls (docs/metrics.md, "Calibrated cases"): the 2PL when every case
 * has enough reads for a discrimination of its own and the fit is sound, otherwise Rasch; cases with too few reads, or
 * called right (or wrong) by everyone, get no number, only the reason. For second-reader modules each case's difficulty
 * is also fitted from the unaided first reads, to see which cases the AI makes harder.
 */
public final class CaseCalibrator {

    /** Reads a case needs before it is calibrated at all. */
    public static final int MINIMUM_READS = 10;
    /** Reads every calibrated case needs before each gets its own discrimination (the 2PL). */
    public static final int MINIMUM_READS_2PL = 30;
    /** A fitted discrimination steeper than this is the sign of near-perfect separation on few reads, not a real slope. */
    public static final double MAXIMUM_DISCRIMINATION = 6;
    /**
     * A difficulty further from the average reader than this is not a measurement: it is what a slope near zero (cases
     * that do not hang together on these reads) does to b = −c / a. Nobody's ability is 10 standard deviations out.
     */
    public static final double MAXIMUM_DIFFICULTY = 10;
    /** "Hard": difficulty above this (an average reader is right less than about a quarter to a third of the time). */
    public static final double HARD_ABOVE = 1;
    /** "Easy": difficulty below this. */
    public static final double EASY_BELOW = -1;
    /** "Discriminates well": at least this discrimination (Baker's "high", 1.35 on the logistic scale). */
    public static final double HIGH_DISCRIMINATION = 1.35;
    /** The two-sided 95% normal quantile: the flags ask for the 95% interval to be on the flagged side. */
    static final double Z = 1.959963984540054;

    private CaseCalibrator() {
    }

    /**
     * @param cases   the module's cases in the order to show them (cases read but not listed follow)
     * @param reads   the counted final reads (for a second-reader module: with the AI shown)
     * @param unaided the counted unaided first reads of a second-reader module; empty otherwise
     * @param secondReader whether the module is read first unaided, then with the AI
     */
    public static CaseCalibration calibrate(List<String> cases, List<ResponseMatrix.Response> reads, List<ResponseMatrix.Response> unaided,
                                            boolean secondReader) {
        var matrix = ResponseMatrix.of(cases, reads);
        List<String> eligible = eligible(matrix);
        Fit fit = fit(matrix, eligible, null);
        Map<String, AiComparison> ai = secondReader && fit.calibration().isPresent()
                ? compare(matrix, ResponseMatrix.of(matrix.cases(), unaided), fit.model().orElseThrow()) : Map.of();
        List<CalibratedCase> result = new ArrayList<>();
        for (String caseId : matrix.cases()) {
            int n = matrix.reads(caseId);
            int right = matrix.right(caseId);
            Status status = n < MINIMUM_READS ? Status.TOO_FEW_READS : right == n ? Status.ALL_RIGHT : right == 0 ? Status.ALL_WRONG
                    : fit.calibration().isPresent() ? Status.CALIBRATED : eligible.size() < 2 ? Status.TOO_FEW_CASES : Status.NOT_FITTED;
            Optional<ItemEstimate> estimate = status == Status.CALIBRATED
                    ? Optional.of(estimate(fit.calibration().get().item(caseId), fit.model().get())) : Optional.empty();
            Optional<AiComparison> comparison = Optional.ofNullable(ai.get(caseId));
            result.add(new CalibratedCase(caseId, status, n, right, MINIMUM_READS, estimate, estimate.isPresent() ? comparison : Optional.empty(),
                    estimate.map(e -> flags(e, comparison)).orElse(List.of())));
        }
        return new CaseCalibration(fit.model(), fit.reason(), fit.calibration().isPresent() ? matrix.readersOf(eligible) : matrix.readers(),
                result, secondReader);
    }

    /** Cases with enough reads and both right and wrong calls. */
    static List<String> eligible(ResponseMatrix matrix) {
        return matrix.cases().stream().filter(c -> {
            int n = matrix.reads(c);
            int right = matrix.right(c);
            return n >= MINIMUM_READS && right > 0 && right < n;
        }).toList();
    }

    private record Fit(Optional<CalibrationModel> model, String reason, Optional<IrtCalibration> calibration) {
        static Fit none(String reason) {
            return new Fit(Optional.empty(), reason, Optional.empty());
        }
    }

    /**
     * The 2PL when the data can carry it and its fit is sound, otherwise Rasch; {@code only} forces one model (used to
     * compare unaided with aided reads under the same model). Empty, with the reason, when no fit can be trusted.
     */
    private static Fit fit(ResponseMatrix matrix, List<String> cases, CalibrationModel only) {
        if (cases.size() < 2) {
            return Fit.none("No case can be calibrated yet: calibration needs at least 2 cases each read at least " + MINIMUM_READS
                    + " times with both right and wrong calls (" + cases.size() + " so far).");
        }
        var responses = matrix.responses(cases);
        String why2pl;
        boolean enoughFor2pl = cases.size() >= 3 && cases.stream().allMatch(c -> matrix.reads(c) >= MINIMUM_READS_2PL);
        if (only == CalibrationModel.RASCH) {
            why2pl = "Rasch model, to compare with the unaided reads under the same model.";
        } else if (!enoughFor2pl) {
            why2pl = "Rasch model: a discrimination per case (the two-parameter model) needs at least 3 calibrated cases, each read at least "
                    + MINIMUM_READS_2PL + " times.";
        } else {
            IrtCalibration twoPl = TwoParameterLogistic.fit(responses);
            if (sound(twoPl, true)) {
                return new Fit(Optional.of(CalibrationModel.TWO_PARAMETER_LOGISTIC),
                        "Two-parameter logistic model: every calibrated case has at least " + MINIMUM_READS_2PL + " reads.", Optional.of(twoPl));
            }
            why2pl = "Rasch model: the two-parameter model's fit did not settle on these reads (a discrimination could not be pinned down).";
        }
        if (only == CalibrationModel.TWO_PARAMETER_LOGISTIC) {
            return Fit.none(why2pl);
        }
        IrtCalibration rasch = Rasch.fit(responses);
        if (sound(rasch, false)) {
            return new Fit(Optional.of(CalibrationModel.RASCH), why2pl, Optional.of(rasch));
        }
        return Fit.none("No case could be calibrated: the model's fit did not settle on these reads; more reads are needed.");
    }

    /**
     * Converged, every estimate and standard error finite, no slope so steep that it only says "perfect separation" and no
     * difficulty so far out that it only says "slope near zero".
     */
    private static boolean sound(IrtCalibration c, boolean perItemSlope) {
        return c.converged() && c.items().stream().allMatch(p -> Double.isFinite(p.difficulty()) && Double.isFinite(p.difficultySe())
                && Math.abs(p.difficulty()) <= MAXIMUM_DIFFICULTY
                && Double.isFinite(p.discrimination()) && Math.abs(p.discrimination()) <= MAXIMUM_DISCRIMINATION
                && (!perItemSlope || Double.isFinite(p.discriminationSe())));
    }

    private static ItemEstimate estimate(ItemParameters p, CalibrationModel model) {
        return new ItemEstimate(p.item(), p.difficulty(), p.difficultySe(), p.discrimination(), p.discriminationSe(), model);
    }

    /**
     * Difficulty unaided and with the AI, for the cases calibratable in both phases, each phase fitted on its own with the
     * same model (the aided fit's, falling back to Rasch for both). Both fits standardise ability over the same attempts,
     * so the two difficulties are on one scale.
     */
    private static Map<String, AiComparison> compare(ResponseMatrix aided, ResponseMatrix unaided, CalibrationModel model) {
        var inUnaided = eligible(unaided);
        List<String> both = eligible(aided).stream().filter(inUnaided::contains).toList();
        for (CalibrationModel m : model == CalibrationModel.RASCH ? List.of(CalibrationModel.RASCH)
                : List.of(CalibrationModel.TWO_PARAMETER_LOGISTIC, CalibrationModel.RASCH)) {
            Fit withAi = fit(aided, both, m);
            Fit without = withAi.calibration().isPresent() ? fit(unaided, both, m) : withAi;
            if (withAi.calibration().isPresent() && without.calibration().isPresent() && withAi.model().equals(without.model())) {
                Map<String, AiComparison> result = new HashMap<>();
                for (String c : both) {
                    ItemParameters a = withAi.calibration().get().item(c);
                    ItemParameters u = without.calibration().get().item(c);
                    result.put(c, new AiComparison(u.difficulty(), u.difficultySe(), a.difficulty(), a.difficultySe(), m));
                }
                return result;
            }
        }
        return Map.of();
    }

    /** The flags of one estimate (rules in docs/metrics.md, "Calibrated cases"). */
    static List<CalibrationFlag> flags(ItemEstimate e, Optional<AiComparison> ai) {
        List<CalibrationFlag> flags = new ArrayList<>();
        double b = e.difficulty();
        double a = e.discrimination();
        boolean ownSlope = e.model() == CalibrationModel.TWO_PARAMETER_LOGISTIC;
        // with a negative slope "difficulty" no longer means hard or easy: only the negative flag is said
        if (a > 0 && b > HARD_ABOVE && b - Z * e.seDifficulty() > 0) {
            flags.add(CalibrationFlag.HARD);
        }
        if (a > 0 && b < EASY_BELOW && b + Z * e.seDifficulty() < 0) {
            flags.add(CalibrationFlag.EASY);
        }
        if (ownSlope && a >= HIGH_DISCRIMINATION && a - Z * e.seDiscrimination() > 0) {
            flags.add(CalibrationFlag.DISCRIMINATES_WELL);
        }
        if (ownSlope && a + Z * e.seDiscrimination() < 0) {
            flags.add(CalibrationFlag.DISCRIMINATES_NEGATIVELY);
        }
        if (ai.isPresent() && ai.get().difference() > Z * ai.get().seDifference()) {
            flags.add(CalibrationFlag.HARDER_WITH_AI);
        }
        return flags;
    }
}
