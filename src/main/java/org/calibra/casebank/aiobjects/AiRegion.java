package org.calibra.casebank.aiobjects;

import java.util.Comparator;
import java.util.List;

/**
 * One finding of the AI: a segment of a segmentation, or a measurement group of a report.
 *
 * @param label         what to call it: the segment's label (else its segmented property type), or the group's finding
 *                      (else its tracking identifier)
 * @param finding       Segmented Property Type of a segment, Finding (121071, DCM) of a group; null when absent
 * @param findingSite   Finding Site (363698007, SCT) of a group, or the segment's anatomic region; null when absent
 * @param trackingId    Tracking ID (segment) or Tracking Identifier (112039, DCM) of a group; null when absent
 * @param trackingUid   Tracking UID / Tracking Unique Identifier (112040, DCM); null when absent
 * @param segmentNumber the segment's number in its segmentation; null for a report's group that has its own geometry
 * @param probability   the AI's probability for the finding (0..1), null when the object gives none (ADR 0019)
 * @param slices        the images it lies on, ordered by image index; never empty
 * @param measurements  numeric measurements other than the probability (reports only)
 * @param evaluations   qualitative evaluations (reports only)
 */
public record AiRegion(String label, Code finding, Code findingSite, String trackingId, String trackingUid, Integer segmentNumber,
                       Double probability, List<AiSlice> slices, List<Measurement> measurements, List<Evaluation> evaluations) {

    public AiRegion {
        slices = slices.stream().sorted(Comparator.comparingInt(AiSlice::imageIndex)).toList();
        measurements = List.copyOf(measurements);
        evaluations = List.copyOf(evaluations);
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("a region lies on at least one image: " + label);
        }
    }

    /** The first image (lowest stack index) the region lies on. */
    public int firstImage() {
        return slices.getFirst().imageIndex();
    }

    /** The last image (highest stack index) the region lies on. */
    public int lastImage() {
        return slices.getLast().imageIndex();
    }

    /**
     * The slice to put a single mark on (case.yaml's {@code ai.findings} take one image and point): the largest outline,
     * ties to the middle of the range; for points, the first.
     */
    public AiSlice keySlice() {
        double mid = (firstImage() + lastImage()) / 2.0;
        return slices.stream().max(Comparator.comparingDouble(AiSlice::areaPx)
                .thenComparing(s -> -Math.abs(s.imageIndex() - mid))).orElseThrow();
    }

    AiRegion withProbability(Double p) {
        return new AiRegion(label, finding, findingSite, trackingId, trackingUid, segmentNumber, p,
                slices.stream().map(s -> new AiSlice(s.imageIndex(), s.outline(), new Mark(s.mark().x(), s.mark().y(), p), s.areaPx(), s.otherParts())).toList(),
                measurements, evaluations);
    }
}
