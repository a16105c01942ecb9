package org.calibra.reading;

import org.calibra.curriculum.ReadingMode;

/** Which read may be stored now: second-reader modules take an initial read first, the others only a final one. */
record PhaseRule(ReadingMode mode, ReadPhase phase, boolean initialDone) {

    void check() {
        if (mode != ReadingMode.SECOND_READER && phase == ReadPhase.INITIAL) {
            throw new ReadRejectedException("This module has no separate first read; submit your read directly.");
        }
        if (mode == ReadingMode.SECOND_READER && phase == ReadPhase.INITIAL && initialDone) {
            throw new ReadRejectedException("Your first read of this case is already committed.");
        }
        if (mode == ReadingMode.SECOND_READER && phase == ReadPhase.FINAL && !initialDone) {
            throw new ReadRejectedException("Commit your own first read before the AI is shown and you submit the final read.");
        }
    }
}
