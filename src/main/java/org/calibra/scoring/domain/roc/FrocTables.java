package org.calibra.scoring.domain.roc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link FrocDataset} from the three tables of the JAFROC/RJafroc data file (one reader,
 * one modality): TRUTH, NL and LL. This is the shape a later CSV import reads.
 *
 * <ul>
 *   <li>TRUTH: one row per lesion of an abnormal case (lesion id 1, 2, ...) and one row with lesion
 *       id 0 per normal case, as in RJafroc's Excel format. Weight 0 on every lesion of a case
 *       means "equal weights", as RJafroc does when weights are not given.</li>
 *   <li>NL: one row per NL mark: case id and rating.</li>
 *   <li>LL: at most one row per lesion: case id, lesion id and rating. A lesion without a row is
 *       unmarked ({@link Psi#UNMARKED}).</li>
 * </ul>
 */
public final class FrocTables {

    /** Lesion id of the TRUTH row that declares a normal case. */
    public static final int NORMAL_CASE_LESION_ID = 0;

    private FrocTables() {
    }

    /** @param weight the lesion's weight, or 0 on all of a case's lesions for equal weights */
    public record TruthRow(String caseId, int lesionId, double weight) {
    }

    public record NlRow(String caseId, double rating) {
    }

    public record LlRow(String caseId, int lesionId, double rating) {
    }

    /**
     * @throws IllegalArgumentException for a case both normal and abnormal, a repeated lesion or LL
     *                                  row, a row naming an unknown case or lesion, a normal case
     *                                  with an LL row, or weights that are neither all 0 nor sum to 1
     */
    public static FrocDataset toDataset(List<TruthRow> truth, List<NlRow> nl, List<LlRow> ll) {
        // Cases keep the order of their first TRUTH row, so results are reproducible.
        Map<String, Map<Integer, Double>> lesionWeights = new LinkedHashMap<>();
        for (TruthRow t : truth) {
            if (t.lesionId() < 0) {
                throw new IllegalArgumentException("TRUTH: case " + t.caseId() + " lesion id must be >= 0, was " + t.lesionId());
            }
            var lesions = lesionWeights.computeIfAbsent(t.caseId(), k -> new LinkedHashMap<>());
            if (lesions.put(t.lesionId(), t.weight()) != null) {
                throw new IllegalArgumentException("TRUTH: case " + t.caseId() + " lesion " + t.lesionId() + " listed twice");
            }
            if (lesions.containsKey(NORMAL_CASE_LESION_ID) && lesions.size() > 1) {
                throw new IllegalArgumentException("TRUTH: case " + t.caseId() + " has lesion id 0 (normal) and lesions");
            }
        }
        Map<String, List<Double>> nlByCase = new HashMap<>();
        for (NlRow r : nl) {
            requireKnownCase(lesionWeights, r.caseId(), "NL");
            nlByCase.computeIfAbsent(r.caseId(), k -> new ArrayList<>()).add(r.rating());
        }
        Map<String, Map<Integer, Double>> llByCase = new HashMap<>();
        for (LlRow r : ll) {
            var lesions = requireKnownCase(lesionWeights, r.caseId(), "LL");
            if (r.lesionId() == NORMAL_CASE_LESION_ID || !lesions.containsKey(r.lesionId())) {
                throw new IllegalArgumentException("LL: case " + r.caseId() + " has no lesion " + r.lesionId());
            }
            Psi.requireMarkRating(r.rating(), "LL: case " + r.caseId() + " lesion " + r.lesionId() + " rating");
            // RJafroc keeps one LL per lesion; a second row means the highest-rating rule was not applied.
            if (llByCase.computeIfAbsent(r.caseId(), k -> new HashMap<>()).put(r.lesionId(), r.rating()) != null) {
                throw new IllegalArgumentException("LL: case " + r.caseId() + " lesion " + r.lesionId() + " rated twice");
            }
        }
        var cases = new ArrayList<FrocCase>();
        lesionWeights.forEach((caseId, lesions) -> {
            List<Double> nls = nlByCase.getOrDefault(caseId, List.of());
            if (lesions.containsKey(NORMAL_CASE_LESION_ID)) {
                cases.add(new FrocCase(caseId, false, nls, List.of()));
                return;
            }
            boolean equal = lesions.values().stream().allMatch(w -> w == 0.0);
            var lls = llByCase.getOrDefault(caseId, Map.of());
            var frocLesions = new ArrayList<FrocLesion>();
            lesions.forEach((lesionId, w) -> frocLesions.add(new FrocLesion(Integer.toString(lesionId),
                    equal ? 1.0 / lesions.size() : w, lls.getOrDefault(lesionId, Psi.UNMARKED))));
            cases.add(new FrocCase(caseId, true, nls, frocLesions));
        });
        return FrocDataset.of(cases);
    }

    private static Map<Integer, Double> requireKnownCase(Map<String, Map<Integer, Double>> truth, String caseId,
            String table) {
        var lesions = truth.get(caseId);
        if (lesions == null) {
            throw new IllegalArgumentException(table + ": case " + caseId + " is not in TRUTH");
        }
        return lesions;
    }
}
