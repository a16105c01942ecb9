package org.calibra.scoring.mrmc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calibra.scoring.domain.roc.FrocCase;
import org.calibra.scoring.domain.roc.FrocDataset;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.jafroc.ReaderStudy;
import org.calibra.scoring.jafroc.ReaderStudy.ReaderModality;
import org.calibra.scoring.mrmc.MrmcResult.Difference;
import org.calibra.scoring.mrmc.MrmcResult.FTest;
import org.calibra.scoring.mrmc.MrmcResult.ModalityEstimate;

/**
 * Does the AI help a cohort? The paired reader study of a second-reader module — every resident reads each case unaided,
 * commits, then reads it again with the AI — analysed by {@link ObuchowskiRockette} with Hillis' ddf for random readers
 * and random cases (jackknife covariances, as RJafroc and the Iowa program do by default). Modalities are "with the AI"
 * and "unaided"; readers the residents; cases those read both ways.
 *
 * <p>OR needs a fully crossed design, but residents of a module read different draws. The study keeps the crossed part:
 * residents are taken most-cases-first, and one is kept when the cases shared with those already kept still hold 2 normal
 * and 2 abnormal cases (what the jackknife needs) and the study's reads (residents × shared cases) do not shrink.
 */
public final class AiEffectStudy {

    /** Intervals are 95%. */
    public static final double ALPHA = 0.05;
    static final String WITH_AI = "with-ai";
    /** A standard error of a difference of AUCs below this is rounding, not spread. */
    static final double NO_SPREAD = 1e-9;
    static final String UNAIDED = "unaided";

    private AiEffectStudy() {
    }

    /** One case read twice by one reader: unaided first, then with the AI; both carry the same case id and truth. */
    public record PairedCase(FrocCase unaided, FrocCase withAi) {
        public PairedCase {
            if (!unaided.id().equals(withAi.id()) || unaided.abnormal() != withAi.abnormal()) {
                throw new IllegalArgumentException("a paired case is one case read twice: ids " + unaided.id() + " and " + withAi.id());
            }
        }

        String id() {
            return unaided.id();
        }
    }

    /** A resident (by a pseudonym fit for a JAFROC id, e.g. R12) and the cases they read both ways. */
    public record Reader(String id, List<PairedCase> cases) {
        public Reader {
            cases = List.copyOf(cases);
        }
    }

    /**
     * The analysis, or what is missing for it.
     *
     * @param readersWithReads residents with at least one case read both ways
     * @param readersIncluded  the residents of the crossed study
     * @param normalCases      normal cases of the study (0 when there is none)
     * @param abnormalCases    abnormal cases of the study
     * @param finding          the OR result for random readers and random cases; empty when the data are too thin
     * @param missing          what is missing, in words; empty when there is a finding
     */
    public record Result(String figure, int readersWithReads, List<String> readersIncluded, int normalCases, int abnormalCases,
                         Optional<Finding> finding, Optional<String> missing) {

        public int cases() {
            return normalCases + abnormalCases;
        }
    }

    /**
     * Random readers, random cases: each reading's reader-averaged figure with its interval, the difference with the AI minus
     * unaided with its interval, and the F test (F, ndf = 1, Hillis' ddf, p).
     */
    public record Finding(String figure, ModalityEstimate unaided, ModalityEstimate withAi, Difference difference, FTest test,
                          int readers, int cases) {

        /** e.g. "With the AI, this cohort's ROC AUC rose by 0.06 (95% CI 0.01 to 0.11), p = 0.02, 14 residents, 40 cases." */
        public String inWords() {
            double d = difference.estimate();
            String change = Math.abs(d) < 0.005 ? "did not change (" + signed(d) + ", "
                    : (d > 0 ? "rose by " : "fell by ") + number(Math.abs(d)) + " (";
            String ci = Double.isNaN(difference.ci().lower()) ? "no interval" : "95% CI " + number(difference.ci().lower()) + " to "
                    + number(difference.ci().upper());
            String verdict = Double.isNaN(difference.p()) ? "" : difference.p() < ALPHA
                    ? (d > 0 ? " The AI helped: the whole interval is above 0." : " The AI made this cohort worse: the whole interval is below 0.")
                    : " That is not a clear change: the interval includes 0.";
            return "With the AI, this cohort's " + figure + " " + change + ci + "), p = " + pValue(difference.p()) + ", " + readers
                    + (readers == 1 ? " resident, " : " residents, ") + cases + (cases == 1 ? " case." : " cases.") + verdict;
        }
    }

    /**
     * @param figure the figure's name in words, e.g. "ROC AUC"
     * @param fom    {@link FrocFom#HR_AUC} on {@link CaseRatings} for the case-level ROC AUC, or {@link FrocFom#WAFROC}
     */
    public static Result analyse(String figure, FrocFom fom, List<Reader> readers) {
        List<Reader> ordered = readers.stream().filter(r -> !r.cases().isEmpty())
                .sorted(Comparator.comparingInt((Reader r) -> -r.cases().size()).thenComparing(Reader::id)).toList();
        if (ordered.isEmpty()) {
            return thin(figure, 0, List.of(), 0, 0, "No resident has read a case of this module both without and with the AI yet, "
                    + "so there is nothing to compare.");
        }
        Map<String, Map<String, PairedCase>> byReader = new LinkedHashMap<>();
        ordered.forEach(r -> {
            var cases = new LinkedHashMap<String, PairedCase>();
            r.cases().forEach(c -> cases.put(c.id(), c));
            byReader.put(r.id(), cases);
        });
        var included = new ArrayList<String>();
        Set<String> shared = null;
        for (Reader r : ordered) {
            Set<String> candidate = new LinkedHashSet<>(byReader.get(r.id()).keySet());
            if (shared != null) {
                candidate.retainAll(shared);
            }
            Map<String, PairedCase> cases = byReader.get(r.id());
            boolean analysable = count(candidate, cases, false) >= 2 && count(candidate, cases, true) >= 2;
            boolean noShrink = shared == null || (long) (included.size() + 1) * candidate.size() >= (long) included.size() * shared.size();
            if (shared == null || (analysable && noShrink)) {
                included.add(r.id());
                shared = candidate;
            }
        }
        var first = byReader.get(included.getFirst());
        int normals = count(shared, first, false);
        int abnormals = count(shared, first, true);
        int total = ordered.size();
        if (normals < 2 || abnormals < 2) {
            return thin(figure, total, included, normals, abnormals, "Comparing the readings needs at least 2 normal and 2 abnormal cases "
                    + "read both ways by the same residents; " + (included.size() == 1 ? "the resident with the most such reads has "
                    : "the residents share ") + normals + " normal and " + abnormals + " abnormal.");
        }
        if (included.size() < 2) {
            return thin(figure, total, included, normals, abnormals, "Generalising to residents like these needs at least 2 residents who "
                    + "read the same cases both without and with the AI; " + (total == 1 ? "only 1 resident has such reads so far."
                    : "of the " + total + " residents with such reads, no 2 share 2 normal and 2 abnormal cases."));
        }
        List<String> caseOrder = List.copyOf(shared);
        Map<ReaderModality, FrocDataset> datasets = new LinkedHashMap<>();
        for (String reader : included) {
            var cases = byReader.get(reader);
            datasets.put(new ReaderModality(reader, WITH_AI), FrocDataset.of(caseOrder.stream().map(id -> cases.get(id).withAi()).toList()));
            datasets.put(new ReaderModality(reader, UNAIDED), FrocDataset.of(caseOrder.stream().map(id -> cases.get(id).unaided()).toList()));
        }
        MrmcResult result = ObuchowskiRockette.analyse(StudyFoms.of(ReaderStudy.of(datasets), fom, figure), CovarianceMethod.JACKKNIFE, ALPHA);
        var rrrc = result.randomReadersRandomCases();
        Difference difference = rrrc.differences().getFirst(); // with the AI − unaided: the modalities' order
        // rounding leaves ~1e-16 where there is no spread at all; a test against that would be a fake number
        if (!(difference.stdErr() > NO_SPREAD) || Double.isNaN(rrrc.test().ddf()) || Double.isNaN(difference.p())) {
            return thin(figure, total, included, normals, abnormals, "The " + figure + " does not vary between residents or cases here "
                    + "(with the AI " + number(result.modalityMean(0)) + ", unaided " + number(result.modalityMean(1)) + " on average), "
                    + "so there is no spread to judge the difference against; more residents or cases are needed.");
        }
        var finding = new Finding(figure, rrrc.modalities().get(1), rrrc.modalities().get(0), difference, rrrc.test(), included.size(),
                normals + abnormals);
        return new Result(figure, total, List.copyOf(included), normals, abnormals, Optional.of(finding), Optional.empty());
    }

    private static Result thin(String figure, int readers, List<String> included, int normals, int abnormals, String why) {
        return new Result(figure, readers, List.copyOf(included), normals, abnormals, Optional.empty(), Optional.of(why));
    }

    private static int count(Set<String> ids, Map<String, PairedCase> cases, boolean abnormal) {
        return (int) ids.stream().filter(id -> cases.get(id).unaided().abnormal() == abnormal).count();
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replace("-", "−");
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "−") + String.format(Locale.ROOT, "%.2f", Math.abs(v));
    }

    /** Two decimals, three below 0.01, and "< 0.001" so a tiny p is never shown as 0. */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "not computable";
        }
        if (p < 0.001) {
            return "< 0.001";
        }
        return p < 0.01 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.2f", p);
    }
}
