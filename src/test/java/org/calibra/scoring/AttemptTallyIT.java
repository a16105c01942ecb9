package org.calibra.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.calibra.competency.CompetencyService;
import org.calibra.reading.AttemptInfo;
import org.calibra.reading.ModuleCaseEntry;
import org.calibra.reading.ReadingService;
import org.calibra.reading.SubmittedRead;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An attempt's running sums (ADR 0028) through the real services and database: after every read they equal the sums
 * and the metrics recomputed from all its stored reads, also when two reads of one attempt are submitted at once.
 */
@IntegrationTest
class AttemptTallyIT {

    @Autowired ApplicationContext context;
    @Autowired ReadingService reading;
    @Autowired ScoringService scoring;
    @Autowired CompetencyService competency;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void after_every_read_of_random_sequences_the_running_sums_equal_a_recomputation_from_all_reads() {
        Random random = new Random(16);
        for (int trainee = 0; trainee < 6; trainee++) {
            String user = "tally-random-" + trainee;
            TestAccounts.create(context, user, Role.RESIDENT);
            SignedIn.as(user, "RESIDENT");
            var scenario = new ReadingScenario(context);
            List<ModuleCaseEntry> order = new ArrayList<>(scenario.cases());
            java.util.Collections.shuffle(order, random);
            for (ModuleCaseEntry entry : order) {
                if (reading.currentAttempt(scenario.module().id()).filter(a -> a.status() != AttemptInfo.Status.IN_PROGRESS).isPresent()) {
                    break; // passed or ended: no more reads
                }
                var read = random.nextBoolean() ? scenario.readCorrectly(entry) : scenario.readWrongly(entry);
                assertSumsEqualRecomputation(read.attemptId());
            }
            var decision = competency.decision(attempt(scenario).id()).orElseThrow();
            assertThat(decision.evaluation().passed()).as("the decision made read by read, recomputed from scratch")
                    .isEqualTo(attempt(scenario).status() == AttemptInfo.Status.PASSED);
            SignedIn.clear();
        }
    }

    @Test
    void an_attempt_without_sums_gets_them_from_its_stored_reads_at_its_next_read() {
        TestAccounts.create(context, "tally-upgrade", Role.RESIDENT);
        SignedIn.as("tally-upgrade", "RESIDENT");
        var scenario = new ReadingScenario(context);
        var entries = scenario.cases();
        scenario.readCorrectly(entries.get(0));
        long attemptId = scenario.readWrongly(entries.get(1)).attemptId();
        jdbc.update("delete from attempt_tally where attempt_id = ?", attemptId); // as for an attempt begun before V20

        scenario.readCorrectly(entries.get(2));

        assertThat(scoring.tally(attemptId).finalReads()).isEqualTo(3);
        assertSumsEqualRecomputation(attemptId);
    }

    @Test
    void two_reads_of_one_attempt_submitted_at_once_both_count() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int trainee = 0; trainee < 4; trainee++) {
                String user = "tally-twice-" + trainee;
                TestAccounts.create(context, user, Role.RESIDENT);
                SignedIn.as(user, "RESIDENT");
                var scenario = new ReadingScenario(context);
                var entries = scenario.cases();
                reading.startOrResume(scenario.module().id());
                if (trainee % 2 == 1) {
                    scenario.readWrongly(entries.get(4)); // the sums exist already: two additions race, not two first rows
                }
                int before = trainee % 2;
                var submissions = List.of(scenario.submission(entries.get(0), true), scenario.submission(entries.get(1), false));
                SignedIn.clear();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<SubmittedRead>> done = new ArrayList<>();
                for (var submission : submissions) {
                    done.add(pool.submit(() -> {
                        SignedIn.as(user, "RESIDENT");
                        try {
                            together.await(10, TimeUnit.SECONDS);
                            return reading.submit(submission);
                        } finally {
                            SignedIn.clear();
                        }
                    }));
                }
                long attemptId = done.get(0).get(60, TimeUnit.SECONDS).attemptId();
                assertThat(done.get(1).get(60, TimeUnit.SECONDS).attemptId()).isEqualTo(attemptId);

                SignedIn.as(user, "RESIDENT");
                assertThat(scoring.tally(attemptId).finalReads()).as("no update lost").isEqualTo(before + 2);
                assertThat(jdbc.queryForObject("select count(*) from trainee_read where attempt_id = ?", Integer.class, attemptId))
                        .isEqualTo(before + 2);
                assertSumsEqualRecomputation(attemptId);
                SignedIn.clear();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private AttemptInfo attempt(ReadingScenario scenario) {
        return reading.currentAttempt(scenario.module().id()).orElseThrow();
    }

    private void assertSumsEqualRecomputation(long attemptId) {
        var stored = scoring.tally(attemptId);
        assertThat(stored).isEqualTo(scoring.tallyFromScratch(attemptId));
        assertThat(stored.metrics()).isEqualTo(scoring.figures(attemptId).metrics());
        assertThat(stored.finalReads()).isEqualTo((int) jdbc.queryForObject(
                "select count(*) from trainee_read where attempt_id = ? and phase = 'final'", Integer.class, attemptId));
    }
}
