package org.calibra.reading;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calibra.adaptive.AdaptiveEngine;
import org.calibra.adaptive.AdaptiveRules;
import org.calibra.adaptive.CalibratedCase;
import org.calibra.adaptive.SelectionPoint;
import org.calibra.adaptive.Step;
import org.calibra.adaptive.StoppingRule;
import org.calibra.curriculum.CurriculumService;
import java.util.Set;
import org.calibra.casebank.CaseService;
import org.calibra.curriculum.ModuleInfo;
import org.springframework.stereotype.Component;

/**
 * The cases an attempt reads ({@link CaseDraw} over the module's pool, reproducible per trainee, module and attempt
 * number, avoiding cases whose truth the trainee has seen), and whether such a draw may start at all (ADR 0015).
 */
@Component
class AttemptDraws {

    private final CaseService cases;
    private final CaseExposure exposure;
    private final CurriculumService curricula;

    AttemptDraws(CaseService cases, CaseExposure exposure, CurriculumService curricula) {
        this.cases = cases;
        this.exposure = exposure;
        this.curricula = curricula;
    }

    /**
     * The adaptive engine of the module as its version defines it: the snapshotted parameters of the cases of its pool,
     * each case's normal/abnormal stratum for the minimums (server-side only), the module's minimums; empty for a fixed
     * module. {@code seed} breaks ties between equally informative cases (per trainee, module and attempt). Cases whose
     * truth the trainee saw outside attempt {@code attemptId} are left out of the bank: a remembered answer says nothing
     * about ability, and the engine would take it as evidence (ADR 0015, ADR 0036).
     */
    Optional<AdaptiveEngine> adaptiveEngine(ModuleInfo module, long userId, Long attemptId, long seed) {
        return curricula.adaptiveAt(module.id(), module.version()).map(a -> {
            List<String> bankSlugs = unseenBank(module, userId, attemptId).orElseThrow();
            var strata = cases.strata(bankSlugs);
            List<CalibratedCase> bank = bankSlugs.stream().map(slug -> new CalibratedCase(slug, a.items().get(slug).a(),
                    a.items().get(slug).b(), Boolean.TRUE.equals(strata.get(slug)), null, null)).toList();
            int max = Math.min(bank.size(), a.maximumCasesFor(module.rules().casesPerAttempt()));
            var rules = new AdaptiveRules(a.cut(), a.deltaOrDefault(), a.alphaOrDefault(), a.betaOrDefault(),
                    Math.min(module.minimumCases(), max), max, module.rules().minimumNormalCases(), module.rules().minimumAbnormalCases(),
                    Map.of(), Map.of(), "interval".equals(a.stoppingOrDefault()) ? StoppingRule.CONFIDENCE_INTERVAL : StoppingRule.SPRT,
                    "cut".equals(a.selectionOrDefault()) ? SelectionPoint.CUT : SelectionPoint.ESTIMATE, seed);
            return new AdaptiveEngine(bank, rules);
        });
    }

    /** The calibrated cases of an adaptive module the trainee has not seen the truth of (outside this attempt). */
    private Optional<List<String>> unseenBank(ModuleInfo module, long userId, Long attemptId) {
        return curricula.adaptiveAt(module.id(), module.version()).map(a -> {
            Set<String> seen = exposure.seenBy(userId, attemptId).keySet();
            return module.caseSlugs().stream().filter(a.items()::containsKey).filter(slug -> !seen.contains(slug)).toList();
        });
    }

    /**
     * The unseen cases of a draw must reach the module's minimums (cases, abnormal, normal). The message names how many
     * cases were seen, never which, nor whether the shortfall is in abnormal or normal cases: that would tell the
     * trainee something about the truth of the cases left.
     */
    Optional<String> refusal(ModuleInfo module, List<String> draw, long userId) {
        boolean adaptive = curricula.adaptiveAt(module.id(), module.version()).isPresent();
        // an adaptive draw is one case at a time: what must reach the minimums is the bank the engine may still offer
        List<String> candidates = adaptive ? module.caseSlugs().stream()
                .filter(curricula.adaptiveAt(module.id(), module.version()).orElseThrow().items()::containsKey).toList() : draw;
        Set<String> seen = exposure.seenBy(userId, null).keySet();
        List<String> unseen = candidates.stream().filter(slug -> !seen.contains(slug)).toList();
        var rules = module.rules();
        boolean enough = unseen.size() >= module.minimumCases();
        if (enough && rules.minimumAbnormalCases() + rules.minimumNormalCases() > 0) {
            var strata = cases.strata(unseen);
            enough = strata.values().stream().filter(Boolean.TRUE::equals).count() >= rules.minimumAbnormalCases()
                    && strata.values().stream().filter(Boolean.FALSE::equals).count() >= rules.minimumNormalCases();
        }
        if (enough) {
            return Optional.empty();
        }
        long seenInDraw = candidates.size() - unseen.size();
        return Optional.of("You have already seen the answers to " + seenInDraw + " of the " + candidates.size() + " cases an attempt at this module "
                + (adaptive ? "could offer" : "would read") + " (in your earlier reads), and the cases you have not seen are too few for this module to reach a decision: it "
                + "needs " + module.minimumCases() + " counted cases" + (rules.minimumAbnormalCases() + rules.minimumNormalCases() > 0
                ? ", with at least " + rules.minimumAbnormalCases() + " abnormal and " + rules.minimumNormalCases() + " normal" : "")
                + ". Cases you have seen the answer to would be repeats, which never count. Ask your educator to add cases to this module.");
    }

    /** A new attempt's cases: unseen ones first; cases whose truth the trainee has seen only to fill it (ADR 0015). */
    List<String> draw(ModuleInfo module, long userId, int number) {
        if (curricula.adaptiveAt(module.id(), module.version()).isPresent() && refusal(module, List.of(), userId).isPresent()) {
            return List.of(); // too few unseen cases in the bank for the engine's rules: the caller's refusal says so in words
        }
        var adaptive = adaptiveEngine(module, userId, null, CaseDraw.seed(userId, module.id(), number));
        if (adaptive.isPresent()) {
            // an adaptive attempt starts with the engine's first case; each scored read adds the next (AttemptRecords)
            return adaptive.get().next(List.of()) instanceof Step.Next first ? List.of(first.caseId()) : List.of();
        }
        var rules = module.rules();
        return CaseDraw.draw(module.caseSlugs(), cases.strata(module.caseSlugs()), module.casesPerAttempt(), rules.randomOrder(),
                rules.minimumAbnormalCases(), rules.minimumNormalCases(), CaseDraw.seed(userId, module.id(), number),
                exposure.seenBy(userId, null).keySet());
    }
}
