package org.calibra.dicom.deid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What de-identification changed across the files of one bundle: per attribute (with its place in nested
 * sequences) and action, how many times; and which files may show burned-in text. It holds no values, so it
 * can be stored, logged and shown without revealing anything it removed.
 */
public final class DeidReport {

    public record Line(String attribute, Action action, int count) {}

    public record Flag(String file, String reason) {}

    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<Flag> flags = new ArrayList<>();
    private int files;

    synchronized void record(String attribute, Action action) {
        counts.merge(attribute + "\t" + action.name(), 1, Integer::sum);
    }

    synchronized void flag(String file, String reason) {
        flags.add(new Flag(file, reason));
    }

    synchronized void fileDone() {
        files++;
    }

    public synchronized int files() {
        return files;
    }

    public synchronized List<Line> lines() {
        List<Line> out = new ArrayList<>();
        counts.forEach((key, n) -> {
            String[] k = key.split("\t");
            out.add(new Line(k[0], Action.valueOf(k[1]), n));
        });
        return out;
    }

    /** Ordered by file, whatever order the files were de-identified in. */
    public synchronized List<Flag> flags() {
        return flags.stream().sorted(java.util.Comparator.comparing(Flag::file)).toList();
    }

    /** The report as Markdown, for import-report.md and the upload page. */
    public String toMarkdown(String title) {
        var sb = new StringBuilder("# ").append(title).append("\n\n");
        sb.append(files()).append(" file(s) de-identified with the DICOM PS3.15 Annex E Basic Application Level Confidentiality Profile")
                .append(" (PatientIdentityRemoved = YES, DeidentificationMethodCodeSequence 113100). Original values are not kept anywhere.\n\n");
        sb.append("## Possible burned-in text (look at these images)\n\n");
        if (flags().isEmpty()) {
            sb.append("None flagged.\n");
        }
        flags().forEach(f -> sb.append("- `").append(f.file()).append("`: ").append(f.reason()).append('\n'));
        sb.append("\n## Attributes changed\n\n| attribute | action | times |\n|---|---|---|\n");
        lines().forEach(l -> sb.append("| ").append(l.attribute()).append(" | ").append(l.action().words()).append(" | ")
                .append(l.count()).append(" |\n"));
        return sb.toString();
    }
}
