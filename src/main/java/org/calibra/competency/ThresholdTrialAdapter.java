package org.calibra.competency;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.ThresholdTrial;
import org.springframework.stereotype.Component;

/**
 * The curriculum builder's {@link ThresholdTrial}, answered by {@link ThresholdSimulation}: the same recomputation from
 * stored reads and the same evaluation that decides attempts. A proposal the simulation refuses comes back as its
 * problems, one per field (the simulation names them all in one message, each starting with its field).
 */
@Component
class ThresholdTrialAdapter implements ThresholdTrial {

    /** Where one problem of {@link ThresholdSimulation}'s message ends and the next, which starts with its field, begins. */
    private static final Pattern NEXT_PROBLEM = Pattern.compile(
            "(?<=\\.) (?=Proposed threshold \\d+|Minimum cases:|Minimum abnormal cases:|Minimum normal cases:|Attempts to simulate:)");

    private final ThresholdSimulation simulation;

    ThresholdTrialAdapter(ThresholdSimulation simulation) {
        this.simulation = simulation;
    }

    @Override
    public Trial simulate(long moduleId, List<ModuleInfo.ThresholdRule> proposed, int minimumCases, int minimumAbnormalCases,
                          int minimumNormalCases, int lastN) {
        ThresholdSimulation.Result result;
        try {
            result = simulation.simulate(moduleId, proposed, minimumCases, minimumAbnormalCases, minimumNormalCases, lastN);
        } catch (IllegalArgumentException e) {
            return Trial.refused(problems(e.getMessage()));
        }
        var attempts = result.outcomes().stream()
                .map(o -> new TrialAttempt(o.reader(), o.passedUnderCurrent(), o.passedUnderProposed(), o.failedProposed())).toList();
        return new Trial(result.attemptsConsidered(), result.passedUnderCurrent(), result.passedUnderProposed(), attempts, List.of());
    }

    static List<String> problems(String message) {
        String m = message == null || message.isBlank() ? "The proposal could not be judged." : message.strip();
        return Arrays.stream(NEXT_PROBLEM.split(m)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
