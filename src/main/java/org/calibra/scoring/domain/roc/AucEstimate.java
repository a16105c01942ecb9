package org.calibra.scoring.domain.roc;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An empirical ROC AUC with its DeLong variance.
 *
 * @param auc       Wilcoxon–Mann–Whitney AUC, 0..1
 * @param normals   number of normal cases (n0)
 * @param abnormals number of abnormal cases (n1)
 * @param variance  DeLong et al. (1988) variance; empty when n0 &lt; 2 or n1 &lt; 2, where the
 *                  sample variances of the structural components are undefined
 */
public record AucEstimate(double auc, int normals, int abnormals, OptionalDouble variance) {

    /** Φ⁻¹(0.975), as in {@code Proportion.Z_95}. */
    public static final double Z_95 = 1.959963984540054;

    public AucEstimate {
        if (!(0 <= auc && auc <= 1)) {
            throw new IllegalArgumentException("auc must be in [0, 1], was " + auc);
        }
        if (variance == null || (variance.isPresent() && !(variance.getAsDouble() >= 0))) {
            throw new IllegalArgumentException("variance must be present and >= 0, or empty");
        }
    }

    public OptionalDouble standardError() {
        return variance.isPresent() ? OptionalDouble.of(Math.sqrt(variance.getAsDouble())) : OptionalDouble.empty();
    }

    /**
     * Wald interval AUC ± z·SE, clipped to [0, 1]. Near 1 with few cases it is too narrow and
     * would leave [0, 1] without the clip; {@link #logitCi95()} behaves better there. When all
     * pairs are ordered (AUC 0 or 1) the DeLong variance is 0 and this interval has zero width.
     */
    public Optional<ConfidenceInterval> ci95() {
        if (variance.isEmpty()) {
            return Optional.empty();
        }
        double half = Z_95 * Math.sqrt(variance.getAsDouble());
        return Optional.of(new ConfidenceInterval(Math.max(0, auc - half), Math.min(1, auc + half)));
    }

    /**
     * Interval on the logit scale, back-transformed: logit(A) ± z·SE/(A(1 − A)) (delta method), so
     * it stays inside (0, 1) and is asymmetric near the boundary. Empty when the variance is, or
     * when A is 0 or 1, where the logit is infinite.
     */
    public Optional<ConfidenceInterval> logitCi95() {
        if (variance.isEmpty() || auc <= 0 || auc >= 1) {
            return Optional.empty();
        }
        double logit = Math.log(auc / (1 - auc));
        double half = Z_95 * Math.sqrt(variance.getAsDouble()) / (auc * (1 - auc));
        return Optional.of(new ConfidenceInterval(expit(logit - half), expit(logit + half)));
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
