package org.calibra.competency;

import static org.assertj.core.api.Assertions.assertThat;

import org.calibra.scoring.CohortComparison;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The anonymised cohort comparison and the list of cases to review, on a copy of the concurrent demo module that only
 * this test reads in: other ITs read the demo module itself, and their residents would join the cohort.
 */
@IntegrationTest
class CohortAndReviewIT {

    private static final String MODULE = "cohort-reads";
    private static final String CURRICULUM = """
            schemaVersion: 1
            id: cohort-test
            title: "Cohort test"
            description: "The demo's first reads, for CohortAndReviewIT alone."
            certificate:
              title: "Cohort test certificate"
              validityMonths: 12
              competencies: ["Reads with a concurrent AI"]
            modules:
              - id: cohort-reads
                title: "Cohort reads"
                description: "The seven demo cases, AI shown."
                readingMode: concurrent
                cases: [ct-thoracic-spine-staging-normal, mr-iac-schwannoma-detected, nm-bone-scan-injection-site, mra-neck-0932,
                        mr-brain-0417, mr-iac-schwannoma-ai-missed, rtdose-multiframe-not-diagnostic]
                minimumCases: 6
                thresholds:
                  - metric: sensitivity
                    min: 0.6
                  - metric: specificity
                    min: 0.6
            """;

    @Autowired ApplicationContext context;
    @Autowired CompetencyService competency;
    @Autowired org.calibra.content.ContentLoader loader;

    @TempDir
    Path tmp;

    @BeforeEach
    void loadTheTestCurriculum() throws Exception {
        org.calibra.support.ContentCopy.loadWithCurriculum(loader, tmp, "cohort-test", CURRICULUM);
    }

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void the_cohort_appears_only_from_five_other_residents_and_shows_quartiles_and_my_percentile() {
        TestAccounts.create(context, "cohort-me", Role.RESIDENT);
        // six residents read the first six cases: three get every case right, three every case wrong
        for (int i = 0; i < 6; i++) {
            readSix("cohort-" + i, i < 3);
            if (i == 3) {
                SignedIn.as("cohort-me", "RESIDENT");
                assertThat(competency.cohort(module()).available()).as("four others are too few").isFalse();
                SignedIn.clear();
            }
        }
        SignedIn.as("cohort-me", "RESIDENT");
        var scenario = new ReadingScenario(context, MODULE);
        scenario.cases().subList(0, 6).forEach(scenario::readCorrectly);

        CohortComparison cohort = competency.cohort(scenario.module().id());

        assertThat(cohort.trainees()).isEqualTo(6); // cohort-0..5; never me
        assertThat(cohort.available()).isTrue();
        var accuracyLike = cohort.metrics().get("specificity");
        assertThat(accuracyLike.n()).isEqualTo(6);
        assertThat(accuracyLike.median()).isEqualTo(0.5); // three at 1.0, three at 0.0
        assertThat(accuracyLike.you()).hasValue(1.0);
        assertThat(accuracyLike.percentileOfYou()).hasValue(0.75); // three below me, three tied: (3 + 3/2) / 6
        assertThat(cohort.operatingPoints()).hasSize(6);
        assertThat(competency.toReview(scenario.module().id())).as("all right: nothing to review").isEmpty();
    }

    @Test
    void wrong_reads_are_listed_for_review_most_serious_first() {
        TestAccounts.create(context, "reviewer", Role.RESIDENT);
        SignedIn.as("reviewer", "RESIDENT");
        var scenario = new ReadingScenario(context, MODULE);
        var cases = scenario.cases();
        var right = scenario.readCorrectly(cases.get(0));
        var wrong = scenario.readWrongly(cases.get(1));

        var review = competency.toReview(scenario.module().id());

        assertThat(review).singleElement().satisfies(item -> {
            assertThat(item.readId()).isEqualTo(wrong.readId());
            assertThat(item.caseOutcome()).isIn("FN", "FP");
        });
        assertThat(review).noneMatch(item -> item.readId() == right.readId());
    }

    private void readSix(String user, boolean right) {
        TestAccounts.create(context, user, Role.RESIDENT);
        SignedIn.as(user, "RESIDENT");
        var scenario = new ReadingScenario(context, MODULE);
        scenario.cases().subList(0, 6).forEach(c -> {
            if (right) {
                scenario.readCorrectly(c);
            } else {
                scenario.readWrongly(c);
            }
        });
        SignedIn.clear();
    }

    private long module() {
        return new ReadingScenario(context, MODULE).module().id();
    }
}
