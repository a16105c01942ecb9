package org.calibra.curriculum.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.calibra.curriculum.ReadingMode;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.calibra.shared.content.YamlDocuments;

/** Reads and checks one curriculum file against the schema and against the cases that exist. */
public final class CurriculumReader {

    /** The metrics a threshold may name; the scoring engine computes exactly these. */
    public static final List<String> METRICS = org.calibra.curriculum.MetricLabels.KEYS;

    private static final YamlDocuments DOCUMENTS = new YamlDocuments("/schemas/curriculum.schema.json");

    private CurriculumReader() {
    }

    public record Checked(CurriculumManifest manifest, byte[] bytes) {}

    public static Checked read(Path file, String display, Set<String> knownCaseIds) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ContentException(new ContentProblem(display, "", "cannot be read: " + e.getMessage()));
        }
        var parsed = DOCUMENTS.parse(display, bytes, CurriculumManifest.class);
        if (parsed instanceof YamlDocuments.Parsed.Failed<CurriculumManifest> failed) {
            throw new ContentException(failed.problems());
        }
        var m = ((YamlDocuments.Parsed.Ok<CurriculumManifest>) parsed).value();
        List<ContentProblem> problems = new ArrayList<>();
        String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!m.id().equals(expected)) {
            problems.add(new ContentProblem(display, "id", "'" + m.id() + "' must equal the file name '" + expected + "'"));
        }
        Set<String> moduleIds = new HashSet<>();
        for (int i = 0; i < m.modules().size(); i++) {
            var mod = m.modules().get(i);
            String at = "modules[" + i + "]";
            if (!moduleIds.add(mod.id())) {
                problems.add(new ContentProblem(display, at + ".id", "'" + mod.id() + "' is used twice; module ids must be unique"));
            }
            var mode = ReadingMode.fromCode(mod.readingMode());
            if (mode.isEmpty()) {
                problems.add(new ContentProblem(display, at + ".readingMode", "'" + mod.readingMode() + "' is not one of " + ReadingMode.codes()));
            } else if (!mode.get().isImplemented()) {
                problems.add(new ContentProblem(display, at + ".readingMode", "'" + mod.readingMode()
                        + "' is not available yet; use one of " + ReadingMode.implementedCodes()));
            }
            Set<String> seen = new HashSet<>();
            for (int c = 0; c < mod.cases().size(); c++) {
                String id = mod.cases().get(c);
                if (!knownCaseIds.contains(id)) {
                    problems.add(new ContentProblem(display, at + ".cases[" + c + "]", "'" + id + "' is not a case in cases/"));
                }
                if (!seen.add(id)) {
                    problems.add(new ContentProblem(display, at + ".cases[" + c + "]", "'" + id + "' is listed twice"));
                }
            }
            if (mod.minimumCases() > mod.cases().size()) {
                problems.add(new ContentProblem(display, at + ".minimumCases",
                        mod.minimumCases() + " is more than the module's " + mod.cases().size() + " case(s)"));
            }
            for (int t = 0; t < mod.thresholds().size(); t++) {
                var th = mod.thresholds().get(t);
                String tat = at + ".thresholds[" + t + "]";
                if (!METRICS.contains(th.metric())) {
                    problems.add(new ContentProblem(display, tat + ".metric", "'" + th.metric() + "' is not one of " + METRICS));
                }
                String bound = th.boundOrDefault();
                if (th.min() != null && bound.equals("upper")) {
                    problems.add(new ContentProblem(display, tat + ".bound", "'upper' goes with max; with min use 'lower' (or 'point')"));
                }
                if (th.max() != null && bound.equals("lower")) {
                    problems.add(new ContentProblem(display, tat + ".bound", "'lower' goes with min; with max use 'upper' (or 'point')"));
                }
                if (!bound.equals("point") && org.calibra.curriculum.MetricLabels.POINT_ONLY.contains(th.metric())) {
                    problems.add(new ContentProblem(display, tat + ".bound", "'" + th.metric() + "' has no confidence interval; use 'point'"));
                }
                Double limit = th.min() != null ? th.min() : th.max();
                if (limit != null && !org.calibra.curriculum.MetricLabels.POINT_ONLY.contains(th.metric()) && limit > 1) {
                    problems.add(new ContentProblem(display, tat + (th.min() != null ? ".min" : ".max"),
                            limit + " is above 1; '" + th.metric() + "' is between 0 and 1"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return new Checked(m, bytes);
    }
}
