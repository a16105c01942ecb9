package org.calibra.casebank.content;

import java.util.List;

/** {@code cases/<id>/case.yaml}, as documented in docs/content-format.md and case.schema.json. */
public record CaseManifest(
        int schemaVersion,
        String id,
        String title,
        String modality,
        String bodyPart,
        int difficulty,
        List<String> tags,
        String clinicalHistory,
        Source source,
        List<ImageEntry> images,
        List<String> labels,
        List<String> diagnoses,
        Truth truth,
        Acceptance acceptance,
        Ai ai,
        List<String> teachingPoints) {

    public static final String NORMAL = "normal";
    /** Carried by every generated case and only by those (the loader checks it); views show it as a badge. */
    public static final String SYNTHETIC_TAG = "synthetic";

    public CaseManifest {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public record Source(String description, String licence) {}

    /**
     * One stack entry, or (with {@code frames: all}) every frame of a multi-frame file; or, with {@code dicomweb}, every
     * frame of every instance of a series kept in an external DICOMweb archive, in stack order (ADR 0013).
     */
    public record ImageEntry(String file, Integer frame, String frames, DicomWebSeries dicomweb) {
        public ImageEntry(String file, Integer frame, String frames) {
            this(file, frame, frames, null);
        }

        public boolean allFrames() {
            return "all".equals(frames);
        }
    }

    /** A series in an external archive: its DICOMweb service root (no credentials) and UIDs. */
    public record DicomWebSeries(String url, String studyUid, String seriesUid) {}

    public record Truth(String diagnosis, List<TruthFinding> findings) {
        public Truth {
            findings = findings == null ? List.of() : List.copyOf(findings);
        }
    }

    /** {@code imageRange}: first and last image the lesion shows on; null means just {@code imageIndex}. */
    public record TruthFinding(String id, String label, int imageIndex, double x, double y, double radiusPx, Double weight,
                               List<Integer> imageRange) {
        public int firstImage() {
            return imageRange == null || imageRange.size() != 2 ? imageIndex : imageRange.get(0);
        }

        public int lastImage() {
            return imageRange == null || imageRange.size() != 2 ? imageIndex : imageRange.get(1);
        }
    }

    public record Acceptance(Double minRadiusMm) {}

    public record Ai(ModelCard model, double score, List<AiFinding> findings, List<Heatmap> heatmaps) {
        public Ai {
            findings = findings == null ? List.of() : List.copyOf(findings);
            heatmaps = heatmaps == null ? List.of() : List.copyOf(heatmaps);
        }
    }

    /** An 8-bit grayscale PNG stretched over image {@code imageIndex}. */
    public record Heatmap(int imageIndex, String file) {}

    public record ModelCard(String name, String version, String intendedUse, String trainingData,
                            String knownFailureModes, String reportedPerformance) {}

    public record AiFinding(String label, int imageIndex, double x, double y, double probability) {}
}
