package org.calibra.casebank;

/**
 * Whether the signed-in user may receive a stored file (DICOM image or AI heatmap) that a case draft uses — files no
 * case version may use yet, so {@link CaseImageAccess} knows nothing of them. Implemented by the authoring module (staff
 * who may see the draft); without an implementation nobody may. Like the other image doors, "no" is answered "not found".
 */
public interface DraftImageAccess {

    boolean mayView(String sha256);
}
