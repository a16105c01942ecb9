package org.calibra.oversight;

/** The item response model a module's cases were calibrated with (docs/metrics.md, "Calibrated cases"). */
public enum CalibrationModel {

    /** Birnbaum's 2PL: each case has its own difficulty and discrimination. */
    TWO_PARAMETER_LOGISTIC("two-parameter logistic model (each case its own difficulty and discrimination)"),

    /** Rasch / 1PL with the common discrimination estimated: each case its own difficulty, one discrimination for all. */
    RASCH("Rasch model (each case its own difficulty, one discrimination shared by all cases)");

    private final String words;

    CalibrationModel(String words) {
        this.words = words;
    }

    /** The model's name and what it estimates, for educators. */
    public String inWords() {
        return words;
    }
}
