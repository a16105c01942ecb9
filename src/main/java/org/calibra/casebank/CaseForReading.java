package org.calibra.casebank;

import java.util.List;

/**
 * Everything a trainee may see while reading a case — and deliberately nothing about ground truth or
 * whether the AI is right. This record is what reaches the browser before submission.
 */
public record CaseForReading(
        long versionId,
        String slug,
        int version,
        String title,
        String modality,
        String bodyPart,
        String clinicalHistory,
        List<ImageRef> images,
        List<String> labels,
        List<String> diagnoses,
        AiSuggestion ai,
        boolean synthetic) {

    /** One image of the stack; {@code url} serves the DICOM file, {@code frame} is 0-based. */
    public record ImageRef(int index, String url, int frame, int rows, int columns, Double rowSpacingMm, Double columnSpacingMm,
                           org.calibra.shared.PatientPlane plane) {

        /** Patient coordinates (mm) of image point (x, y), when the image's geometry is known. */
        public java.util.Optional<double[]> toPatient(double x, double y) {
            if (plane == null || rowSpacingMm == null || columnSpacingMm == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(plane.toPatient(x, y, rowSpacingMm, columnSpacingMm));
        }
    }

    public record AiSuggestion(ModelCard model, double score, List<AiMark> marks, List<Heatmap> heatmaps) {}

    /** An 8-bit grayscale PNG at {@code url}, stretched over image {@code imageIndex}. */
    public record Heatmap(int imageIndex, String url) {}

    public record ModelCard(String name, String version, String intendedUse, String trainingData,
                            String knownFailureModes, String reportedPerformance) {}

    public record AiMark(String id, String label, int imageIndex, double x, double y, double probability) {}
}
