package org.calibra.scoring.domain.reliance;

import java.util.Optional;

/**
 * One case read with AI advice, reduced to case-level calls (abnormal = true).
 *
 * @param truthAbnormal the ground truth
 * @param aiAbnormal    the AI's call (its score at or above its operating point)
 * @param initialCall   the trainee's call before seeing the AI (second-reader reads only)
 * @param finalCall     the trainee's call with the AI in view
 */
public record RelianceCase(boolean truthAbnormal, boolean aiAbnormal, Optional<Boolean> initialCall, boolean finalCall) {

    public RelianceCase {
        initialCall = initialCall == null ? Optional.empty() : initialCall;
    }

    public boolean aiRight() {
        return aiAbnormal == truthAbnormal;
    }

    public boolean finalRight() {
        return finalCall == truthAbnormal;
    }

    public boolean followedAi() {
        return finalCall == aiAbnormal;
    }
}
