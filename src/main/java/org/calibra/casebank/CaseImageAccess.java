package org.calibra.casebank;

/**
 * Whether the signed-in user may receive the images (DICOM, heatmaps) of a case version. The case bank serves
 * the bytes but does not know who reads what; the rule lives with the reading module, which implements this
 * (reading.CaseImageAccessRule), so every image door — {@code /files/**} and {@code /dicomweb/**} — asks the same
 * question. Callers answer "not found" when it says no, so nobody learns which cases exist.
 */
public interface CaseImageAccess {

    boolean mayView(long caseVersionId);

    /**
     * Whether the signed-in user may receive the AI's artefacts of a case version (heatmaps): for a trainee only once
     * the reading mode shows the AI — from the start (concurrent), after their first read is committed (second reader),
     * once they asked (on request), never before submission (unaided) — or after their read is submitted.
     */
    boolean mayViewAi(long caseVersionId);

    /**
     * Whether the signed-in user may receive what shows a case version's answer (its key images, ADR 0024): staff who may
     * see the version, and a trainee only once their final read of that very version is submitted.
     */
    boolean mayViewAnswers(long caseVersionId);
}
