package org.calibra.competency;

import java.util.Optional;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.reading.AttemptInfo;
import org.calibra.scoring.ObserverPerformance;
import org.calibra.scoring.domain.reliance.RelianceMeasures;
import org.calibra.scoring.domain.CompetencyEvaluation;
import org.calibra.scoring.domain.ModuleMetrics;

/** Where one trainee stands in one module. */
public record ModuleProgress(ModuleInfo module, Optional<AttemptInfo> attempt, int casesRead, int casesTotal, ModuleMetrics metrics,
                             CompetencyEvaluation evaluation, ObserverPerformance performance, RelianceMeasures reliance) {

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
