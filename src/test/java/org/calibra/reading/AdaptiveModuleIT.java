package org.calibra.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.calibra.adaptive.AdaptiveEngine;
import org.calibra.adaptive.AdaptiveRules;
import org.calibra.adaptive.CalibratedCase;
import org.calibra.adaptive.Response;
import org.calibra.adaptive.SelectionPoint;
import org.calibra.adaptive.Step;
import org.calibra.adaptive.StoppingRule;
import org.calibra.casebank.CaseService;
import org.calibra.competency.CompetencyService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The adaptive demo module (curricula/adaptive-chest-radiographs.yaml) through the services: the module offers one
 * case at a time, the engine's choice; a resident who calls every case wrongly is failed by the engine; the stored steps
 * replay exactly with the engine on the curriculum's snapshot.
 */
@IntegrationTest
class AdaptiveModuleIT {

    @Autowired ApplicationContext context;
    @Autowired ReadingService reading;
    @Autowired CompetencyService competency;
    @Autowired AttemptRecords records;
    @Autowired CaseService cases;
    @Autowired org.calibra.curriculum.CurriculumService curricula;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void one_case_at_a_time_until_the_engine_fails_a_resident_who_calls_every_case_wrongly_and_the_steps_replay() {
        TestAccounts.create(context, "adaptive-a", Role.RESIDENT);
        SignedIn.as("adaptive-a", "RESIDENT");
        var module = new ReadingScenario(context, "cxr-adaptive");
        long moduleId = module.module().id();
        var attempt = reading.startOrResume(moduleId);
        assertThat(attempt.caseSlugs()).as("an adaptive attempt starts with one case").hasSize(1);
        int read = 0;
        while (reading.currentAttempt(moduleId).orElseThrow().status() == AttemptInfo.Status.IN_PROGRESS) {
            var open = module.cases().stream().filter(c -> !c.isRead()).toList();
            assertThat(open).as("only the engine's next case is offered").hasSize(1);
            module.readWrongly(open.getFirst());
            read++;
            assertThat(read).isLessThanOrEqualTo(8);
        }
        var ended = reading.currentAttempt(moduleId).orElseThrow();
        assertThat(ended.status()).isEqualTo(AttemptInfo.Status.NOT_PASSED);
        assertThat(ended.endReason()).isEqualTo(AttemptInfo.ENDED_BY_ADAPTIVE_DECISION);
        assertThat(read).isBetween(4, 8);
        int casesRead = read;

        var steps = records.adaptiveSteps(ended.id());
        assertThat(steps).hasSize(read + 1);
        assertThat(steps.getLast().isStop()).isTrue();
        assertThat(steps.getLast().decision()).isEqualTo("fail");
        assertThat(steps.subList(0, read)).allSatisfy(s -> assertThat(s.correct()).isFalse())
                .extracting(AdaptiveStepInfo::caseSlug).containsExactlyElementsOf(ended.caseSlugs());

        // replay: the engine on the curriculum's snapshot, the same seed and the same calls gives every stored step
        // (normal/abnormal only matters for minimums, which the demo module has none of)
        var spec = curricula.adaptiveAt(moduleId, ended.curriculumVersion()).orElseThrow();
        List<CalibratedCase> bank = new ArrayList<>();
        spec.items().forEach((slug, item) -> bank.add(new CalibratedCase(slug, item.a(), item.b(), false, null, null)));
        var engine = new AdaptiveEngine(bank, new AdaptiveRules(spec.cut(), spec.deltaOrDefault(), spec.alphaOrDefault(),
                spec.betaOrDefault(), module.module().minimumCases(), 8, 0, 0, null, null, StoppingRule.SPRT, SelectionPoint.ESTIMATE,
                CaseDraw.seed(ended.userId(), moduleId, ended.number())));
        List<Response> responses = new ArrayList<>();
        for (var stored : steps) {
            Step step = engine.next(responses);
            assertThat(step.theta()).isCloseTo(stored.theta(), within(1e-12));
            assertThat(step.se()).isCloseTo(stored.se(), within(1e-12));
            assertThat(step.llr()).isCloseTo(stored.llr(), within(1e-12));
            if (step instanceof Step.Next next) {
                assertThat(next.caseId()).isEqualTo(stored.caseSlug());
                responses.add(new Response(next.caseId(), false));
            } else {
                assertThat(((Step.Stop) step).decision()).isEqualTo(Step.Decision.FAIL);
            }
        }
        var record = competency.decision(ended.id()).orElseThrow();
        assertThat(record.adaptive()).hasValueSatisfying(a -> assertThat(a.steps()).hasSize(casesRead + 1));
    }

    /**
     * A retake's engine leaves out the cases whose answers the resident has seen (their earlier attempts' feedback): a
     * remembered answer is not evidence of ability. When too few unseen calibrated cases are left for the module's
     * minimum, the next attempt is refused in words, before any case is offered.
     */
    @Test
    void a_retake_offers_only_cases_whose_answers_the_resident_has_not_seen_and_is_refused_when_too_few_are_left() {
        TestAccounts.create(context, "adaptive-b", Role.RESIDENT);
        SignedIn.as("adaptive-b", "RESIDENT");
        var module = new ReadingScenario(context, "cxr-adaptive");
        long moduleId = module.module().id();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int bank = curricula.adaptiveAt(moduleId, module.module().version()).orElseThrow().items().size();
        int minimum = module.module().minimumCases();
        int attempts = 0;
        while (bank - seen.size() >= minimum) {
            assertThat(++attempts).as("each attempt reads at least the minimum, so the bank runs out").isLessThanOrEqualTo(bank / minimum);
            if (attempts == 1) {
                reading.startOrResume(moduleId);
            } else {
                reading.retake(moduleId);
            }
            while (reading.currentAttempt(moduleId).orElseThrow().status() == AttemptInfo.Status.IN_PROGRESS) {
                var open = module.cases().stream().filter(c -> !c.isRead()).toList();
                assertThat(open).hasSize(1);
                assertThat(seen).as("a case whose answer the resident saw in an earlier attempt").doesNotContain(open.getFirst().slug());
                module.readWrongly(open.getFirst());
            }
            seen.addAll(reading.currentAttempt(moduleId).orElseThrow().caseSlugs());
        }
        assertThat(reading.exposureRefusal(moduleId)).hasValueSatisfying(why -> assertThat(why)
                .contains("You have already seen the answers to " + seen.size() + " of the " + bank + " cases an attempt at this module could offer")
                .doesNotContain("cxr-"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reading.retake(moduleId))
                .isInstanceOf(ReadRejectedException.class).hasMessageContaining("too few");
    }
}
