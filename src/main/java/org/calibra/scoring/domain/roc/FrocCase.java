package org.calibra.scoring.domain.roc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.calibra.scoring.domain.AiMark;
import org.calibra.scoring.domain.Lesion;
import org.calibra.scoring.domain.LesionOutcome;
import org.calibra.scoring.domain.Mark;
import org.calibra.scoring.domain.MarkOutcome;
import org.calibra.scoring.domain.MatchResult;
import org.calibra.scoring.domain.ReadSummary;

/**
 * One case read by one reader, in the RJafroc FROC data layout: case-level truth, the ratings of
 * its NL marks and, for an abnormal case, each lesion with its weight and LL rating.
 *
 * @param id         unique within the dataset
 * @param abnormal   case-level truth (RJafroc: diseased)
 * @param nlRatings  ratings of the NL marks on the case, each finite; empty when it has none
 * @param lesions    the lesions; empty for a normal case, at least one for an abnormal case,
 *                   weights summing to 1
 */
public record FrocCase(String id, boolean abnormal, List<Double> nlRatings, List<FrocLesion> lesions) {

    /** How far the lesion weights of a case may stray from 1 (rounding in e.g. 0.3 + 0.4 + 0.3). */
    static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    public FrocCase {
        Objects.requireNonNull(id, "case id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("case id must not be blank");
        }
        nlRatings = List.copyOf(nlRatings);
        lesions = List.copyOf(lesions);
        for (Double r : nlRatings) {
            Psi.requireMarkRating(r, "case " + id + " NL rating");
        }
        if (!abnormal && !lesions.isEmpty()) {
            throw new IllegalArgumentException("case " + id + " is normal but has " + lesions.size() + " lesion(s)");
        }
        if (abnormal) {
            // RJafroc requires every diseased case to have a lesion; without one, LLF and wLLF are undefined.
            if (lesions.isEmpty()) {
                throw new IllegalArgumentException("abnormal case " + id + " needs at least one lesion for FROC analysis");
            }
            var ids = new HashSet<String>();
            double sum = 0;
            for (FrocLesion l : lesions) {
                if (!ids.add(l.id())) {
                    throw new IllegalArgumentException("case " + id + " has lesion id " + l.id() + " twice");
                }
                sum += l.weight();
            }
            if (Math.abs(sum - 1.0) > WEIGHT_SUM_TOLERANCE) {
                throw new IllegalArgumentException("lesion weights of case " + id + " must sum to 1, sum to " + sum);
            }
        }
    }

    /** A normal case with the given NL ratings (none for a mark-free case). */
    public static FrocCase normal(String id, double... nlRatings) {
        return new FrocCase(id, false, boxed(nlRatings), List.of());
    }

    /** An abnormal case whose lesions, named "1", "2", ..., have equal weights 1/L. */
    public static FrocCase abnormalEqualWeights(String id, List<Double> nlRatings, double... llRatings) {
        var lesions = new ArrayList<FrocLesion>();
        for (int i = 0; i < llRatings.length; i++) {
            lesions.add(new FrocLesion(Integer.toString(i + 1), 1.0 / llRatings.length, llRatings[i]));
        }
        return new FrocCase(id, true, nlRatings, lesions);
    }

    /**
     * An abnormal case whose lesion weights are relative importances (any positive numbers); they
     * are divided by their sum, so e.g. 2 and 1 become 2/3 and 1/3.
     */
    public static FrocCase abnormalRelativeWeights(String id, List<Double> nlRatings, List<FrocLesion> lesions) {
        double sum = lesions.stream().mapToDouble(FrocLesion::weight).sum();
        var normalised = lesions.stream().map(l -> new FrocLesion(l.id(), l.weight() / sum, l.rating())).toList();
        return new FrocCase(id, true, nlRatings, normalised);
    }

    /** A reader's read: NLs and LLs rated with the marks' confidences (1..5). */
    public static FrocCase fromRead(ReadSummary read, MatchResult match) {
        return fromReaderMatch(read.caseId(), read.truthAbnormal(), read.lesions(), read.marks(), match);
    }

    /** A reader's marks after {@code LesionMatcher.match}; ratings are the marks' confidences. */
    public static FrocCase fromReaderMatch(String caseId, boolean truthAbnormal, List<Lesion> lesions, List<Mark> marks,
            MatchResult match) {
        var ratings = new HashMap<String, Double>();
        marks.forEach(m -> ratings.put(m.id(), (double) m.confidence()));
        return fromMatch(caseId, truthAbnormal, lesions, match, ratings);
    }

    /**
     * AI marks after {@code LesionMatcher.matchAi}; ratings are the raw probabilities, not the 1..5
     * bins, so no ordering is lost (RJafroc accepts any ordered rating).
     */
    public static FrocCase fromAiMatch(String caseId, boolean truthAbnormal, List<Lesion> lesions, List<AiMark> aiMarks,
            MatchResult match) {
        var ratings = new HashMap<String, Double>();
        aiMarks.forEach(m -> ratings.put(m.id(), m.probability()));
        return fromMatch(caseId, truthAbnormal, lesions, match, ratings);
    }

    /**
     * Converts a {@link MatchResult}: each {@code FalsePositive} becomes an NL, each lesion's
     * counting mark its LL, and a missed lesion is {@link Psi#UNMARKED}. {@code Duplicate}s are
     * dropped, as Chakraborty prescribes (neither LL nor NL). Lesion weights are the lesions'
     * {@link Lesion#weight()} divided by their sum over the case.
     *
     * @param ratingByMarkId the rating of every mark named in {@code match}
     * @throws IllegalArgumentException if an abnormal case has no lesions (not analysable as FROC),
     *                                  or the match does not cover exactly the given lesions
     */
    public static FrocCase fromMatch(String caseId, boolean truthAbnormal, List<Lesion> lesions, MatchResult match,
            Map<String, Double> ratingByMarkId) {
        Objects.requireNonNull(match, "match");
        var nls = new ArrayList<Double>();
        for (MarkOutcome o : match.markOutcomes()) {
            if (o.kind() == MarkOutcome.Kind.FALSE_POSITIVE) {
                nls.add(rating(ratingByMarkId, o.markId(), caseId));
            }
        }
        if (lesions.size() != match.lesionCount()) {
            throw new IllegalArgumentException("case " + caseId + ": match covers " + match.lesionCount()
                    + " lesion(s) but " + lesions.size() + " were given");
        }
        double weightSum = lesions.stream().mapToDouble(Lesion::weight).sum();
        var frocLesions = new ArrayList<FrocLesion>();
        for (Lesion l : lesions) {
            LesionOutcome outcome = match.lesionOutcome(l.id()).orElseThrow(() -> new IllegalArgumentException(
                    "case " + caseId + ": no match outcome for lesion " + l.id()));
            double ll = outcome.markId().map(markId -> rating(ratingByMarkId, markId, caseId)).orElse(Psi.UNMARKED);
            frocLesions.add(new FrocLesion(l.id(), l.weight() / weightSum, ll));
        }
        return new FrocCase(caseId, truthAbnormal, nls, frocLesions);
    }

    private static double rating(Map<String, Double> ratingByMarkId, String markId, String caseId) {
        Double r = ratingByMarkId.get(markId);
        if (r == null) {
            throw new IllegalArgumentException("case " + caseId + ": no rating for mark " + markId);
        }
        return r;
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    /** Highest NL rating, or {@link Psi#UNMARKED} if the case has no NL (RJafroc's FP rating). */
    public double highestNlRating() {
        double max = Psi.UNMARKED;
        for (double r : nlRatings) {
            max = Math.max(max, r);
        }
        return max;
    }

    /**
     * Highest rating of any mark, NL or LL, or {@link Psi#UNMARKED} for a mark-free case: the
     * inferred-ROC rating (Chakraborty 2017, "highest rating" rule; RJafroc {@code HrAuc}).
     */
    public double highestRating() {
        double max = highestNlRating();
        for (FrocLesion l : lesions) {
            max = Math.max(max, l.rating());
        }
        return max;
    }

    /** Number of lesions with an LL (the ones marked). */
    public int markedLesionCount() {
        return (int) lesions.stream().filter(FrocLesion::marked).count();
    }

    /** The LL rating of the named lesion; empty when the lesion is unmarked. */
    public OptionalDouble llRating(String lesionId) {
        return lesions.stream().filter(l -> l.id().equals(lesionId)).findFirst()
                .filter(FrocLesion::marked).map(l -> OptionalDouble.of(l.rating())).orElse(OptionalDouble.empty());
    }
}
