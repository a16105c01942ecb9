package org.calibra.competency;

import java.util.Optional;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.reading.AttemptInfo;
import org.calibra.scoring.ObserverPerformance;
import org.calibra.scoring.domain.reliance.RelianceMeasures;
import org.calibra.competency.domain.CompetencyEvaluation;
import org.calibra.scoring.domain.ModuleMetrics;

/**
 * Where one trainee stands in one module.
 *
 * @param casesTotal           cases this attempt reads (its draw)
 * @param missingPrerequisites titles of modules to pass before this one can start
 * @param retakeFrom           after an attempt that did not pass: when a new one may start (module cool-down)
 * @param unreachable          an open attempt that can no longer meet a threshold, and the best it can still reach
 * @param casesRead            cases read that count (repeats never do)
 * @param repeats              cases of this attempt (or of the draw it will start with) whose truth the trainee had seen
 *                             before: read for practice, never counted (ADR 0015)
 * @param unseenShortfall      how many counted cases the open attempt lacks to reach the module's minimum even if every
 *                             unseen case left is read: above zero, it cannot reach a decision
 * @param aiEffect             second-reader modules: the ROC AUC with the AI minus without on the cases read both ways
 */
public record ModuleProgress(ModuleInfo module, Optional<AttemptInfo> attempt, int casesRead, int casesTotal, ModuleMetrics metrics,
                             CompetencyEvaluation evaluation, ObserverPerformance performance, RelianceMeasures reliance,
                             java.util.List<String> missingPrerequisites, Optional<java.time.Instant> retakeFrom,
                             Optional<org.calibra.competency.domain.Reachability.Unreachable> unreachable, int repeats, int unseenShortfall,
                             Optional<org.calibra.scoring.domain.Estimate> aiEffect) {

    public boolean locked() {
        return attempt.isEmpty() && !missingPrerequisites.isEmpty();
    }

    public boolean passed() {
        return attempt.map(a -> a.status() == AttemptInfo.Status.PASSED).orElse(false);
    }

    public boolean finishedWithoutPassing() {
        return attempt.map(a -> a.status() == AttemptInfo.Status.NOT_PASSED).orElse(false);
    }

    public boolean started() {
        return attempt.isPresent();
    }
}
