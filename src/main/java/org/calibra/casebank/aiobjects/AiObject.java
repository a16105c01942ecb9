package org.calibra.casebank.aiobjects;

import java.util.List;

/**
 * What one AI object says about the case, mapped onto its images.
 *
 * @param kind            what was read
 * @param sopInstanceUid  the object's SOP Instance UID (null for a PNG)
 * @param description     who made it, in words: series description, manufacturer, model, algorithm
 * @param regions         the findings with their outlines and marks (may be empty: "nothing found")
 * @param caseScore       the AI's overall probability that the case is abnormal, when the object gives one (0..1)
 * @param caseEvaluations the report's case-level qualitative evaluations
 * @param heatmaps        heatmaps (a heatmap file gives one; segmentations and reports none)
 * @param notes           what was read but not mapped, in words (an empty segment, a group without an image region)
 */
public record AiObject(Kind kind, String sopInstanceUid, String description, List<AiRegion> regions, Double caseScore,
                       List<Evaluation> caseEvaluations, List<AiHeatmap> heatmaps, List<String> notes) {

    public enum Kind { SEGMENTATION, MEASUREMENT_REPORT, HEATMAP }

    public AiObject {
        regions = List.copyOf(regions);
        caseEvaluations = List.copyOf(caseEvaluations);
        heatmaps = List.copyOf(heatmaps);
        notes = List.copyOf(notes);
    }
}
