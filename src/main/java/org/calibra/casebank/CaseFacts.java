package org.calibra.casebank;

import java.util.List;

/**
 * What a curriculum builder needs to know of a published case to put it in a module's pool and summarise that pool
 * (educators and admins only: it says whether the case is abnormal). {@code version}: the published version pools read;
 * {@code tags}: the tags pools match, with those
 * the labelled AI errors imply (ADR 0023); {@code aiScore}: the AI's case-level score; {@code aiErrorKinds}: one entry
 * per deliberate AI error, by the manifest's kind ({@code false-negative}, {@code false-positive}, {@code off-label}) —
 * for a case tagged by hand rather than labelled, one per tag that names a kind.
 */
public record CaseFacts(String slug, String title, int version, String modality, List<String> tags, boolean abnormal, double aiScore,
                        List<String> aiErrorKinds) {}
