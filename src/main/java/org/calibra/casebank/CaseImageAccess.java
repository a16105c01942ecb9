package org.calibra.casebank;

/**
 * Whether the signed-in user may receive the images (DICOM, heatmaps) of a case version. The case bank serves
 * the bytes but does not know who reads what; the rule lives with the reading module, which implements this
 * (reading.CaseImageAccessRule), so every image door — {@code /files/**} and {@code /dicomweb/**} — asks the same
 * question. Callers answer "not found" when it says no, so nobody learns which cases exist.
 */
public interface CaseImageAccess {

    boolean mayView(long caseVersionId);
}
