package org.calibra.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.ModuleInfo.ThresholdRule;
import org.calibra.institution.InstitutionService;
import org.calibra.institution.Slugs;
import org.calibra.reading.AttemptInfo;
import org.calibra.reading.ReadingService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.security.UserService;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Real reads in the concurrent demo module (7 cases; minimum 6; sensitivity and specificity ≥ 60 %), decided again
 * under current and proposed rules: one resident passed, one failed for good, one is two reads in, one has not read.
 */
@IntegrationTest
class ThresholdSimulationIT {

    @Autowired ApplicationContext context;
    @Autowired ThresholdSimulation simulation;
    @Autowired ReadingService reading;
    @Autowired UserService users;
    @Autowired InstitutionService institutions;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void the_last_attempts_are_decided_under_current_and_proposed_rules_side_by_side() {
        var module = new ReadingScenario(context, "first-reads").module();
        read("sim-good", true, 7);
        read("sim-poor", false, 7);
        read("sim-half", true, 2);
        read("sim-none", true, 0);
        long good = userId("sim-good");
        long poor = userId("sim-poor");
        long half = userId("sim-half");

        SignedIn.as("educator", "EDUCATOR");
        // the module's own rules, proposed unchanged: every attempt is decided as it was
        var same = simulation.simulate(module.id(), module.thresholds(), module.minimumCases(), module.rules().minimumAbnormalCases(),
                module.rules().minimumNormalCases(), 3);
        assertThat(same.attemptsConsidered()).isEqualTo(3);
        assertThat(same.outcomes()).extracting(ThresholdSimulation.Outcome::reader).as("newest first; the unread attempt is not considered")
                .containsExactly("R" + half, "R" + poor, "R" + good);
        assertThat(same.outcomes()).allSatisfy(o -> assertThat(o.passedUnderProposed()).isEqualTo(o.passedUnderCurrent()));
        assertThat(same.outcomes()).extracting(ThresholdSimulation.Outcome::passedUnderCurrent).containsExactly(false, false, true);
        assertThat(same.passedUnderCurrent()).isEqualTo(1).isEqualTo(same.passedUnderProposed());
        assertThat(same.outcomes().get(2).failedProposed()).isEmpty();
        var oversight = context.getBean(org.calibra.reading.AttemptOversight.class);
        for (var o : same.outcomes()) {
            var stored = oversight.attempt(o.attemptId()).orElseThrow().status();
            if (stored != AttemptInfo.Status.IN_PROGRESS) {
                assertThat(o.passedUnderCurrent()).as("the decision as stored").isEqualTo(stored == AttemptInfo.Status.PASSED);
            }
        }

        // looser: two cases and accuracy ≥ 90 % — the two right reads pass too, the wrong ones still fail
        var looser = simulation.simulate(module.id(), List.of(new ThresholdRule("accuracy", 0.9, null, "point")), 2, 0, 0, 3);
        assertThat(looser.passedUnderCurrent()).isEqualTo(1);
        assertThat(looser.passedUnderProposed()).isEqualTo(2);
        var halfOutcome = looser.outcomes().getFirst();
        assertThat(halfOutcome.passedUnderCurrent()).isFalse();
        assertThat(halfOutcome.passedUnderProposed()).isTrue();
        assertThat(looser.outcomes().get(1).failedProposed()).containsExactly("accuracy ≥ 90% (reached 0%)");

        // stricter: seven cases, of them two normal — the resident who passed after six would not have
        var stricter = simulation.simulate(module.id(), List.of(new ThresholdRule("accuracy", 0.9, null, null)), 7, 0, 2, 3);
        assertThat(stricter.passedUnderProposed()).isZero();
        var goodOutcome = stricter.outcomes().get(2);
        assertThat(goodOutcome.passedUnderCurrent()).isTrue();
        assertThat(goodOutcome.failedProposed()).contains("at least 7 cases read (6 read)");
        assertThat(stricter.outcomes().getFirst().failedProposed()).contains("at least 7 cases read (2 read)");

        // only the newest two
        var lastTwo = simulation.simulate(module.id(), module.thresholds(), module.minimumCases(), 0, 0, 2);
        assertThat(lastTwo.outcomes()).extracting(ThresholdSimulation.Outcome::reader).containsExactly("R" + half, "R" + poor);
        assertThat(lastTwo.outcomes()).extracting(ThresholdSimulation.Outcome::reader).noneMatch(r -> r.contains("sim"));
    }

    @Test
    void wrong_proposals_are_refused_field_by_field_in_words() {
        ModuleInfo module = new ReadingScenario(context, "first-reads").module();
        SignedIn.as("admin", "ADMIN");
        assertThatThrownBy(() -> simulation.simulate(module.id(), List.of(new ThresholdRule("sensitivty", 0.8, null, "point"),
                new ThresholdRule("specificity", 0.8, 0.9, "point"), new ThresholdRule("accuracy", 0.8, null, "middle")), -1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Proposed threshold 1 (sensitivty): Unknown metric 'sensitivty'; allowed: sensitivity, specificity")
                .hasMessageContaining("Proposed threshold 2 (specificity): Threshold specificity needs exactly one of min and max")
                .hasMessageContaining("Proposed threshold 3 (accuracy): the bound must be point, lower or upper, was 'middle'")
                .hasMessageContaining("Minimum cases: expected 0 or more, was -1.")
                .hasMessageContaining("Attempts to simulate: expected 1 to 200, was 0.");
    }

    @Test
    void residents_and_educators_of_another_institution_are_refused() {
        long module = new ReadingScenario(context, "first-reads").module().id();
        TestAccounts.create(context, "sim-nosy", Role.RESIDENT);
        SignedIn.as("sim-nosy", "RESIDENT");
        assertThatThrownBy(() -> simulation.simulate(module, List.of(), 1, 0, 0, 5)).isInstanceOf(AccessDeniedException.class);

        SignedIn.as("admin", "ADMIN");
        long adminId = users.findByUsername("admin").orElseThrow().id();
        var other = institutions.bySlug(Slugs.of("Simulation Hospital")).orElseGet(() -> institutions.createByAdmin("Simulation Hospital", adminId));
        TestAccounts.create(context, "sim-educator-b", Role.EDUCATOR, other.id());
        SignedIn.as("sim-educator-b", "EDUCATOR");
        assertThatThrownBy(() -> simulation.simulate(module, List.of(), 1, 0, 0, 5)).isInstanceOf(AccessDeniedException.class);
    }

    /** {@code reads} reads of the module, right or wrong, stopping when the attempt is decided. */
    private void read(String user, boolean right, int reads) {
        TestAccounts.create(context, user, Role.RESIDENT);
        SignedIn.as(user, "RESIDENT");
        var scenario = new ReadingScenario(context, "first-reads");
        reading.startOrResume(scenario.module().id());
        for (var entry : scenario.cases().subList(0, reads)) {
            if (reading.currentAttempt(scenario.module().id()).orElseThrow().status() != AttemptInfo.Status.IN_PROGRESS) {
                break;
            }
            if (right) {
                scenario.readCorrectly(entry);
            } else {
                scenario.readWrongly(entry);
            }
        }
        SignedIn.clear();
    }

    private long userId(String username) {
        SignedIn.as("admin", "ADMIN");
        long id = users.findByUsername(username).orElseThrow().id();
        SignedIn.clear();
        return id;
    }
}
