package org.calibra.scoring.domain.reliance;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.calibra.scoring.domain.Proportion;

/**
 * How a trainee relied on AI advice, at the case level (docs/metrics.md, "Reliance on the AI").
 * Every measure is a Wilson proportion over the cases where it is defined, so each says how many cases it
 * rests on. The measures that need a read before the AI (switching, RAIR, RSR, accuracy gained) use only
 * second-reader cases; concurrent reads give the rest.
 *
 * @param accuracyWhenAiRight   final calls right, among cases the AI got right
 * @param accuracyWhenAiWrong   final calls right, among cases the AI got wrong
 * @param overReliance          final call agrees with a wrong AI, among cases the AI got wrong
 * @param underReliance         final call overrides a right AI, among cases the AI got right
 * @param relativeAiReliance    RAIR: switched to the AI, among cases initially wrong with the AI right (Schemmer et al. 2023)
 * @param relativeSelfReliance  RSR: kept the initial call, among cases initially right with the AI wrong (Schemmer et al. 2023)
 * @param harmfulSwitches       switched from a right initial call to a wrong AI call, among cases initially right with the AI wrong
 * @param initialAccuracy       initial calls right (second-reader cases)
 * @param finalAccuracyPaired   final calls right on the same second-reader cases
 * @param aiRequested           on-request cases where the trainee asked for the AI, among all on-request cases
 */
public record RelianceMeasures(Proportion accuracyWhenAiRight, Proportion accuracyWhenAiWrong, Proportion overReliance,
                               Proportion underReliance, Proportion relativeAiReliance, Proportion relativeSelfReliance,
                               Proportion harmfulSwitches, Proportion initialAccuracy, Proportion finalAccuracyPaired,
                               Proportion aiRequested) {

    public static RelianceMeasures compute(List<RelianceCase> cases) {
        return compute(cases, List.of());
    }

    /**
     * @param cases          cases read with the AI in view (concurrent, second-reader revisions, on-request after asking)
     * @param onRequestAsked one entry per on-request case: whether the trainee asked for the AI
     */
    public static RelianceMeasures compute(List<RelianceCase> cases, List<Boolean> onRequestAsked) {
        List<RelianceCase> aiRight = cases.stream().filter(RelianceCase::aiRight).toList();
        List<RelianceCase> aiWrong = cases.stream().filter(c -> !c.aiRight()).toList();
        List<RelianceCase> paired = cases.stream().filter(c -> c.initialCall().isPresent()).toList();
        List<RelianceCase> wrongThenAiRight = paired.stream().filter(c -> !initiallyRight(c) && c.aiRight()).toList();
        List<RelianceCase> rightThenAiWrong = paired.stream().filter(c -> initiallyRight(c) && !c.aiRight()).toList();
        return new RelianceMeasures(
                share(aiRight, RelianceCase::finalRight),
                share(aiWrong, RelianceCase::finalRight),
                share(aiWrong, RelianceCase::followedAi),
                share(aiRight, c -> !c.followedAi()),
                share(wrongThenAiRight, RelianceCase::followedAi),
                share(rightThenAiWrong, c -> c.finalCall() == c.initialCall().orElseThrow()),
                share(rightThenAiWrong, c -> !c.finalRight()),
                share(paired, RelianceMeasures::initiallyRight),
                share(paired, RelianceCase::finalRight),
                Proportion.wilson((int) onRequestAsked.stream().filter(Boolean::booleanValue).count(), onRequestAsked.size()));
    }

    /** Final minus initial accuracy on the second-reader cases: what seeing the AI gained (positive) or cost. */
    public OptionalDouble accuracyGained() {
        if (!initialAccuracy.isDefined()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(finalAccuracyPaired.estimate().getAsDouble() - initialAccuracy.estimate().getAsDouble());
    }

    /** Cases read both before and after the AI (second reader); zero when none were. */
    public int pairedCases() {
        return initialAccuracy.trials();
    }

    private static boolean initiallyRight(RelianceCase c) {
        return c.initialCall().map(call -> call == c.truthAbnormal()).orElse(false);
    }

    private static Proportion share(List<RelianceCase> among, java.util.function.Predicate<RelianceCase> counts) {
        return Proportion.wilson((int) among.stream().filter(counts).count(), among.size());
    }

}
