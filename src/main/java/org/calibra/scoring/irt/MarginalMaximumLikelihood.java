package org.calibra.scoring.irt;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Bock–Aitkin EM for binary item response models, then Newton–Raphson on the marginal likelihood to polish
 * the optimum and get the observed information for the standard errors.
 *
 * <p>Internally the parameters are in slope–intercept form, logit P = a θ + c (c = −a b), because the
 * complete-data likelihood is then a weighted logistic regression, concave in (c, a). The vector holds the
 * item intercepts c_0..c_{I-1} followed by the slopes: one per item (2PL), one shared (Rasch), or none (unit slope).
 */
final class MarginalMaximumLikelihood {

    private static final int MAX_NEWTON_STEPS = 50;
    private static final int MAX_HALVINGS = 30;
    private static final double GRADIENT_TOLERANCE = 1e-5;

    private final ItemResponses data;
    private final IrtModel model;
    private final FitOptions options;
    private final Quadrature quadrature;
    private final int items;
    private final int dimension;

    MarginalMaximumLikelihood(ItemResponses data, IrtModel model, FitOptions options) {
        this.data = data;
        this.model = model;
        this.options = options;
        this.quadrature = Quadrature.standardNormal(options.quadraturePoints());
        this.items = data.itemCount();
        this.dimension = switch (model) {
            case TWO_PARAMETER_LOGISTIC -> 2 * items;
            case RASCH_COMMON_SLOPE -> items + 1;
            case RASCH_UNIT_SLOPE -> items;
        };
    }

    IrtCalibration fit() {
        requireCalibratable();
        double[] x = startingValues();
        int iterations = 0;
        boolean emConverged = false;
        while (iterations < options.maxIterations() && !emConverged) {
            double[] next = maximisationStep(x, expectationStep(x));
            iterations++;
            emConverged = maxAbsDifference(next, x) < options.tolerance();
            x = next;
        }
        x = newtonPolish(x);
        Derivatives at = derivatives(x);
        RealMatrix covariance = covariance(at.hessian());
        boolean converged = emConverged && covariance != null && maxAbs(at.gradient()) < GRADIENT_TOLERANCE * data.persons();
        return new IrtCalibration(model, itemParameters(x, covariance), at.logLikelihood(), iterations, converged,
                quadrature.size(), data.persons());
    }

    // ---------- set-up ----------

    private void requireCalibratable() {
        if (items < model.minimumItems()) {
            throw new IllegalArgumentException("the " + model.description() + " model needs at least "
                    + model.minimumItems() + " items; the data have " + items);
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            double[] ac = data.answeredAndCorrect(i);
            String label = "'" + data.items().get(i) + "'";
            if (ac[0] == 0) {
                problems.add(label + " was answered by nobody");
            } else if (ac[1] == ac[0]) {
                problems.add(label + " was answered correctly by all " + fmt(ac[0]) + " who answered it");
            } else if (ac[1] == 0) {
                problems.add(label + " was answered incorrectly by all " + fmt(ac[0]) + " who answered it");
            }
        }
        if (!problems.isEmpty()) {
            throw new DegenerateItemsException(problems);
        }
    }

    private static String fmt(double count) {
        return count == Math.rint(count) ? Long.toString((long) count) : Double.toString(count);
    }

    /** Intercepts from the observed proportions correct (logit p), slopes 1. */
    private double[] startingValues() {
        double[] x = new double[dimension];
        for (int i = 0; i < items; i++) {
            double[] ac = data.answeredAndCorrect(i);
            double p = ac[1] / ac[0];
            x[i] = Math.log(p / (1 - p));
        }
        for (int j = items; j < dimension; j++) {
            x[j] = 1;
        }
        return x;
    }

    private int slopeIndex(int item) {
        return switch (model) {
            case TWO_PARAMETER_LOGISTIC -> items + item;
            case RASCH_COMMON_SLOPE -> items;
            case RASCH_UNIT_SLOPE -> -1;
        };
    }

    private double slope(double[] x, int item) {
        int j = slopeIndex(item);
        return j < 0 ? 1 : x[j];
    }

    /** P(correct) for every item at every quadrature node. */
    private double[][] probabilities(double[] x) {
        double[][] p = new double[items][quadrature.size()];
        for (int i = 0; i < items; i++) {
            double a = slope(x, i);
            for (int k = 0; k < quadrature.size(); k++) {
                p[i][k] = logistic(a * quadrature.nodes()[k] + x[i]);
            }
        }
        return p;
    }

    private static double logistic(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    // ---------- E-step ----------

    /** Posterior weights of each pattern over the nodes, and the log-likelihood (the E-step). */
    private record Posterior(double[][] weights, double logLikelihood) {
    }

    private Posterior posterior(double[][] p) {
        int nodes = quadrature.size();
        double[][] h = new double[data.patternCount()][nodes];
        double logLikelihood = 0;
        for (int r = 0; r < data.patternCount(); r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < nodes; k++) {
                double log = Math.log(quadrature.weights()[k]);
                for (int i = 0; i < items; i++) {
                    int u = data.response(r, i);
                    if (u != ItemResponses.MISSING) {
                        log += Math.log(u == 1 ? p[i][k] : 1 - p[i][k]);
                    }
                }
                h[r][k] = log;
                max = Math.max(max, log);
            }
            double sum = 0;
            for (int k = 0; k < nodes; k++) {
                h[r][k] = Math.exp(h[r][k] - max);
                sum += h[r][k];
            }
            for (int k = 0; k < nodes; k++) {
                h[r][k] /= sum;
            }
            logLikelihood += data.count(r) * (max + Math.log(sum));
        }
        return new Posterior(h, logLikelihood);
    }

    /** Expected number answering (n) and answering correctly (r) for each item at each node. */
    private record ExpectedCounts(double[][] answered, double[][] correct) {
    }

    private ExpectedCounts expectationStep(double[] x) {
        double[][] h = posterior(probabilities(x)).weights();
        int nodes = quadrature.size();
        double[][] n = new double[items][nodes];
        double[][] r = new double[items][nodes];
        for (int pattern = 0; pattern < data.patternCount(); pattern++) {
            double f = data.count(pattern);
            for (int i = 0; i < items; i++) {
                int u = data.response(pattern, i);
                if (u == ItemResponses.MISSING) {
                    continue;
                }
                for (int k = 0; k < nodes; k++) {
                    n[i][k] += f * h[pattern][k];
                    if (u == 1) {
                        r[i][k] += f * h[pattern][k];
                    }
                }
            }
        }
        return new ExpectedCounts(n, r);
    }

    // ---------- M-step ----------

    /**
     * One Newton step on the expected complete-data log-likelihood Q (a weighted logistic regression at the
     * nodes), halved until Q does not decrease: a generalised EM step, so the marginal likelihood never falls.
     */
    private double[] maximisationStep(double[] x, ExpectedCounts e) {
        double[][] p = probabilities(x);
        double[] gradient = new double[dimension];
        double[][] hessian = new double[dimension][dimension];
        for (int i = 0; i < items; i++) {
            int s = slopeIndex(i);
            for (int k = 0; k < quadrature.size(); k++) {
                double theta = quadrature.nodes()[k];
                double residual = e.correct()[i][k] - e.answered()[i][k] * p[i][k];
                double w = e.answered()[i][k] * p[i][k] * (1 - p[i][k]);
                addCell(gradient, hessian, i, s, theta, residual, w);
            }
        }
        double[] step = newtonDirection(gradient, hessian);
        if (step == null) {
            return x;
        }
        double q0 = expectedCompleteLogLikelihood(x, e);
        double scale = 1;
        for (int halving = 0; halving < MAX_HALVINGS; halving++, scale /= 2) {
            double[] candidate = add(x, step, scale);
            if (expectedCompleteLogLikelihood(candidate, e) >= q0) {
                return candidate;
            }
        }
        return x;
    }

    /** Adds one node's contribution (score residual, information weight w) of item i to gradient and Hessian. */
    private static void addCell(double[] g, double[][] h, int c, int s, double theta, double residual, double w) {
        g[c] += residual;
        if (s >= 0) {
            g[s] += theta * residual;
        }
        subtractInformation(h, c, s, theta, w);
    }

    /** Subtracts w·[1 θ; θ θ²] (the logistic information at one node) from the (c, s) block of h. */
    private static void subtractInformation(double[][] h, int c, int s, double theta, double w) {
        h[c][c] -= w;
        if (s >= 0) {
            h[c][s] -= w * theta;
            h[s][c] -= w * theta;
            h[s][s] -= w * theta * theta;
        }
    }

    private double expectedCompleteLogLikelihood(double[] x, ExpectedCounts e) {
        double[][] p = probabilities(x);
        double q = 0;
        for (int i = 0; i < items; i++) {
            for (int k = 0; k < quadrature.size(); k++) {
                double r = e.correct()[i][k];
                double wrong = e.answered()[i][k] - r;
                q += r * Math.log(p[i][k]) + wrong * Math.log(1 - p[i][k]);
            }
        }
        return Double.isNaN(q) ? Double.NEGATIVE_INFINITY : q;
    }

    // ---------- marginal derivatives, Newton polish, information ----------

    record Derivatives(double logLikelihood, double[] gradient, double[][] hessian) {
    }

    /**
     * Exact gradient and Hessian of the marginal log-likelihood Σ_p f_p log Σ_k A_k L_p(θ_k). For one pattern,
     * with posterior h_k and complete-data score s_k and Hessian H_k at node k (Louis 1982):
     * ∇ = Σ_k h_k s_k and ∇² = Σ_k h_k (H_k + s_k s_kᵀ) − ∇∇ᵀ.
     */
    Derivatives derivatives(double[] x) {
        double[][] p = probabilities(x);
        Posterior post = posterior(p);
        int nodes = quadrature.size();
        double[] gradient = new double[dimension];
        double[][] hessian = new double[dimension][dimension];
        double[] score = new double[dimension];
        double[] patternGradient = new double[dimension];
        for (int r = 0; r < data.patternCount(); r++) {
            double f = data.count(r);
            if (f == 0) {
                continue;
            }
            java.util.Arrays.fill(patternGradient, 0);
            for (int k = 0; k < nodes; k++) {
                double h = post.weights()[r][k];
                double theta = quadrature.nodes()[k];
                java.util.Arrays.fill(score, 0);
                for (int i = 0; i < items; i++) {
                    int u = data.response(r, i);
                    if (u == ItemResponses.MISSING) {
                        continue;
                    }
                    int s = slopeIndex(i);
                    double residual = u - p[i][k];
                    double w = p[i][k] * (1 - p[i][k]);
                    score[i] += residual;
                    if (s >= 0) {
                        score[s] += theta * residual;
                    }
                    // Σ_k h_k H_k, weighted by the pattern count
                    subtractInformation(hessian, i, s, theta, f * h * w);
                }
                for (int a = 0; a < dimension; a++) {
                    if (score[a] == 0) {
                        continue;
                    }
                    patternGradient[a] += h * score[a];
                    for (int b = 0; b < dimension; b++) {
                        hessian[a][b] += f * h * score[a] * score[b];
                    }
                }
            }
            for (int a = 0; a < dimension; a++) {
                gradient[a] += f * patternGradient[a];
                for (int b = 0; b < dimension; b++) {
                    hessian[a][b] -= f * patternGradient[a] * patternGradient[b];
                }
            }
        }
        return new Derivatives(post.logLikelihood(), gradient, hessian);
    }

    /** Newton–Raphson on the marginal likelihood from the EM estimate, with step halving; EM result if it fails. */
    private double[] newtonPolish(double[] x) {
        double[] current = x;
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            Derivatives at = derivatives(current);
            double[] direction = newtonDirection(at.gradient(), at.hessian());
            if (direction == null) {
                return current;
            }
            double[] accepted = null;
            double scale = 1;
            for (int halving = 0; halving < MAX_HALVINGS && accepted == null; halving++, scale /= 2) {
                double[] candidate = add(current, direction, scale);
                if (posterior(probabilities(candidate)).logLikelihood() >= at.logLikelihood()) {
                    accepted = candidate;
                }
            }
            if (accepted == null) {
                return current;
            }
            boolean done = maxAbsDifference(accepted, current) < 1e-10;
            current = accepted;
            if (done) {
                return current;
            }
        }
        return current;
    }

    /** −H⁻¹ g when −H is positive definite (an ascent direction), null otherwise. */
    private static double[] newtonDirection(double[] gradient, double[][] hessian) {
        try {
            return new CholeskyDecomposition(information(hessian)).getSolver()
                    .solve(new ArrayRealVector(gradient)).toArray();
        } catch (NonPositiveDefiniteMatrixException e) {
            return null;
        }
    }

    /** Inverse of the observed information, or null when it is not positive definite. */
    private static RealMatrix covariance(double[][] hessian) {
        try {
            return new CholeskyDecomposition(information(hessian)).getSolver().getInverse();
        } catch (NonPositiveDefiniteMatrixException e) {
            return null;
        }
    }

    /** −H, symmetrised: the outer products are summed in different orders, so H is symmetric only to rounding. */
    private static RealMatrix information(double[][] hessian) {
        int d = hessian.length;
        double[][] m = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                m[a][b] = -(hessian[a][b] + hessian[b][a]) / 2;
            }
        }
        return new Array2DRowRealMatrix(m, false);
    }

    // ---------- results ----------

    /** b = −c/a; var(b) by the delta method: (var c + 2 b cov(c, a) + b² var a) / a². */
    private List<ItemParameters> itemParameters(double[] x, RealMatrix cov) {
        List<ItemParameters> result = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            int s = slopeIndex(i);
            double a = slope(x, i);
            double b = -x[i] / a;
            double seA = Double.NaN;
            double seB = Double.NaN;
            if (cov != null) {
                double varC = cov.getEntry(i, i);
                double varA = s < 0 ? 0 : cov.getEntry(s, s);
                double covCA = s < 0 ? 0 : cov.getEntry(i, s);
                seB = Math.sqrt((varC + 2 * b * covCA + b * b * varA) / (a * a));
                seA = s < 0 ? Double.NaN : Math.sqrt(varA);
            }
            double[] ac = data.answeredAndCorrect(i);
            result.add(new ItemParameters(data.items().get(i), b, a, seB, seA, ac[0], ac[1]));
        }
        return result;
    }

    private static double[] add(double[] x, double[] step, double scale) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j] + scale * step[j];
        }
        return y;
    }

    private static double maxAbsDifference(double[] x, double[] y) {
        double max = 0;
        for (int j = 0; j < x.length; j++) {
            max = Math.max(max, Math.abs(x[j] - y[j]));
        }
        return max;
    }

    private static double maxAbs(double[] x) {
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
