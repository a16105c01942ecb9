package org.calibra.oversight;

/** What a case's calibration suggests to an educator; each rule is in docs/metrics.md, "Calibrated cases". */
public enum CalibrationFlag {

    HARD("Hard"),
    EASY("Easy"),
    DISCRIMINATES_WELL("Discriminates well"),
    DISCRIMINATES_NEGATIVELY("Discriminates negatively — check the ground truth"),
    HARDER_WITH_AI("Harder with the AI shown");

    private final String words;

    CalibrationFlag(String words) {
        this.words = words;
    }

    public String inWords() {
        return words;
    }
}
