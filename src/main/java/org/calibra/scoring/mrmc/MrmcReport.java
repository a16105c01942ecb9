package org.calibra.scoring.mrmc;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calibra.scoring.mrmc.MrmcResult.Analysis;
import org.calibra.scoring.mrmc.MrmcResult.Difference;
import org.calibra.scoring.mrmc.MrmcResult.FTest;
import org.calibra.scoring.mrmc.MrmcResult.Interval;
import org.calibra.scoring.mrmc.MrmcResult.ModalityEstimate;
import org.calibra.shared.TextTable;

/**
 * Prints an {@link MrmcResult} as plain-text tables for a reader-study scientist: the reader ×
 * modality figures, then for each way of generalising the test of equal modalities (F, ddf, p and
 * a one-line conclusion), each modality with its interval and each difference with its interval.
 */
public final class MrmcReport {

    private MrmcReport() {
    }

    public static void print(MrmcResult r, PrintStream out) {
        int level = (int) Math.round(100 * (1 - r.alpha()));
        out.println(r.figureOfMerit() + " — " + r.method());
        out.println("=".repeat(Math.min(100, r.figureOfMerit().length() + 3 + r.method().length())));
        var foms = new ArrayList<List<String>>();
        var header = new ArrayList<>(List.of("Modality"));
        r.readers().forEach(reader -> header.add("reader " + reader));
        header.add("mean");
        foms.add(header);
        for (int i = 0; i < r.modalities().size(); i++) {
            var row = new ArrayList<>(List.of(r.modalities().get(i)));
            for (double v : r.foms()[i]) {
                row.add(fixed(v, 4));
            }
            row.add(fixed(r.modalityMean(i), 4));
            foms.add(row);
        }
        TextTable.print(foms, out, "");
        out.println(components(r.components()));
        for (Analysis a : r.analyses()) {
            out.println();
            out.println(capitalised(a.generalization().words()) + " (conclusions apply to "
                    + a.generalization().appliesTo() + ")");
            out.println("  Test of equal " + r.figureOfMerit() + " across modalities: " + test(a.test()) + " — "
                    + conclusion(a.test(), r.alpha()));
            var modalities = new ArrayList<List<String>>();
            modalities.add(List.of("Modality", r.figureOfMerit(), "Std. error", "df", level + "% CI"));
            for (ModalityEstimate m : a.modalities()) {
                modalities.add(List.of(m.modality(), fixed(m.fom(), 4), fixed(m.stdErr(), 4), df(m.df()), interval(m.ci())));
            }
            TextTable.print(modalities, out, "  ");
            var differences = new ArrayList<List<String>>();
            differences.add(List.of("Difference", "Estimate", "Std. error", "df", a.test().ddf() == Double.POSITIVE_INFINITY ? "z" : "t",
                    "p", level + "% CI"));
            for (Difference d : a.differences()) {
                differences.add(List.of(d.first() + " − " + d.second(), signed(d.estimate()), fixed(d.stdErr(), 4), df(d.df()),
                        signedShort(d.t()), p(d.p()), interval(d.ci())));
            }
            TextTable.print(differences, out, "  ");
        }
    }

    private static String test(FTest t) {
        if (Double.isNaN(t.f())) {
            return "not computable (the error term is 0: no variability to test against)";
        }
        if (Double.isInfinite(t.ddf())) {
            return "χ² = " + fixed(t.f() * t.ndf(), 2) + " on " + t.ndf() + " df (F = " + fixed(t.f(), 2) + ", ddf = ∞), p = " + p(t.p());
        }
        return "F(" + t.ndf() + ", " + df(t.ddf()) + ") = " + fixed(t.f(), 2) + ", p = " + p(t.p());
    }

    private static String conclusion(FTest t, double alpha) {
        if (Double.isNaN(t.p())) {
            return "no conclusion";
        }
        return t.p() < alpha ? "the modalities differ (p < " + trim(alpha) + ")"
                : "no significant difference between the modalities (p ≥ " + trim(alpha) + ")";
    }

    private static String components(Map<String, Double> c) {
        var parts = new ArrayList<String>();
        c.forEach((name, v) -> parts.add(name + " = " + String.format(Locale.ROOT, "%.6g", v)));
        return "Mean squares and covariances: " + String.join(", ", parts);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.4f", v);
    }

    private static String signedShort(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.2f", v);
    }

    private static String df(double df) {
        if (Double.isInfinite(df)) {
            return "∞";
        }
        return df == Math.rint(df) ? Long.toString((long) df) : fixed(df, 2);
    }

    /** Four decimals, or "< 0.0001" so a tiny p is not printed as 0. */
    static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 0.0001 ? "< 0.0001" : fixed(p, 4);
    }

    private static String interval(Interval ci) {
        return Double.isNaN(ci.lower()) ? "n/a" : "[" + fixed(ci.lower(), 4) + ", " + fixed(ci.upper(), 4) + "]";
    }

    private static String trim(double v) {
        return String.format(Locale.ROOT, "%s", v).replaceAll("0+$", "");
    }
}
