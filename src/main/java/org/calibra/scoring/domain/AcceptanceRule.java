package org.calibra.scoring.domain;

/**
 * How close a mark must be to a lesion to localise it (Chakraborty's "proximity criterion").
 *
 * <p>The acceptance radius is {@code max(lesion radius, minRadiusMm)}: the floor keeps small
 * lesions from penalising normal pointing jitter. It applies only where the pixel spacing is
 * known; without it, mm cannot be converted and the lesion radius in pixels is used alone.
 *
 * @param minRadiusMm smallest acceptance radius in mm, &gt;= 0
 */
public record AcceptanceRule(double minRadiusMm) {

    /** 5 mm: about half a 1 cm nodule, the "touching coins" scale for small findings. */
    public static final double DEFAULT_MIN_RADIUS_MM = 5.0;

    public static final AcceptanceRule DEFAULT = new AcceptanceRule(DEFAULT_MIN_RADIUS_MM);

    public AcceptanceRule {
        Checks.requireFinite(minRadiusMm, "AcceptanceRule minRadiusMm");
        if (minRadiusMm < 0) {
            throw new IllegalArgumentException("AcceptanceRule minRadiusMm must be >= 0, was " + minRadiusMm);
        }
    }
}
