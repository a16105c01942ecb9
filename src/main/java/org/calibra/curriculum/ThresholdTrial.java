package org.calibra.curriculum;

import java.util.List;

/**
 * "How would the last N attempts of this module have been decided under these thresholds?" — asked by the curriculum
 * builder before a change is published, answered by the competency module, which decides attempts (and depends on this
 * module, so the question is asked through this interface; competency's adapter delegates to its threshold simulation).
 * Nothing is stored and no attempt changes.
 */
public interface ThresholdTrial {

    /** The most attempts one trial looks at. */
    int MAX_ATTEMPTS = 200;

    /**
     * The module's last {@code lastN} attempts with at least one counted read, newest first, judged under the module's
     * published rules and under {@code proposed} with these case minimums. Proposals that cannot be judged come back as
     * {@link Trial#problems()}, one per field, in words.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the signed-in user oversees the module
     */
    Trial simulate(long moduleId, List<ModuleInfo.ThresholdRule> proposed, int minimumCases, int minimumAbnormalCases,
                   int minimumNormalCases, int lastN);

    /**
     * The attempts considered and how many pass under each set of rules; or, when the proposal could not be judged, only
     * {@code problems} (then no attempt was looked at).
     */
    record Trial(int attemptsConsidered, int passedUnderCurrent, int passedUnderProposed, List<TrialAttempt> attempts, List<String> problems) {
        public Trial {
            attempts = List.copyOf(attempts);
            problems = List.copyOf(problems);
        }

        public static Trial refused(List<String> problems) {
            return new Trial(0, 0, 0, List.of(), problems);
        }

        public boolean refused() {
            return !problems.isEmpty();
        }
    }

    /**
     * One attempt under both sets of rules: {@code reader} is the resident's pseudonym (R and a number), never a name;
     * {@code failedProposed} what it would not meet under the proposal, in words (empty when it would pass).
     */
    record TrialAttempt(String reader, boolean passedUnderCurrent, boolean passedUnderProposed, List<String> failedProposed) {
        public TrialAttempt {
            failedProposed = List.copyOf(failedProposed);
        }
    }
}
