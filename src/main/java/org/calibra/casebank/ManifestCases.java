package org.calibra.casebank;

import java.util.List;
import java.util.Map;
import org.calibra.casebank.content.CaseBundle;
import org.calibra.casebank.content.CaseManifest;

/**
 * A case held only as its manifest (a draft) as the reading page and the scorer see a stored version: what a trainee may
 * see ({@link CaseForReading}, nothing about truth) and, apart, its {@link CaseTruth}. The same mapping as a published
 * version's (answer order, the AI's mark ids, circle or drawn outline, the default acceptance floor), so an educator's
 * preview of a draft shows and scores what the published version will.
 */
public final class ManifestCases {

    private ManifestCases() {
    }

    /**
     * @param images the stack, each with its file's URL and (when known) pixel spacing
     * @param files  the SHA-256 of every stored file by the name the manifest uses (for the AI's heatmaps)
     */
    public static CaseForReading forReading(CaseManifest m, String slug, List<CaseForReading.ImageRef> images, Map<String, String> files) {
        var card = m.ai().model();
        var model = new CaseForReading.ModelCard(card.name(), card.version(), card.intendedUse(), card.trainingData(), card.knownFailureModes(),
                card.reportedPerformance());
        var marks = new java.util.ArrayList<CaseForReading.AiMark>();
        for (int i = 0; i < m.ai().findings().size(); i++) {
            var f = m.ai().findings().get(i);
            marks.add(new CaseForReading.AiMark("A" + (i + 1), f.label(), f.imageIndex(), f.x(), f.y(), f.probability()));
        }
        var heatmaps = m.ai().heatmaps().stream().filter(h -> files.containsKey(h.file()))
                .map(h -> new CaseForReading.Heatmap(h.imageIndex(), CaseService.HEATMAP_URL_PREFIX + files.get(h.file()))).toList();
        return new CaseForReading(0, slug, 0, m.title(), m.modality(), m.bodyPart(), m.clinicalHistory(), images, AnswerOrder.labels(m.labels()),
                AnswerOrder.diagnoses(m.diagnoses()), new CaseForReading.AiSuggestion(model, m.ai().score(), List.copyOf(marks), heatmaps),
                m.tags().contains(CaseManifest.SYNTHETIC_TAG));
    }

    /** The manifest's truth, as a stored version's would be. Staff only, and only after a preview read is submitted. */
    public static CaseTruth truth(CaseManifest m) {
        return truth(m, Map.of());
    }

    /** The same, with the key images whose files are among {@code files} (name to SHA-256), served by the key image door. */
    public static CaseTruth truth(CaseManifest m, Map<String, String> files) {
        int n = m.truth().findings().size();
        var lesions = m.truth().findings().stream().map(f -> new CaseTruth.Lesion(f.id(), f.label(), f.imageIndex(), f.centreX(), f.centreY(),
                f.equivalentRadiusPx(), f.weight() != null ? f.weight() : 1.0 / n, f.firstImage(), f.lastImage(),
                CaseManifest.TruthFinding.CIRCLE.equals(f.geometry()) ? null : f.outline(),
                f.code() == null ? null : new CaseTruth.Code(f.code().scheme(), f.code().value(), f.code().meaning()))).toList();
        double floor = m.acceptance() != null && m.acceptance().minRadiusMm() != null ? m.acceptance().minRadiusMm()
                : CaseBundle.DEFAULT_MIN_ACCEPTANCE_MM;
        var keyImages = m.keyImageList().stream().filter(k -> files.containsKey(k.file()))
                .map(k -> new CaseTruth.KeyImage(k.imageIndex(), k.caption(), CaseService.KEY_IMAGE_URL_PREFIX + files.get(k.file()))).toList();
        return new CaseTruth(0, m.truth().diagnosis(), !CaseManifest.NORMAL.equals(m.truth().diagnosis()), lesions, floor, m.teachingPoints(),
                aiErrors(m), keyImages);
    }

    /**
     * The manifest's labelled AI errors (ADR 0023) as the truth carries them; a mark's number becomes the id its AI mark
     * has once stored ("A" + number, as above and in the importer). Entries of an unknown kind are left out.
     */
    public static List<CaseTruth.AiError> aiErrors(CaseManifest m) {
        if (m.ai() == null) {
            return List.of();
        }
        var out = new java.util.ArrayList<CaseTruth.AiError>();
        for (var e : m.ai().errorList()) {
            switch (e.kind() == null ? "" : e.kind()) {
                case CaseManifest.AiError.FALSE_NEGATIVE ->
                        out.add(new CaseTruth.AiError(CaseTruth.AiError.Kind.MISSED_LESION, e.lesion(), null, null, null, e.note()));
                case CaseManifest.AiError.FALSE_POSITIVE -> out.add(new CaseTruth.AiError(CaseTruth.AiError.Kind.FALSE_MARK, null,
                        e.mark() == null ? null : "A" + e.mark(), e.mark(), null, e.note()));
                case CaseManifest.AiError.OFF_LABEL ->
                        out.add(new CaseTruth.AiError(CaseTruth.AiError.Kind.OFF_LABEL, null, null, null, e.reason(), e.note()));
                default -> { }
            }
        }
        return List.copyOf(out);
    }
}
