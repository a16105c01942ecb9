package org.calibra.casebank.content;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.calibra.casebank.content.CaseBundle.StackImage;
import org.calibra.shared.content.ContentProblem;

/** Cross-checks of a schema-valid manifest against itself and its expanded image stack. */
final class CaseManifestChecks {

    private final CaseManifest m;
    private final List<StackImage> stack;
    private final String file;
    private final List<ContentProblem> problems;

    CaseManifestChecks(CaseManifest m, List<StackImage> stack, String file, List<ContentProblem> problems) {
        this.m = m;
        this.stack = stack;
        this.file = file;
        this.problems = problems;
    }

    void run() {
        unique("labels", m.labels());
        unique("diagnoses", m.diagnoses());
        if (!m.diagnoses().contains(CaseManifest.NORMAL)) {
            problem("diagnoses", "must contain 'normal' so a trainee can call the case normal");
        }
        if (!m.diagnoses().contains(m.truth().diagnosis())) {
            problem("truth.diagnosis", "'" + m.truth().diagnosis() + "' is not one of diagnoses " + m.diagnoses());
        }
        boolean normal = CaseManifest.NORMAL.equals(m.truth().diagnosis());
        if (normal && !m.truth().findings().isEmpty()) {
            problem("truth.findings", "must be empty for a normal case (truth.diagnosis is 'normal')");
        }
        if (!normal && m.truth().findings().isEmpty()) {
            problem("truth.findings", "must list at least one finding for an abnormal case (truth.diagnosis is '" + m.truth().diagnosis() + "')");
        }
        checkTruthFindings();
        checkNoAnswerInDicomText();
        for (int i = 0; i < m.ai().findings().size(); i++) {
            var f = m.ai().findings().get(i);
            String at = "ai.findings[" + i + "]";
            label(at, f.label());
            position(at, f.imageIndex(), f.x(), f.y());
        }
        checkHeatmaps();
    }

    private void imageRange(String at, CaseManifest.TruthFinding f) {
        if (f.imageRange() == null) {
            return;
        }
        int first = f.firstImage();
        int last = f.lastImage();
        if (first > f.imageIndex() || last < f.imageIndex()) {
            problem(at + ".imageRange", f.imageRange() + " must contain imageIndex " + f.imageIndex() + " (first <= imageIndex <= last)");
        }
        if (last >= stack.size()) {
            problem(at + ".imageRange", "last image " + last + " is out of range: the stack has " + stack.size() + " image(s), numbered from 0");
        }
    }

    private void checkHeatmaps() {
        Set<Integer> images = new HashSet<>();
        for (int i = 0; i < m.ai().heatmaps().size(); i++) {
            var h = m.ai().heatmaps().get(i);
            String at = "ai.heatmaps[" + i + "].imageIndex";
            if (h.imageIndex() >= stack.size()) {
                problem(at, h.imageIndex() + " is out of range: the stack has " + stack.size() + " image(s), numbered from 0");
            }
            if (!images.add(h.imageIndex())) {
                problem(at, "image " + h.imageIndex() + " already has a heatmap; give at most one per image");
            }
        }
    }

    private void checkTruthFindings() {
        Set<String> ids = new HashSet<>();
        double weightSum = 0;
        int weighted = 0;
        for (int i = 0; i < m.truth().findings().size(); i++) {
            var f = m.truth().findings().get(i);
            String at = "truth.findings[" + i + "]";
            if (!ids.add(f.id())) {
                problem(at + ".id", "'" + f.id() + "' is used twice; finding ids must be unique within the case");
            }
            label(at, f.label());
            position(at, f.imageIndex(), f.x(), f.y());
            imageRange(at, f);
            if (f.weight() != null) {
                weighted++;
                weightSum += f.weight();
            }
        }
        if (weighted > 0 && weighted != m.truth().findings().size()) {
            problem("truth.findings", "give a weight to every finding or to none (" + weighted + " of " + m.truth().findings().size() + " have one)");
        } else if (weighted > 0 && Math.abs(weightSum - 1.0) > 1e-6) {
            problem("truth.findings", "weights must sum to 1 per case, they sum to " + weightSum);
        }
    }

    /**
     * The viewer parses every DICOM attribute in the browser, before the read is submitted: free text that names
     * the diagnosis or a lesion label would give the answer away.
     */
    private void checkNoAnswerInDicomText() {
        java.util.Set<String> answers = new java.util.LinkedHashSet<>();
        answers.add(words(m.truth().diagnosis()));
        m.truth().findings().forEach(f -> answers.add(words(f.label())));
        stack.stream().map(StackImage::file).distinct().forEach(file -> file.header().descriptions().forEach((attribute, text) -> {
            for (String answer : answers) {
                if (answer.length() >= 4 && words(text).contains(answer)) {
                    problems.add(new ContentProblem(folderOf(file.name()), attribute, "'" + text + "' contains '" + answer
                            + "', which would reveal the truth in the viewer before the read is submitted; remove it from the file"));
                }
            }
        }));
    }

    private String folderOf(String dicomName) {
        return file.substring(0, file.lastIndexOf('/') + 1) + dicomName;
    }

    private static String words(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_^]+", " ").trim();
    }

    private void label(String at, String label) {
        if (!m.labels().contains(label)) {
            problem(at + ".label", "'" + label + "' is not one of labels " + m.labels());
        }
    }

    private void position(String at, int imageIndex, double x, double y) {
        if (imageIndex < 0 || imageIndex >= stack.size()) {
            problem(at + ".imageIndex", imageIndex + " is out of range: the stack has " + stack.size() + " image(s), numbered from 0");
            return;
        }
        var h = stack.get(imageIndex).file().header();
        if (x < 0 || x > h.columns()) {
            problem(at + ".x", x + " is outside the image (0 to " + h.columns() + " columns)");
        }
        if (y < 0 || y > h.rows()) {
            problem(at + ".y", y + " is outside the image (0 to " + h.rows() + " rows)");
        }
    }

    private void unique(String field, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(v)) {
                problem(field, "'" + v + "' appears twice");
            }
        }
    }

    private void problem(String field, String message) {
        problems.add(new ContentProblem(file, field, message));
    }
}
