package org.calibra.reading;

import java.util.List;
import java.util.Optional;
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

    AttemptDraws(CaseService cases, CaseExposure exposure) {
        this.cases = cases;
        this.exposure = exposure;
    }

    /**
     * The unseen cases of a draw must reach the module's minimums (cases, abnormal, normal). The message names how many
     * cases were seen, never which, nor whether the shortfall is in abnormal or normal cases: that would tell the
     * trainee something about the truth of the cases left.
     */
    Optional<String> refusal(ModuleInfo module, List<String> draw, long userId) {
        Set<String> seen = exposure.seenBy(userId, null).keySet();
        List<String> unseen = draw.stream().filter(slug -> !seen.contains(slug)).toList();
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
        long seenInDraw = draw.size() - unseen.size();
        return Optional.of("You have already seen the answers to " + seenInDraw + " of the " + draw.size() + " cases an attempt at this module "
                + "would read (in your earlier reads), and the cases you have not seen are too few for this module to reach a decision: it "
                + "needs " + module.minimumCases() + " counted cases" + (rules.minimumAbnormalCases() + rules.minimumNormalCases() > 0
                ? ", with at least " + rules.minimumAbnormalCases() + " abnormal and " + rules.minimumNormalCases() + " normal" : "")
                + ". Cases you have seen the answer to would be repeats, which never count. Ask your educator to add cases to this module.");
    }

    /** A new attempt's cases: unseen ones first; cases whose truth the trainee has seen only to fill it (ADR 0015). */
    List<String> draw(ModuleInfo module, long userId, int number) {
        var rules = module.rules();
        return CaseDraw.draw(module.caseSlugs(), cases.strata(module.caseSlugs()), module.casesPerAttempt(), rules.randomOrder(),
                rules.minimumAbnormalCases(), rules.minimumNormalCases(), CaseDraw.seed(userId, module.id(), number),
                exposure.seenBy(userId, null).keySet());
    }
}
