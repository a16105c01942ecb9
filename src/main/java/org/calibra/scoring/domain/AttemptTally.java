package org.calibra.scoring.domain;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The running sums of one attempt's scored final reads: enough to give its {@link ModuleMetrics} without loading a
 * single read, so deciding an attempt after each read costs the same on the first case as on the hundredth (ADR 0028).
 * Kept incrementally with {@link #plus}; {@link #of} is the same sums from scratch, and the two must always agree.
 *
 * @param truePositives  counted reads of abnormal cases called abnormal
 * @param falseNegatives counted reads of abnormal cases called normal
 * @param trueNegatives  counted reads of normal cases called normal
 * @param falsePositives counted reads of normal cases called abnormal
 * @param lesions        lesions in the truth of the counted reads' cases
 * @param lesionsFound   of those, lesions localised
 * @param nonLesionMarks false marks (NLs) over the counted reads
 * @param finalReads     every final read of the attempt, repeats included (repeats are read but never counted; ADR 0015)
 */
public record AttemptTally(int truePositives, int falseNegatives, int trueNegatives, int falsePositives, int lesions, int lesionsFound,
                           int nonLesionMarks, int finalReads) {

    public static final AttemptTally EMPTY = new AttemptTally(0, 0, 0, 0, 0, 0, 0, 0);

    public AttemptTally {
        for (int n : new int[] {truePositives, falseNegatives, trueNegatives, falsePositives, lesions, lesionsFound, nonLesionMarks, finalReads}) {
            Checks.requireNonNegative(n, "a running sum");
        }
        if (lesionsFound > lesions) {
            throw new IllegalArgumentException("lesionsFound (" + lesionsFound + ") must not exceed lesions (" + lesions + ")");
        }
    }

    /** The sums from scratch: {@code counted} are the scored final reads that count, {@code finalReads} all final reads. */
    public static AttemptTally of(List<ScoredCase> counted, int finalReads) {
        AttemptTally t = EMPTY;
        for (ScoredCase c : counted) {
            t = t.plus(change(c, false));
        }
        return new AttemptTally(t.truePositives, t.falseNegatives, t.trueNegatives, t.falsePositives, t.lesions, t.lesionsFound,
                t.nonLesionMarks, finalReads);
    }

    /** What one more final read adds: a counted read its call and marks; a repeat only itself as a read. */
    public static AttemptTally change(ScoredCase read, boolean repeat) {
        if (repeat) {
            return new AttemptTally(0, 0, 0, 0, 0, 0, 0, 1);
        }
        var o = read.outcome();
        return new AttemptTally(o == CaseOutcome.TRUE_POSITIVE ? 1 : 0, o == CaseOutcome.FALSE_NEGATIVE ? 1 : 0,
                o == CaseOutcome.TRUE_NEGATIVE ? 1 : 0, o == CaseOutcome.FALSE_POSITIVE ? 1 : 0, read.lesionCount(), read.detectedCount(),
                read.nlCount(), 1);
    }

    public AttemptTally plus(AttemptTally d) {
        return new AttemptTally(truePositives + d.truePositives, falseNegatives + d.falseNegatives, trueNegatives + d.trueNegatives,
                falsePositives + d.falsePositives, lesions + d.lesions, lesionsFound + d.lesionsFound, nonLesionMarks + d.nonLesionMarks,
                finalReads + d.finalReads);
    }

    public int casesCounted() {
        return truePositives + falseNegatives + trueNegatives + falsePositives;
    }

    /** The module metrics of these sums: the very figures {@link ModuleMetrics#compute} gives over the same reads. */
    public ModuleMetrics metrics() {
        int all = casesCounted();
        OptionalDouble nlPerCase = all == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) nonLesionMarks / all);
        return new ModuleMetrics(Proportion.wilson(truePositives, truePositives + falseNegatives),
                Proportion.wilson(trueNegatives, trueNegatives + falsePositives), Proportion.wilson(truePositives + trueNegatives, all),
                Proportion.wilson(lesionsFound, lesions), nlPerCase, truePositives + falseNegatives, trueNegatives + falsePositives,
                nonLesionMarks);
    }
}
