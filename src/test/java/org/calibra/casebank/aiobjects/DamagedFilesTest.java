package org.calibra.casebank.aiobjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, a file is mapped or refused in words — no exception escapes: every 7th cut of a SEG and an SR, and
 * seeded random corruption of bytes in their data sets.
 */
class DamagedFilesTest {

    private final Fixtures fx = new Fixtures();

    @Test
    void cut_and_corrupted_files_are_refused_in_words_or_still_mapped() {
        for (byte[] whole : List.of(Fixtures.bytes(fx.seg()), Fixtures.bytes(fx.sr()))) {
            for (int end = 0; end < whole.length; end += 7) {
                check(Arrays.copyOf(whole, end));
            }
            Random random = new Random(13);
            for (int round = 0; round < 400; round++) {
                byte[] damaged = whole.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    damaged[300 + random.nextInt(whole.length - 300)] = (byte) random.nextInt(256);
                }
                check(damaged);
            }
        }
    }

    private void check(byte[] bytes) {
        AiFileResult r = AiObjects.read(new AiFile("damaged.dcm", bytes), fx.images);
        if (r instanceof AiFileResult.Refused refused) {
            assertThat(refused.problems()).allSatisfy(p -> assertThat(p).doesNotContainPattern("(?i)exception|at byte|\\tat "));
        }
    }
}
