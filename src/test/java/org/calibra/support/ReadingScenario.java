package org.calibra.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.CaseTruth;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.reading.ModuleCaseEntry;
import org.calibra.reading.ReadSubmission;
import org.calibra.reading.ReadingService;
import org.calibra.reading.SubmittedRead;
import org.springframework.context.ApplicationContext;

/** Drives the services as the reading view does, with reads that are right (or wrong) on purpose. */
public final class ReadingScenario {

    private final ReadingService reading;
    private final CaseService cases;
    private final ModuleInfo module;

    public ReadingScenario(ApplicationContext context) {
        this(context, "first-reads");
    }

    /** A scenario in the demo module with this slug (first-reads: concurrent; second-opinion: second reader). */
    public ReadingScenario(ApplicationContext context, String moduleSlug) {
        this.reading = context.getBean(ReadingService.class);
        this.cases = context.getBean(CaseService.class);
        this.module = context.getBean(CurriculumService.class).listCurricula().stream().flatMap(c -> c.modules().stream())
                .filter(m -> m.slug().equals(moduleSlug)).findFirst().orElseThrow();
    }

    /** A scenario in this very module (module slugs are unique only within their curriculum). */
    public ReadingScenario(ApplicationContext context, ModuleInfo module) {
        this.reading = context.getBean(ReadingService.class);
        this.cases = context.getBean(CaseService.class);
        this.module = module;
    }

    public ModuleInfo module() {
        return module;
    }

    public List<ModuleCaseEntry> cases() {
        return reading.cases(module.id());
    }

    public SubmittedRead readCorrectly(ModuleCaseEntry entry) {
        return submit(entry, true);
    }

    public SubmittedRead readWrongly(ModuleCaseEntry entry) {
        return submit(entry, false);
    }

    /** A right read marks every lesion at its centre and names the diagnosis; a wrong one says the opposite. */
    public ReadSubmission submission(ModuleCaseEntry entry, boolean right) {
        CaseTruth truth = cases.truth(entry.caseVersionId()).orElseThrow();
        var kase = cases.forReading(entry.caseVersionId()).orElseThrow();
        Instant now = Instant.now();
        List<ReadSubmission.MarkInput> marks = new ArrayList<>();
        boolean abnormal = right == truth.abnormal();
        if (right) {
            truth.lesions().forEach(l -> marks.add(new ReadSubmission.MarkInput("M" + (marks.size() + 1), l.imageIndex(), l.x(), l.y(),
                    kase.labels().getFirst(), 4, now)));
        } else if (abnormal) {
            marks.add(new ReadSubmission.MarkInput("M1", 0, 1, 1, kase.labels().getFirst(), 3, now)); // a corner: no lesion there
        }
        String diagnosis = abnormal ? (truth.abnormal() ? truth.diagnosis()
                : kase.diagnoses().stream().filter(d -> !d.equals("normal")).findFirst().orElseThrow()) : "normal";
        var ai = switch (module.readingMode()) {
            case UNAIDED -> ReadSubmission.AiExposure.none();
            case ON_REQUEST -> new ReadSubmission.AiExposure(true, false, false, null, 0, null); // never asked
            default -> new ReadSubmission.AiExposure(true, true, true, now.minusSeconds(30), 0);
        };
        return new ReadSubmission(module.id(), entry.caseVersionId(), now.minusSeconds(30), abnormal, diagnosis, 4, marks, ai);
    }

    private SubmittedRead submit(ModuleCaseEntry entry, boolean right) {
        reading.startOrResume(module.id());
        return reading.submit(submission(entry, right));
    }
}
