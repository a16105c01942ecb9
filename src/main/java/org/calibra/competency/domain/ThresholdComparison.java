package org.calibra.competency.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Attempts decided twice — under a module's current rules and under proposed ones — side by side: how many pass under
 * each, and for each attempt what it would fail under the proposal. Both evaluations come from
 * {@link CompetencyEvaluator}, the same code that decides attempts; nothing here is stored.
 */
public final class ThresholdComparison {

    private ThresholdComparison() {
    }

    /** One attempt's evaluations under the current and the proposed rules (over the same figures). */
    public record Attempt(long attemptId, String reader, CompetencyEvaluation current, CompetencyEvaluation proposed) {
        public Attempt {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(proposed, "proposed");
        }
    }

    /**
     * An attempt compared.
     *
     * @param failedThresholds positions (0-based, in the proposed rules' order) of the proposed thresholds not met,
     *                         including those not yet measurable
     * @param caseShortfalls   the proposed case minimums not reached, in words
     */
    public record Row(Attempt attempt, List<Integer> failedThresholds, List<String> caseShortfalls) {
        public Row {
            failedThresholds = List.copyOf(failedThresholds);
            caseShortfalls = List.copyOf(caseShortfalls);
        }

        public boolean passedUnderCurrent() {
            return attempt.current().passed();
        }

        public boolean passedUnderProposed() {
            return attempt.proposed().passed();
        }
    }

    /** The attempts in the order given, and how many pass under each set of rules. */
    public record Comparison(int attemptsConsidered, int passedUnderCurrent, int passedUnderProposed, List<Row> rows) {
        public Comparison {
            rows = List.copyOf(rows);
        }
    }

    public static Comparison compare(List<Attempt> attempts) {
        var rows = new ArrayList<Row>();
        int current = 0;
        int proposed = 0;
        for (Attempt a : attempts) {
            var failed = new ArrayList<Integer>();
            var results = a.proposed().results();
            for (int i = 0; i < results.size(); i++) {
                if (!results.get(i).met()) {
                    failed.add(i);
                }
            }
            rows.add(new Row(a, failed, caseShortfalls(a.proposed())));
            current += a.current().passed() ? 1 : 0;
            proposed += a.proposed().passed() ? 1 : 0;
        }
        return new Comparison(attempts.size(), current, proposed, rows);
    }

    /** The case minimums an evaluation did not reach, e.g. "at least 10 cases read (9 read)". */
    public static List<String> caseShortfalls(CompetencyEvaluation e) {
        var words = new ArrayList<String>();
        if (e.casesRead() < e.minimumCases()) {
            words.add("at least " + e.minimumCases() + " cases read (" + e.casesRead() + " read)");
        }
        if (e.abnormalRead() < e.minimumAbnormal()) {
            words.add("at least " + e.minimumAbnormal() + " abnormal cases read (" + e.abnormalRead() + " read)");
        }
        if (e.normalRead() < e.minimumNormal()) {
            words.add("at least " + e.minimumNormal() + " normal cases read (" + e.normalRead() + " read)");
        }
        return words;
    }
}
