/**
 * Case authoring, review and publication (issue 13, ADR 0021). {@link org.calibra.authoring.AuthoringService} is the API
 * and the security boundary; the package-private helpers split it by what changes together: {@code DraftEditing} (uploads
 * and edits become drafts; saves, conflicts and re-applying), {@code DraftWorkflow} (review, approval, publication,
 * retirement), {@code DraftStarts} (the other starts of a case: generated from the synthetic form, a stack chosen from
 * an upload's series), {@code DraftChecks} (the loader's checks and the id rules), {@code CaseLibrary} (the staff library and a
 * case's page), {@code DraftAccess} (who may do what, and the image door for draft files). Plain Java, no Spring:
 * {@code ManifestDiff} (what changed, in words), {@code ManifestMerge} (re-applying a refused save), {@code FieldWords},
 * {@code SyntheticCaseForm} (the generator form's checks), {@code StackOrder} (a chosen stack's checks and order).
 * Casebank is used only through its public API; views live in {@code ui}, bundle downloads in {@code web}.
 */
package org.calibra.authoring;
