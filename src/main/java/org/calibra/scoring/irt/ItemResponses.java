package org.calibra.scoring.irt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Correct (1) / incorrect (0) responses of persons to items, with missing responses allowed (a trainee does
 * not read every case). Identical response patterns are pooled with a count, since the marginal likelihood
 * depends on the data only through the patterns.
 */
public final class ItemResponses {

    /** The code for "not answered" in the int matrix form. */
    public static final int MISSING = -1;

    private final List<String> items;
    private final int[][] patterns;
    private final double[] counts;

    private ItemResponses(List<String> items, int[][] patterns, double[] counts) {
        this.items = List.copyOf(items);
        this.patterns = patterns;
        this.counts = counts;
    }

    /** Persons × items, each entry 1 (correct), 0 (incorrect) or {@link #MISSING}. */
    public static ItemResponses of(List<String> items, int[][] responses) {
        int[] ones = new int[responses.length];
        java.util.Arrays.fill(ones, 1);
        return fromPatterns(items, responses, ones);
    }

    /** Persons × items, each entry 1, 0 or null (not answered). */
    public static ItemResponses ofNullable(List<String> items, Integer[][] responses) {
        int[][] coded = new int[responses.length][];
        for (int p = 0; p < responses.length; p++) {
            requireRow(items, responses[p] == null ? -1 : responses[p].length, p);
            coded[p] = new int[items.size()];
            for (int i = 0; i < items.size(); i++) {
                coded[p][i] = responses[p][i] == null ? MISSING : responses[p][i];
            }
        }
        return of(items, coded);
    }

    /** Distinct response patterns with the number of persons who gave each (counts may be 0). */
    public static ItemResponses fromPatterns(List<String> items, int[][] patterns, int[] counts) {
        requireItems(items);
        if (patterns.length != counts.length) {
            throw new IllegalArgumentException("there are " + patterns.length + " response patterns but "
                    + counts.length + " counts; expected one count per pattern");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<int[]> pooled = new ArrayList<>();
        List<Double> pooledCounts = new ArrayList<>();
        for (int p = 0; p < patterns.length; p++) {
            requireRow(items, patterns[p] == null ? -1 : patterns[p].length, p);
            if (counts[p] < 0) {
                throw new IllegalArgumentException("response pattern " + (p + 1) + " has count " + counts[p]
                        + "; expected 0 or more");
            }
            for (int i = 0; i < items.size(); i++) {
                int u = patterns[p][i];
                if (u != 0 && u != 1 && u != MISSING) {
                    throw new IllegalArgumentException("person " + (p + 1) + ", item '" + items.get(i)
                            + "': response " + u + "; expected 1 (correct), 0 (incorrect) or -1 (not answered)");
                }
            }
            String key = java.util.Arrays.toString(patterns[p]);
            Integer at = index.get(key);
            if (at == null) {
                index.put(key, pooled.size());
                pooled.add(patterns[p].clone());
                pooledCounts.add((double) counts[p]);
            } else {
                pooledCounts.set(at, pooledCounts.get(at) + counts[p]);
            }
        }
        double[] c = new double[pooledCounts.size()];
        for (int p = 0; p < c.length; p++) {
            c[p] = pooledCounts.get(p);
        }
        return new ItemResponses(items, pooled.toArray(int[][]::new), c);
    }

    private static void requireItems(List<String> items) {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("no items: expected at least one item label");
        }
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            if (item == null || item.isBlank() || !seen.add(item)) {
                throw new IllegalArgumentException("item labels must be non-blank and distinct; '" + item
                        + "' is blank or repeated");
            }
        }
    }

    private static void requireRow(List<String> items, int length, int person) {
        if (length != items.size()) {
            throw new IllegalArgumentException("person " + (person + 1) + " has "
                    + (length < 0 ? "no row" : length + " responses") + "; expected one per item (" + items.size() + ")");
        }
    }

    public List<String> items() {
        return items;
    }

    public int itemCount() {
        return items.size();
    }

    int patternCount() {
        return patterns.length;
    }

    /** Response of pattern p to item i: 1, 0 or {@link #MISSING}. */
    int response(int p, int i) {
        return patterns[p][i];
    }

    double count(int p) {
        return counts[p];
    }

    /** Number of persons (sum of the pattern counts). */
    public double persons() {
        double n = 0;
        for (double c : counts) {
            n += c;
        }
        return n;
    }

    /** Persons who answered item i, and how many of them correctly. */
    double[] answeredAndCorrect(int i) {
        double answered = 0;
        double correct = 0;
        for (int p = 0; p < patterns.length; p++) {
            if (patterns[p][i] != MISSING) {
                answered += counts[p];
                correct += counts[p] * patterns[p][i];
            }
        }
        return new double[] {answered, correct};
    }
}
