package org.calibra.curriculum.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Modules whose case pools share cases, for the loader (and the curriculum builder) to warn about. A resident who
 * reads a shared case in one module sees its truth in the feedback; in the other module it is then a repeat that never
 * counts (ADR 0015), so overlapping pools shrink what an attempt can count. Only modules a resident could meet both
 * of are compared: the same institution's programmes (residents see only their own institution's).
 */
public final class PoolOverlap {

    private PoolOverlap() {
    }

    /** Two modules and the cases their pools share. */
    public record Overlap(String curriculumA, String moduleA, String curriculumB, String moduleB, List<String> sharedCases) {

        /** The warning, in words an educator can act on. */
        public String describe() {
            String a = "'" + moduleA + "' (" + curriculumA + ")";
            String b = "'" + moduleB + "' (" + curriculumB + ")";
            return "Modules " + a + " and " + b + " share " + sharedCases.size() + " case(s): " + String.join(", ", sharedCases)
                    + ". A resident who reads one of them meets these cases in the other as repeats, which do not count.";
        }
    }

    public static List<Overlap> find(List<CurriculumReader.Checked> curricula) {
        record Pool(String institution, String curriculum, String module, List<String> cases) {}
        List<Pool> pools = new ArrayList<>();
        for (var c : curricula) {
            for (var m : c.manifest().modules()) {
                pools.add(new Pool(c.manifest().institution(), c.manifest().id(), m.id(), c.pool(m.id())));
            }
        }
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            for (int j = i + 1; j < pools.size(); j++) {
                Pool a = pools.get(i);
                Pool b = pools.get(j);
                if (!Objects.equals(a.institution(), b.institution())) {
                    continue;
                }
                var shared = new LinkedHashSet<>(a.cases());
                shared.retainAll(new java.util.HashSet<>(b.cases()));
                if (!shared.isEmpty()) {
                    overlaps.add(new Overlap(a.curriculum(), a.module(), b.curriculum(), b.module(), List.copyOf(shared)));
                }
            }
        }
        return overlaps;
    }
}
