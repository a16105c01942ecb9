package org.calibra.reading;

import java.util.List;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.ReadingMode;
import org.calibra.reading.internal.ModuleAttempt;
import org.calibra.reading.internal.TraineeRead;
import org.springframework.stereotype.Component;

/** Attempts and reads as the records other modules see; one place, so every door hands out the same shape. */
@Component
class AttemptMapping {

    private final CurriculumService curricula;

    AttemptMapping(CurriculumService curricula) {
        this.curricula = curricula;
    }

    AttemptInfo info(ModuleAttempt a) {
        // attempts from before per-attempt draws (V4) read the module's pool in order
        List<String> draw = a.getCaseDraw() != null ? org.calibra.shared.JsonText.toList(a.getCaseDraw())
                : curricula.module(a.getModuleId()).map(ModuleInfo::caseSlugs).orElse(List.of());
        return new AttemptInfo(a.getId(), a.getModuleId(), a.getUserId(), a.getAttemptNumber(), AttemptInfo.Status.valueOf(a.getStatus().name()),
                a.getStartedAt(), a.getCompletedAt(), draw, a.getDeadlineAt(), a.getEndReason(),
                a.getCurriculumVersion());
    }

    static SubmittedRead read(TraineeRead r) {
        var marks = r.getMarks().stream().map(m -> new ReadSubmission.MarkInput(m.getMarkKey(), m.getImageIndex(), m.getX(), m.getY(),
                m.getLabel(), m.getConfidence(), m.getPlacedAt(), MarkShape.fromCode(m.getShape()).orElseThrow(), m.getWidthPx(),
                m.getHeightPx(), m.getNote())).toList();
        var ai = new ReadSubmission.AiExposure(r.isAiAvailable(), r.isAiShownAtOpen(), r.isAiVisibleAtSubmit(), r.getAiFirstShownAt(),
                r.getAiToggleCount(), r.getAiRequestedAt());
        var events = r.getEvents().stream().map(e -> new ReadSubmission.Event(e.getAt(), ReadEventKind.fromCode(e.getKind()).orElseThrow(),
                e.getMarkKey(), e.getDetail())).toList();
        return new SubmittedRead(r.getId(), r.getAttempt().getId(), r.getAttempt().getModuleId(), r.getUserId(), r.getCaseVersionId(),
                ReadPhase.fromCode(r.getPhase()), ReadingMode.fromCode(r.getReadingMode()).orElseThrow(), r.isAssessmentAbnormal(), r.getDiagnosis(),
                r.getOverallConfidence(), marks, ai, r.getOpenedAt(), r.getFirstMarkAt(), r.getSubmittedAt(), r.getDurationMs(), events,
                r.getRepeatOfReadId());
    }
}
