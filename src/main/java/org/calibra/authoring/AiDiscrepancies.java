package org.calibra.authoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.scoring.domain.AcceptanceRule;
import org.calibra.scoring.domain.AiMark;
import org.calibra.scoring.domain.Lesion;
import org.calibra.scoring.domain.LesionMatcher;
import org.calibra.scoring.domain.LesionOutcome;
import org.calibra.scoring.domain.MarkOutcome;

/**
 * Where the AI's marks and the truth disagree and the educator has not said so (ADR 0023): an AI mark on no truth lesion
 * not labelled a false alarm, a lesion no AI mark lies on not labelled missed — and a label the marks contradict. Judged
 * with the scoring's own hit rule ({@link LesionMatcher}) in image pixels (a mark inside the lesion's outline), as the
 * scoring judges images without pixel spacing, so a mark near the edge of a small lesion may be listed: it is a prompt,
 * not a problem. Lesions and marks the checks reject (no geometry, probability outside 0..1) are left out. Plain Java.
 */
public final class AiDiscrepancies {

    private AiDiscrepancies() {
    }

    /** Each discrepancy in words; empty when every difference is labelled. */
    public static List<String> of(CaseManifest m) {
        if (m.ai() == null || m.truth() == null) {
            return List.of();
        }
        List<Lesion> lesions = new ArrayList<>();
        for (var f : m.truth().findings()) {
            try {
                lesions.add(new Lesion(f.id(), f.imageIndex(), f.centreX(), f.centreY(), f.equivalentRadiusPx(), f.label(),
                        f.weight() == null ? 1.0 : f.weight(), f.firstImage(), f.lastImage(), f.outline()));
            } catch (RuntimeException unfinished) {
                // the checks list its problem
            }
        }
        List<AiMark> marks = new ArrayList<>();
        var findings = m.ai().findings();
        for (int i = 0; i < findings.size(); i++) {
            var f = findings.get(i);
            try {
                marks.add(new AiMark(markId(i), f.imageIndex(), f.x(), f.y(), f.probability(), f.label()));
            } catch (RuntimeException invalid) {
                // the checks list its problem
            }
        }
        var result = LesionMatcher.matchAi(lesions, marks, image -> Optional.empty(), AcceptanceRule.DEFAULT);
        Set<Integer> falseAlarms = new HashSet<>();
        Set<String> missed = new HashSet<>();
        for (var e : m.ai().errorList()) {
            if (CaseManifest.AiError.FALSE_POSITIVE.equals(e.kind()) && e.mark() != null) {
                falseAlarms.add(e.mark());
            } else if (CaseManifest.AiError.FALSE_NEGATIVE.equals(e.kind()) && e.lesion() != null) {
                missed.add(e.lesion());
            }
        }
        List<String> out = new ArrayList<>();
        for (MarkOutcome o : result.markOutcomes()) {
            int n = markNumber(o.markId());
            var f = findings.get(n - 1);
            String mark = "AI mark " + n + " (" + f.label() + ", image " + (f.imageIndex() + 1) + ", probability " + f.probability() + ")";
            if (!o.localisesLesion() && !falseAlarms.contains(n)) {
                out.add(mark + " lies on no truth lesion, and is not labelled a false alarm");
            } else if (o.localisesLesion() && falseAlarms.contains(n)) {
                out.add(mark + " is labelled a false alarm, but lies on lesion " + o.matchedLesionId().orElseThrow());
            }
        }
        for (LesionOutcome o : result.lesionOutcomes()) {
            if (o.markId().isEmpty() && !missed.contains(o.lesionId())) {
                out.add("Lesion " + o.lesionId() + " has no AI mark on it, and is not labelled as missed by the AI");
            } else if (o.markId().isPresent() && missed.contains(o.lesionId())) {
                out.add("Lesion " + o.lesionId() + " is labelled as missed by the AI, but AI mark " + markNumber(o.markId().get()) + " lies on it");
            }
        }
        return out;
    }

    private static String markId(int index) {
        return "A" + (index + 1);
    }

    private static int markNumber(String id) {
        return Integer.parseInt(id.substring(1));
    }
}
