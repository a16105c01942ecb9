package org.calibra.oversight.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.calibra.scoring.domain.Proportion;

/**
 * How each case of a module's pool fared across residents' counted final reads (docs/metrics.md, "Case statistics"): times
 * read, proportion of right case-level calls, lesions found, false marks per read, following the AI when it was wrong (the
 * "AI trap") and when it was right, the median reading time, and the upper–lower discrimination index that flags a case
 * strong readers get wrong more often than weak ones. Plain Java over facts already scored: nothing here re-scores a read.
 */
public final class CaseStatistics {

    /** Readers needed in each of the upper and lower groups before a negative index flags a case. */
    public static final int MINIMUM_GROUP = 3;

    private CaseStatistics() {
    }

    /**
     * One counted final read (repeats and second-reader first reads left out by the caller).
     *
     * @param attemptId       the attempt it belongs to: each attempt is one reader for the discrimination index
     * @param aiSeen          whether the AI's advice was on screen for this read
     * @param aiCalledAbnormal the AI's case-level call (meaningful only when {@code aiSeen})
     */
    public record Read(long attemptId, String caseSlug, boolean truthAbnormal, boolean calledAbnormal, int lesionsTotal, int lesionsFound,
                       int falseMarks, boolean aiSeen, boolean aiCalledAbnormal, long durationMs) {
        public Read {
            Objects.requireNonNull(caseSlug, "caseSlug");
            if (lesionsFound < 0 || lesionsFound > lesionsTotal || falseMarks < 0 || durationMs < 0) {
                throw new IllegalArgumentException("Read of " + caseSlug + ": lesions found must be between 0 and " + lesionsTotal
                        + ", false marks and reading time at least 0; were " + lesionsFound + ", " + falseMarks + ", " + durationMs);
            }
        }

        public boolean correct() {
            return calledAbnormal == truthAbnormal;
        }

        boolean aiRight() {
            return aiCalledAbnormal == truthAbnormal;
        }

        boolean followedAi() {
            return calledAbnormal == aiCalledAbnormal;
        }
    }

    /**
     * Upper–lower discrimination of one case. Each reader (attempt) that read the case and at least one other case gets a
     * rest score: its proportion of right calls on its <em>other</em> cases. Readers strictly above the median rest score form
     * the upper group, strictly below it the lower group (readers at the median are in neither).
     * {@code index} = proportion right in the upper group − in the lower group; empty while either group is empty.
     */
    public record Discrimination(int upperReaders, int lowerReaders, OptionalDouble upperCorrect, OptionalDouble lowerCorrect,
                                 OptionalDouble index) {
        /** Negative, with at least {@link #MINIMUM_GROUP} readers in each group: possibly wrong truth — check the case. */
        public boolean flagged() {
            return index.isPresent() && index.getAsDouble() < 0 && upperReaders >= MINIMUM_GROUP && lowerReaders >= MINIMUM_GROUP;
        }
    }

    /**
     * @param caseTitle        the case's title, what educators read (the slug when no title is known)
     * @param correct          right case-level calls, among the case's reads
     * @param lesionsFound     lesions found, among the lesions of all its reads (undefined on a normal case)
     * @param falseMarksPerRead non-lesion marks per read; empty when never read
     * @param followedWrongAi  the "AI trap": final call equal to the AI's, among reads with the AI seen and wrong
     * @param followedRightAi  final call equal to the AI's, among reads with the AI seen and right
     * @param medianSeconds    median reading time in seconds; empty when never read
     */
    public record CaseStat(String caseSlug, String caseTitle, int timesRead, Proportion correct, Proportion lesionsFound, OptionalDouble falseMarksPerRead,
                           Proportion followedWrongAi, Proportion followedRightAi, OptionalDouble medianSeconds, Discrimination discrimination) {
    }

    /** As {@link #compute(List, List, Map)} with no titles known: each case is named by its slug. */
    public static List<CaseStat> compute(List<String> poolSlugs, List<Read> reads) {
        return compute(poolSlugs, reads, Map.of());
    }

    /**
     * One row per case of the pool, in pool order, then any case read in the module but no longer in its pool, by slug;
     * each named by its title in {@code titles} (by slug), or by its slug when the title is missing or blank.
     */
    public static List<CaseStat> compute(List<String> poolSlugs, List<Read> reads, Map<String, String> titles) {
        var slugs = new LinkedHashSet<>(poolSlugs);
        reads.stream().map(Read::caseSlug).filter(s -> !slugs.contains(s)).sorted().distinct().forEach(slugs::add);
        Map<Long, List<Read>> byAttempt = new LinkedHashMap<>();
        reads.forEach(r -> byAttempt.computeIfAbsent(r.attemptId(), k -> new ArrayList<>()).add(r));
        List<CaseStat> result = new ArrayList<>();
        for (String slug : slugs) {
            List<Read> of = reads.stream().filter(r -> r.caseSlug().equals(slug)).toList();
            int lesions = of.stream().mapToInt(Read::lesionsTotal).sum();
            int found = of.stream().mapToInt(Read::lesionsFound).sum();
            List<Read> aiWrong = of.stream().filter(r -> r.aiSeen() && !r.aiRight()).toList();
            List<Read> aiRight = of.stream().filter(r -> r.aiSeen() && r.aiRight()).toList();
            String title = titles.get(slug);
            result.add(new CaseStat(slug, title == null || title.isBlank() ? slug : title, of.size(), share(of, Read::correct), Proportion.wilson(found, lesions),
                    of.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(of.stream().mapToInt(Read::falseMarks).sum() / (double) of.size()),
                    share(aiWrong, Read::followedAi), share(aiRight, Read::followedAi),
                    median(of.stream().map(r -> r.durationMs() / 1000.0).toList()), discrimination(slug, byAttempt)));
        }
        return result;
    }

    static Discrimination discrimination(String slug, Map<Long, List<Read>> byAttempt) {
        List<Reader> readers = new ArrayList<>();
        for (List<Read> reads : byAttempt.values()) {
            var here = reads.stream().filter(r -> r.caseSlug().equals(slug)).findFirst();
            List<Read> others = reads.stream().filter(r -> !r.caseSlug().equals(slug)).toList();
            if (here.isPresent() && !others.isEmpty()) {
                readers.add(new Reader(here.get().correct(), others.stream().filter(Read::correct).count() / (double) others.size()));
            }
        }
        if (readers.isEmpty()) {
            return new Discrimination(0, 0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        }
        double median = median(readers.stream().map(Reader::rest).toList()).getAsDouble();
        List<Reader> upper = readers.stream().filter(r -> r.rest() > median).toList();
        List<Reader> lower = readers.stream().filter(r -> r.rest() < median).toList();
        OptionalDouble pu = rightShare(upper);
        OptionalDouble pl = rightShare(lower);
        OptionalDouble index = pu.isPresent() && pl.isPresent() ? OptionalDouble.of(pu.getAsDouble() - pl.getAsDouble()) : OptionalDouble.empty();
        return new Discrimination(upper.size(), lower.size(), pu, pl, index);
    }

    /** A reader of the case: right on it or not, and its proportion right on its other cases. */
    private record Reader(boolean correctHere, double rest) {}

    private static OptionalDouble rightShare(List<Reader> readers) {
        return readers.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(readers.stream().filter(Reader::correctHere).count() / (double) readers.size());
    }

    /** The median: the middle value, or the mean of the two middle values of an even count; empty for none. */
    public static OptionalDouble median(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return OptionalDouble.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    private static Proportion share(List<Read> among, java.util.function.Predicate<Read> counts) {
        return Proportion.wilson((int) among.stream().filter(counts).count(), among.size());
    }
}
