package org.calibra.scoring.mrmc;

import java.util.ArrayList;
import java.util.List;
import org.calibra.scoring.domain.roc.FigureOfMerit;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.jafroc.ReaderStudy;

/**
 * A figure of merit for every modality i and reader j of a study, θ_ij, and its jackknife values
 * θ_ij(k), the figure recomputed with case k left out. Cases are numbered normals first, then
 * abnormals, in the study's order, the same for every reader and modality. Both OR (jackknife
 * covariances) and DBM (pseudovalues) start from these.
 */
public final class StudyFoms {

    private final ReaderStudy study;
    private final FigureOfMerit fom;
    private final double[][] foms;
    private final double[][][] jackknife;
    private final String label;

    private StudyFoms(ReaderStudy study, FigureOfMerit fom, String label, double[][] foms, double[][][] jackknife) {
        this.study = study;
        this.fom = fom;
        this.label = label;
        this.foms = foms;
        this.jackknife = jackknife;
    }

    /**
     * @throws IllegalArgumentException if the figure is undefined for the study, or undefined once
     *                                  any one case is left out (it needs 2 normal and 2 abnormal
     *                                  cases, or 2 abnormal ones for the figures that ignore normals)
     */
    public static StudyFoms of(ReaderStudy study, FigureOfMerit fom) {
        return of(study, fom, fom.label());
    }

    /**
     * As {@link #of(ReaderStudy, FigureOfMerit)}, reported under another name, e.g. "Wilcoxon" for
     * the inferred-ROC AUC ({@code HrAuc}) of ROC data.
     */
    public static StudyFoms of(ReaderStudy study, FigureOfMerit fom, String label) {
        List<String> modalities = study.modalities();
        List<String> readers = study.readers();
        int cases = study.normalCount() + study.abnormalCount();
        requireJackknifeable(study, fom);
        double[][] foms = new double[modalities.size()][readers.size()];
        double[][][] jackknife = new double[modalities.size()][readers.size()][cases];
        for (int i = 0; i < modalities.size(); i++) {
            for (int j = 0; j < readers.size(); j++) {
                FrocDataset d = study.dataset(readers.get(j), modalities.get(i));
                foms[i][j] = fom.valueOf(d);
                List<FrocCase> all = new ArrayList<>(d.normals());
                all.addAll(d.abnormals());
                for (int k = 0; k < cases; k++) {
                    var without = new ArrayList<>(all);
                    without.remove(k);
                    jackknife[i][j][k] = fom.valueOf(FrocDataset.of(without));
                }
            }
        }
        return new StudyFoms(study, fom, label, foms, jackknife);
    }

    private static void requireJackknifeable(ReaderStudy study, FigureOfMerit fom) {
        FrocDataset truth = study.truth();
        if (!fom.isDefinedFor(truth)) {
            throw new IllegalArgumentException(fom.label() + " is not defined for this study (" + truth.normalCount()
                    + " normal and " + truth.abnormalCount() + " abnormal cases)");
        }
        boolean needsNormals = needsNormals(fom, truth);
        if (truth.abnormalCount() < 2 || (needsNormals && truth.normalCount() < 2)) {
            throw new IllegalArgumentException("the jackknife leaves out one case at a time, so " + fom.label()
                    + " needs at least 2 abnormal cases" + (needsNormals ? " and 2 normal cases" : "")
                    + "; the study has " + truth.normalCount() + " normal and " + truth.abnormalCount() + " abnormal cases");
        }
    }

    /** Whether the figure needs normal cases: it is undefined on the abnormal cases alone. */
    private static boolean needsNormals(FigureOfMerit fom, FrocDataset d) {
        return !fom.isDefinedFor(FrocDataset.of(d.abnormals()));
    }

    public ReaderStudy study() {
        return study;
    }

    public FigureOfMerit figureOfMerit() {
        return fom;
    }

    /** The name results are reported under. */
    public String label() {
        return label;
    }

    /** I, the number of modalities. */
    public int modalityCount() {
        return foms.length;
    }

    /** J, the number of readers. */
    public int readerCount() {
        return foms[0].length;
    }

    /** K = K1 + K2, the number of cases. */
    public int caseCount() {
        return jackknife[0][0].length;
    }

    /** θ_ij, modality i, reader j. */
    public double fom(int i, int j) {
        return foms[i][j];
    }

    /** θ_ij(k), with case k left out. */
    public double jackknife(int i, int j, int k) {
        return jackknife[i][j][k];
    }

    /** A copy of θ, foms[i][j]. */
    public double[][] foms() {
        double[][] copy = new double[foms.length][];
        for (int i = 0; i < foms.length; i++) {
            copy[i] = foms[i].clone();
        }
        return copy;
    }
}
