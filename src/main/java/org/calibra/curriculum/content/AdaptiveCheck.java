package org.calibra.curriculum.content;

import java.util.List;
import org.calibra.shared.content.ContentProblem;

/** The checks of a module's {@code adaptive} block beyond the schema: values in range, every item a case of the pool. */
final class AdaptiveCheck {

    private AdaptiveCheck() {
    }

    static void check(String display, String at, CurriculumManifest.Module mod, List<String> pool, List<ContentProblem> problems) {
        var a = mod.adaptive();
        if (a.delta() != null && !(a.delta() > 0 && a.delta() < 3)) {
            problems.add(new ContentProblem(display, at + ".delta", a.delta() + " must be above 0 and below 3 (ability units)"));
        }
        if (a.alpha() != null && !(a.alpha() > 0 && a.alpha() < 0.5)) {
            problems.add(new ContentProblem(display, at + ".alpha", a.alpha() + " must be a probability above 0 and below 0.5"));
        }
        if (a.beta() != null && !(a.beta() > 0 && a.beta() < 0.5)) {
            problems.add(new ContentProblem(display, at + ".beta", a.beta() + " must be a probability above 0 and below 0.5"));
        }
        a.items().forEach((id, item) -> {
            if (!pool.contains(id)) {
                problems.add(new ContentProblem(display, at + ".items." + id, "'" + id + "' is not a case of the module's pool"));
            }
            if (item.a() == null || !(item.a() > 0)) {
                problems.add(new ContentProblem(display, at + ".items." + id + ".a", item.a()
                        + " must be a positive discrimination (a case with a ≤ 0 does not tell the able from the less able)"));
            }
        });
        int max = a.maximumCasesFor(mod.casesPerAttempt());
        if (max > a.items().size()) {
            problems.add(new ContentProblem(display, at + ".maximumCases", max + " is more than the " + a.items().size()
                    + " calibrated case(s) in items"));
        }
        if (mod.minimumCases() > max) {
            problems.add(new ContentProblem(display, at + ".maximumCases", max + " is fewer than the module's minimumCases ("
                    + mod.minimumCases() + ")"));
        }
    }
}
