package org.calibra.oversight.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.calibra.scoring.irt.ItemResponses;

/**
 * Right/wrong case calls of readers on cases: one row per reader (an attempt), one column per case, a cell empty where the
 * reader did not read the case. Built from the reads in the order given; when a reader has two responses to the same
 * case only the first counts (the later one was made knowing more than the first).
 */
public final class ResponseMatrix {

    /**
     * One scored case call.
     *
     * @param reader the respondent: an attempt (each attempt is one reading of the module at one level of skill)
     * @param caseId the case (slug)
     * @param right  whether the case-level call agreed with the ground truth (docs/metrics.md, "Calibrated cases")
     */
    public record Response(long reader, String caseId, boolean right) {
        public Response {
            Objects.requireNonNull(caseId, "caseId");
        }
    }

    private final List<String> cases;
    private final Map<Long, Map<String, Boolean>> byReader;

    private ResponseMatrix(List<String> cases, Map<Long, Map<String, Boolean>> byReader) {
        this.cases = List.copyOf(cases);
        this.byReader = byReader;
    }

    /** The matrix of these cases, then any case responded to but not listed (sorted by id). */
    public static ResponseMatrix of(List<String> cases, List<Response> responses) {
        var ids = new LinkedHashSet<>(cases);
        responses.stream().map(Response::caseId).filter(c -> !ids.contains(c)).sorted().forEach(ids::add);
        Map<Long, Map<String, Boolean>> byReader = new LinkedHashMap<>();
        for (Response r : responses) {
            byReader.computeIfAbsent(r.reader(), k -> new LinkedHashMap<>()).putIfAbsent(r.caseId(), r.right());
        }
        return new ResponseMatrix(new ArrayList<>(ids), byReader);
    }

    public List<String> cases() {
        return cases;
    }

    /** Readers with at least one response. */
    public int readers() {
        return byReader.size();
    }

    /** Readers who read the case. */
    public int reads(String caseId) {
        return (int) byReader.values().stream().filter(row -> row.containsKey(caseId)).count();
    }

    /** Readers who called the case right. */
    public int right(String caseId) {
        return (int) byReader.values().stream().filter(row -> Boolean.TRUE.equals(row.get(caseId))).count();
    }

    /** The response of a reader to a case: 1 right, 0 wrong, {@link ItemResponses#MISSING} not read. */
    public int cell(long reader, String caseId) {
        Boolean right = byReader.getOrDefault(reader, Map.of()).get(caseId);
        return right == null ? ItemResponses.MISSING : right ? 1 : 0;
    }

    /** Readers who read at least one of these cases. */
    public int readersOf(List<String> subset) {
        return (int) byReader.values().stream().filter(row -> subset.stream().anyMatch(row::containsKey)).count();
    }

    /** The columns of these cases, as the IRT engine takes them, without the readers who read none of them. */
    public ItemResponses responses(List<String> subset) {
        List<int[]> rows = new ArrayList<>();
        for (var entry : byReader.entrySet()) {
            int[] row = subset.stream().mapToInt(c -> cell(entry.getKey(), c)).toArray();
            if (java.util.Arrays.stream(row).anyMatch(u -> u != ItemResponses.MISSING)) {
                rows.add(row);
            }
        }
        return ItemResponses.of(subset, rows.toArray(int[][]::new));
    }
}
