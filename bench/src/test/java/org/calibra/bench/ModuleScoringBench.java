package org.calibra.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.calibra.scoring.domain.ModuleMetrics;
import org.calibra.scoring.domain.ScoredCase;
import org.calibra.scoring.domain.reliance.RelianceCase;
import org.calibra.scoring.domain.reliance.RelianceMeasures;
import org.calibra.scoring.domain.roc.CaseCall;
import org.calibra.scoring.domain.roc.EmpiricalRoc;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocCurves;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.domain.roc.FrocLesion;
import org.calibra.scoring.domain.roc.Psi;
import org.calibra.scoring.domain.roc.RocRatings;
import org.calibra.scoring.domain.roc.StratifiedBootstrap;
import org.junit.jupiter.api.Test;

/**
 * Scoring a module of N reads (issue 4 asks for 200 "well under a second"): every figure the module page
 * shows — Wilson proportions, ROC AUC with DeLong, wAFROC with a 2,000-replicate bootstrap, curves and
 * reliance — against the cheapest of them (sensitivity/specificity) on the same seeded data. Asserts nothing beyond
 * finishing without an error. {@code -Dbench.smoke=true} (the default in {@code ./calibra test}, see bench/README.md):
 * 20 reads, 3 runs after 1 warm-up.
 */
class ModuleScoringBench {

    static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
    static final int WARM_UP = SMOKE ? 1 : 5;
    static final int RUNS = SMOKE ? 3 : 20;

    @Test
    void score_a_module_of_200_reads() throws Exception {
        int n = Integer.getInteger("bench.reads", SMOKE ? 20 : 200);
        var data = Synthetic.of(n, 42);
        for (int i = 0; i < WARM_UP; i++) {
            everything(data);
            cheapest(data);
        }
        long[] all = new long[RUNS];
        long[] base = new long[RUNS];
        for (int i = 0; i < all.length; i++) {
            long t = System.nanoTime();
            everything(data);
            all[i] = System.nanoTime() - t;
            t = System.nanoTime();
            cheapest(data);
            base[i] = System.nanoTime() - t;
        }
        Arrays.sort(all);
        Arrays.sort(base);
        String row = String.format(Locale.ROOT, "| %d | %.1f | %.3f | %.0f× |", n, all[all.length / 2] / 1e6, base[base.length / 2] / 1e6,
                (double) all[all.length / 2] / base[base.length / 2]);
        String table = "| reads | all module figures, median ms | sensitivity/specificity only, median ms | ratio |\n|---|---|---|---|\n" + row + "\n";
        System.out.println("\n" + table);
        Path out = Path.of("target/bench/module-scoring.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, (SMOKE ? "Smoke run (sizes too small to mean anything). " : "") + "Measured " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + RUNS + " runs after " + WARM_UP + " warm-up.\n\n" + table);
    }

    private static Object everything(Synthetic d) {
        var metrics = ModuleMetrics.compute(d.scored);
        var ratings = RocRatings.fromCaseCalls(d.calls);
        var auc = EmpiricalRoc.analyse(ratings);
        var dataset = FrocDataset.of(d.froc);
        var wafroc = StratifiedBootstrap.froc(dataset, FrocFom.WAFROC, StratifiedBootstrap.DEFAULT_REPLICATES, 1L);
        var curves = List.of(FrocCurves.froc(dataset), FrocCurves.afroc(dataset));
        var reliance = RelianceMeasures.compute(d.reliance);
        return List.of(metrics, auc, wafroc, curves, reliance);
    }

    private static Object cheapest(Synthetic d) {
        return ModuleMetrics.compute(d.scored);
    }

    /** A reader of middling skill on N cases, half abnormal with 1-3 lesions, reproducible from a seed. */
    record Synthetic(List<ScoredCase> scored, List<CaseCall> calls, List<FrocCase> froc, List<RelianceCase> reliance) {
        static Synthetic of(int n, long seed) {
            var rnd = new SplittableRandom(seed);
            List<ScoredCase> scored = new ArrayList<>();
            List<CaseCall> calls = new ArrayList<>();
            List<FrocCase> froc = new ArrayList<>();
            List<RelianceCase> reliance = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean abnormal = i % 2 == 0;
                boolean call = rnd.nextDouble() < (abnormal ? 0.8 : 0.25);
                int lesions = abnormal ? 1 + rnd.nextInt(3) : 0;
                List<FrocLesion> ls = new ArrayList<>();
                int found = 0;
                for (int l = 0; l < lesions; l++) {
                    boolean hit = rnd.nextDouble() < 0.7;
                    found += hit ? 1 : 0;
                    ls.add(new FrocLesion("L" + l, 1.0 / lesions, hit ? 1 + rnd.nextInt(5) : Psi.UNMARKED));
                }
                List<Double> nl = new ArrayList<>();
                for (int k = rnd.nextInt(3); k > 0; k--) {
                    nl.add((double) (1 + rnd.nextInt(5)));
                }
                scored.add(new ScoredCase(abnormal, call, lesions, found, nl.size()));
                calls.add(new CaseCall("c" + i, abnormal, call, 1 + rnd.nextInt(5)));
                froc.add(new FrocCase("c" + i, abnormal, nl, ls));
                boolean ai = rnd.nextDouble() < 0.8 == abnormal;
                reliance.add(new RelianceCase(abnormal, ai, Optional.of(rnd.nextBoolean()), call));
            }
            return new Synthetic(scored, calls, froc, reliance);
        }
    }
}
