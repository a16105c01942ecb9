package org.calibra.scoring.irt;

/** Which item response model to fit; all use logit P(correct | θ) = a (θ − b) with θ ~ N(0, 1). */
public enum IrtModel {

    /** Each item has its own discrimination a and difficulty b (Birnbaum's 2PL). */
    TWO_PARAMETER_LOGISTIC("two-parameter logistic", 3),

    /** Rasch / 1PL: one discrimination shared by all items, estimated (ltm's {@code rasch(data)} default). */
    RASCH_COMMON_SLOPE("Rasch (common discrimination estimated)", 2),

    /** Rasch / 1PL in its classic form: discrimination fixed at 1, only difficulties estimated. */
    RASCH_UNIT_SLOPE("Rasch (discrimination fixed at 1)", 1);

    private final String description;
    private final int minimumItems;

    IrtModel(String description, int minimumItems) {
        this.description = description;
        this.minimumItems = minimumItems;
    }

    public String description() {
        return description;
    }

    /** Fewest items for which the model is identified. */
    int minimumItems() {
        return minimumItems;
    }
}
