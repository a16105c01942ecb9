package org.calibra.scoring.domain;

/**
 * A localised finding reported by the AI.
 *
 * @param id          unique within the AI result for the case
 * @param imageIndex  which image of the case's stack (0-based)
 * @param x           pixel column
 * @param y           pixel row
 * @param probability the AI's probability that this is a lesion, 0..1
 * @param label       finding type; may be {@code null}
 */
public record AiMark(String id, int imageIndex, double x, double y, double probability, String label) {

    public AiMark {
        Checks.requireId(id, "AiMark id");
        Checks.requireNonNegative(imageIndex, "AiMark " + id + " imageIndex");
        Checks.requireFinite(x, "AiMark " + id + " x");
        Checks.requireFinite(y, "AiMark " + id + " y");
        Checks.requireUnitInterval(probability, "AiMark " + id + " probability");
    }

    /**
     * The probability on the readers' 1..5 scale, in equal bins: [0, 0.2) → 1, [0.2, 0.4) → 2,
     * [0.4, 0.6) → 3, [0.6, 0.8) → 4, [0.8, 1] → 5. Lets AI and reader ratings be shown alike.
     */
    public int rating() {
        return 1 + Math.min(4, (int) Math.floor(probability * 5));
    }
}
