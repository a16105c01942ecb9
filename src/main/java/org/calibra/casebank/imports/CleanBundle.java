package org.calibra.casebank.imports;

import java.util.List;
import java.util.Map;
import org.calibra.dicom.deid.DeidReport;

/**
 * The result of an import that succeeded: de-identified files by name (with case.yaml when the source had one,
 * otherwise a skeleton case.yaml and import-report.md), the report, and notes on files that were skipped.
 */
public record CleanBundle(String display, Map<String, byte[]> files, boolean hadManifest, DeidReport report,
                          List<String> notes, List<Series> series) {

    /** One series as imported: its modality, number and the clean names of its files in order. */
    public record Series(int study, String modality, Integer number, List<String> files, int frames) {}

    public boolean needsReview() {
        return !report.flags().isEmpty();
    }

    /** The report for people: what changed, what to look at, what was skipped. */
    public String reportMarkdown() {
        var sb = new StringBuilder(report.toMarkdown("Import report: " + display));
        sb.append("\n## Series\n\n");
        series.forEach(s -> sb.append("- study ").append(s.study()).append(", series ").append(s.number() == null ? "(no number)" : s.number())
                .append(", ").append(s.modality()).append(": ").append(s.files().size()).append(" file(s), ").append(s.frames()).append(" frame(s)\n"));
        if (!notes.isEmpty()) {
            sb.append("\n## Skipped\n\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }
}
