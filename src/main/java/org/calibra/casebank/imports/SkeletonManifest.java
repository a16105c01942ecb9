package org.calibra.casebank.imports;

import java.util.Locale;
import java.util.Map;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.Tags;

/**
 * The case.yaml written beside a clean bundle imported without one: images in study → series → instance
 * order, modality and body part from the files, and every field only an educator can fill marked {@code TODO}.
 * The upload page refuses a case.yaml that still says TODO.
 */
final class SkeletonManifest {

    static final String TODO = "TODO";

    private SkeletonManifest() {
    }

    static String write(String display, java.util.List<CleanBundle.Series> series, Map<String, byte[]> files) {
        String modality = series.getFirst().modality().replaceAll("[^A-Z0-9_]", "");
        String id = slug(display);
        var sb = new StringBuilder();
        sb.append("# Written by Calibra's importer from '").append(display).append("' (see import-report.md).\n")
                .append("# Every field marked TODO must be filled in by an educator before the case can be uploaded\n")
                .append("# (docs/content-format.md explains each field). The images are already de-identified.\n")
                .append("schemaVersion: 1\n")
                .append("id: ").append(id).append("   # keep or change; lowercase letters, digits and '-'\n")
                .append("title: \"TODO: a title that does not give the answer away\"\n")
                .append("modality: ").append(modality.isEmpty() ? "OT" : modality).append('\n');
        String bodyPart = bodyPart(series, files);
        if (bodyPart != null) {
            sb.append("bodyPart: ").append(bodyPart).append('\n');
        }
        sb.append("difficulty: 3   # TODO: 1 (easy) to 5\n")
                .append("tags: [imported]\n")
                .append("clinicalHistory: \"TODO: the history a reader sees before reading\"\n")
                .append("source:\n")
                .append("  description: \"TODO: where the images come from and whether the truth is real; de-identified on import\"\n")
                .append("  licence: \"TODO: the licence or permission under which these images may be used\"\n")
                .append("images:\n");
        for (CleanBundle.Series s : series) {
            for (String f : s.files()) {
                Integer frames = DicomReader.readHeader(files.get(f)).data().integer(Tags.NumberOfFrames);
                sb.append("  - file: ").append(f).append(frames != null && frames > 1 ? "\n    frames: all\n" : "\n");
            }
        }
        sb.append("labels: [todo-finding]   # TODO: the finding labels a reader may choose\n")
                .append("diagnoses: [normal, todo-diagnosis]   # TODO: must contain normal\n")
                .append("truth:\n")
                .append("  diagnosis: normal   # TODO\n")
                .append("  findings: []   # TODO: lesions with imageIndex, x, y, radiusPx (docs/content-format.md)\n")
                .append("ai:\n")
                .append("  model:\n");
        for (String field : new String[] {"name", "version", "intendedUse", "trainingData", "knownFailureModes", "reportedPerformance"}) {
            sb.append("    ").append(field).append(": \"TODO\"\n");
        }
        sb.append("  score: 0.5   # TODO\n")
                .append("  findings: []\n")
                .append("teachingPoints:\n")
                .append("  - \"TODO: what the reader should learn from this case\"\n");
        return sb.toString();
    }

    private static String bodyPart(java.util.List<CleanBundle.Series> series, Map<String, byte[]> files) {
        String v = DicomReader.readHeader(files.get(series.getFirst().files().getFirst())).data().string(Tags.BodyPartExamined);
        return v == null || v.isBlank() || !v.matches("[A-Za-z0-9 _-]{1,64}") ? null : v.trim();
    }

    static String slug(String display) {
        String s = display.toLowerCase(Locale.ROOT).replaceAll("\\.zip$", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 64) {
            s = s.substring(0, 64).replaceAll("-+$", "");
        }
        return s.length() < 3 ? "imported-case" : s;
    }
}
