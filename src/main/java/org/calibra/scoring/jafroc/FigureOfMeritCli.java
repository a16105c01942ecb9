package org.calibra.scoring.jafroc;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.calibra.scoring.domain.roc.AucEstimate;
import org.calibra.scoring.domain.roc.ConfidenceInterval;
import org.calibra.scoring.domain.roc.EmpiricalRoc;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.domain.roc.RocRatings;
import org.calibra.scoring.domain.roc.StratifiedBootstrap;
import org.calibra.scoring.jafroc.ReaderStudy.ReaderModality;
import org.calibra.scoring.mrmc.CovarianceMethod;
import org.calibra.shared.TextTable;

/**
 * Prints FROC figures of merit with 95% intervals for a JAFROC study folder ({@code truth.csv},
 * {@code nl.csv}, {@code ll.csv}): one row per reader × modality, then per-modality averages over
 * readers. With {@code --mrmc} it prints instead the MRMC significance tests of the differences
 * between modalities ({@link org.calibra.scoring.mrmc}), which need commons-math3 on the class path:
 *
 * <pre>java -cp target/classes:... org.calibra.scoring.jafroc.FigureOfMeritCli cases-dir [--fom wAFROC,AFROC,HrAuc,Wilcoxon] [--bootstrap 2000] [--seed 1] [--mrmc [--cov jackknife|DeLong]]</pre>
 *
 * <p>Exit code 0 on success, 2 on bad arguments or bad input (the message, no stack trace).
 */
public final class FigureOfMeritCli {

    static final int OK = 0;
    static final int BAD_INPUT = 2;

    static final String USAGE = """
            usage: FigureOfMeritCli <folder with truth.csv, nl.csv, ll.csv> [--fom LIST] [--bootstrap N] [--seed S]
              --fom LIST       comma-separated, any of wAFROC, AFROC, wAFROC1, AFROC1, HrAuc, Wilcoxon
                               (default wAFROC,AFROC,HrAuc,Wilcoxon)
              --bootstrap N    stratified case-bootstrap replicates for the FROC intervals; 0 = none (default 2000)
              --seed S         bootstrap seed; the same seed gives the same intervals (default 1)
              --mrmc           instead, test the differences between modalities: Obuchowski-Rockette (Hillis ddf)
                               and Dorfman-Berbaum-Metz analyses, each for random readers and cases, fixed
                               readers, fixed cases; --fom picks the figures (default Wilcoxon,wAFROC)
              --cov METHOD     covariances for the Obuchowski-Rockette analysis: jackknife (default) or DeLong
                               (DeLong: Wilcoxon and wAFROC only)""";

    /**
     * A figure of merit as chosen on the command line. The FROC ones get a percentile bootstrap
     * interval; Wilcoxon is the same inferred-ROC AUC as HrAuc (highest rating per case, RJafroc
     * {@code DfFroc2Roc} then {@code Wilcoxon}) but with the DeLong interval, so the two intervals can
     * be compared.
     */
    enum Fom {
        WAFROC("wAFROC", FrocFom.WAFROC),
        AFROC("AFROC", FrocFom.AFROC),
        WAFROC1("wAFROC1", FrocFom.WAFROC1),
        AFROC1("AFROC1", FrocFom.AFROC1),
        HR_AUC("HrAuc", FrocFom.HR_AUC),
        WILCOXON("Wilcoxon", null);

        final String label;
        final FrocFom froc;

        Fom(String label, FrocFom froc) {
            this.label = label;
            this.froc = froc;
        }

        static Fom parse(String s) {
            for (Fom f : values()) {
                if (f.label.equalsIgnoreCase(s.strip())) {
                    return f;
                }
            }
            throw new UsageException("unknown figure of merit '" + s + "'; expected one of wAFROC, AFROC, wAFROC1, AFROC1, HrAuc, Wilcoxon");
        }

        boolean isDefinedFor(FrocDataset d) {
            return froc != null ? froc.isDefinedFor(d) : d.normalCount() > 0 && d.abnormalCount() > 0;
        }

        String needs() {
            return this == AFROC1 || this == WAFROC1 ? "needs abnormal cases" : "needs normal and abnormal cases";
        }
    }

    /** The value and, when it can be computed, its 95% interval. */
    record Estimate(double value, Optional<ConfidenceInterval> ci95) {
    }

    private static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** @param foms null when --fom was not given (the default depends on --mrmc) */
    private record Options(Path folder, List<Fom> foms, int replicates, long seed, boolean mrmc, CovarianceMethod cov) {

        Options withFoms(List<Fom> chosen) {
            return new Options(folder, chosen, replicates, seed, mrmc, cov);
        }
    }

    private FigureOfMeritCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code instead of exiting, so tests can call it. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return BAD_INPUT;
        }
        if (options == null) {
            out.println(USAGE);
            return OK;
        }
        ReaderStudy study;
        try {
            study = JafrocCsv.read(options.folder());
        } catch (JafrocFormatException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        if (options.mrmc()) {
            return MrmcCommand.run(study, options.folder(), options.foms() == null ? List.of(Fom.WILCOXON, Fom.WAFROC) : options.foms(),
                    options.cov(), out, err);
        }
        print(study, options.foms() == null ? options.withFoms(DEFAULT_FOMS) : options, out);
        return OK;
    }

    private static final List<Fom> DEFAULT_FOMS = List.of(Fom.WAFROC, Fom.AFROC, Fom.HR_AUC, Fom.WILCOXON);

    /** @return null when help was asked for */
    private static Options parse(String[] args) {
        Path folder = null;
        List<Fom> foms = null;
        boolean mrmc = false;
        CovarianceMethod cov = null;
        int replicates = StratifiedBootstrap.DEFAULT_REPLICATES;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--mrmc" -> mrmc = true;
                case "--fom", "--bootstrap", "--seed", "--cov" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--fom" -> foms = parseFoms(value);
                        case "--bootstrap" -> replicates = (int) parseLong(name, value, 0, 1_000_000);
                        case "--cov" -> cov = parseCov(value);
                        default -> seed = parseLong(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option " + a);
                    }
                    if (folder != null) {
                        throw new UsageException("one folder expected, found " + folder + " and " + a);
                    }
                    folder = Path.of(a);
                }
            }
        }
        if (folder == null) {
            throw new UsageException("missing the study folder");
        }
        if (cov != null && !mrmc) {
            throw new UsageException("--cov applies only with --mrmc");
        }
        return new Options(folder, foms, replicates, seed, mrmc, cov == null ? CovarianceMethod.JACKKNIFE : cov);
    }

    private static CovarianceMethod parseCov(String value) {
        try {
            return CovarianceMethod.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cov: " + e.getMessage());
        }
    }

    private static List<Fom> parseFoms(String list) {
        var foms = new LinkedHashSet<Fom>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                foms.add(Fom.parse(s));
            }
        }
        if (foms.isEmpty()) {
            throw new UsageException("--fom needs at least one figure of merit");
        }
        return List.copyOf(foms);
    }

    private static long parseLong(String option, String value, long min, long max) {
        try {
            long v = Long.parseLong(value.strip());
            if (v < min || v > max) {
                throw new UsageException(option + " must be between " + min + " and " + max + ", was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a whole number, found '" + value + "'");
        }
    }

    /** The value with its interval, or empty when the figure is undefined for the dataset. */
    static Optional<Estimate> estimate(Fom fom, FrocDataset d, int replicates, long seed) {
        if (!fom.isDefinedFor(d)) {
            return Optional.empty();
        }
        if (fom.froc == null) {
            AucEstimate auc = EmpiricalRoc.analyse(RocRatings.inferredFrom(d));
            return Optional.of(new Estimate(auc.auc(), auc.ci95()));
        }
        if (replicates == 0) {
            return Optional.of(new Estimate(fom.froc.valueOf(d), Optional.empty()));
        }
        var b = StratifiedBootstrap.froc(d, fom.froc, replicates, seed);
        return Optional.of(new Estimate(b.estimate(), Optional.of(b.interval())));
    }

    private static void print(ReaderStudy study, Options o, PrintStream out) {
        out.printf(Locale.ROOT, "JAFROC study %s: %d reader(s) x %d modality(ies); %d cases (K1 = %d normal, K2 = %d abnormal), %d lesions%n",
                o.folder(), study.readers().size(), study.modalities().size(), study.normalCount() + study.abnormalCount(),
                study.normalCount(), study.abnormalCount(), study.lesionCount());
        var froc = o.foms().stream().filter(f -> f.froc != null).map(f -> f.label).toList();
        var notes = new ArrayList<String>();
        if (!froc.isEmpty()) {
            notes.add(String.join(", ", froc) + (o.replicates() == 0 ? ": no interval (--bootstrap 0)"
                    : ": percentile interval from " + o.replicates() + " stratified case-bootstrap replicates, seed " + o.seed()));
        }
        if (o.foms().contains(Fom.WILCOXON)) {
            notes.add("Wilcoxon: inferred-ROC AUC (highest rating per case), DeLong interval");
        }
        out.println("95% intervals: " + String.join("; ", notes));
        out.println();

        var header = new ArrayList<>(List.of("Reader", "Modality", "K1", "K2", "Lesions"));
        o.foms().forEach(f -> header.add(f.label + " [95% CI]"));
        var rows = new ArrayList<List<String>>();
        rows.add(header);
        // values.get(modality index).get(fom index) collects reader estimates for the averages.
        var values = new ArrayList<List<List<OptionalDouble>>>();
        study.modalities().forEach(m -> {
            var perFom = new ArrayList<List<OptionalDouble>>();
            o.foms().forEach(f -> perFom.add(new ArrayList<>()));
            values.add(perFom);
        });
        for (var e : study.datasets().entrySet()) {
            ReaderModality key = e.getKey();
            FrocDataset d = e.getValue();
            var row = new ArrayList<>(List.of(key.reader(), key.modality(), Integer.toString(d.normalCount()),
                    Integer.toString(d.abnormalCount()), Integer.toString(d.lesionCount())));
            int m = study.modalities().indexOf(key.modality());
            for (int f = 0; f < o.foms().size(); f++) {
                Fom fom = o.foms().get(f);
                Optional<Estimate> est = estimate(fom, d, o.replicates(), o.seed());
                row.add(est.map(FigureOfMeritCli::format).orElse("n/a (" + fom.needs() + ")"));
                values.get(m).get(f).add(est.map(x -> OptionalDouble.of(x.value())).orElse(OptionalDouble.empty()));
            }
            rows.add(row);
        }
        TextTable.print(rows, out, "");

        out.println();
        out.println("Average over readers, per modality (mean of the readers' values; no interval)");
        var avgHeader = new ArrayList<>(List.of("Modality", "Readers"));
        o.foms().forEach(f -> avgHeader.add(f.label));
        var avgRows = new ArrayList<List<String>>();
        avgRows.add(avgHeader);
        for (int m = 0; m < study.modalities().size(); m++) {
            var row = new ArrayList<>(List.of(study.modalities().get(m), Integer.toString(study.readers().size())));
            for (int f = 0; f < o.foms().size(); f++) {
                var readerValues = values.get(m).get(f);
                boolean all = readerValues.stream().allMatch(OptionalDouble::isPresent);
                row.add(all ? fmt(readerValues.stream().mapToDouble(OptionalDouble::getAsDouble).average().orElseThrow()) : "n/a");
            }
            avgRows.add(row);
        }
        TextTable.print(avgRows, out, "");
    }

    private static String format(Estimate e) {
        return fmt(e.value()) + e.ci95().map(ci -> " [" + fmt(ci.lower()) + ", " + fmt(ci.upper()) + "]").orElse(" [n/a]");
    }

    /** Four decimals, as RJafroc's reports print; always '.' whatever the default locale. */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
