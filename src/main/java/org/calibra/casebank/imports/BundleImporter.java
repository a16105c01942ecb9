package org.calibra.casebank.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.calibra.casebank.imports.SourceBundle.SourceFile;
import org.calibra.dicom.DicomException;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.Part10;
import org.calibra.dicom.Part10Writer;
import org.calibra.dicom.Tags;
import org.calibra.dicom.deid.DeidReport;
import org.calibra.dicom.deid.Deidentifier;
import org.calibra.shared.content.ContentProblem;

/**
 * The one import pipeline: every file is read and checked (not DICOM, truncated, unsupported encoding, no
 * pixel data, series whose images disagree on size or frame of reference, duplicate instances), grouped
 * study → series → instances, then de-identified and re-written. All or nothing: any problem throws an
 * {@link ImportException} listing every problem by file, and nothing is returned to store.
 */
public final class BundleImporter {

    public static final String MANIFEST = "case.yaml";
    public static final String REPORT = "import-report.md";

    private final Deidentifier deidentifier;

    public BundleImporter(Deidentifier deidentifier) {
        this.deidentifier = deidentifier;
    }

    record Instance(String name, Part10 dicom, byte[] bytes) {}

    public CleanBundle run(SourceBundle source) {
        return run(source, sha256 -> false);
    }

    /**
     * {@code alreadyStored}: whether this installation already stores a file with this SHA-256. A file it stores that also
     * says it was de-identified by Calibra — bytes this installation de-identified itself (a bundle exported from the app
     * comes back) — is kept byte for byte instead of being de-identified again, so an exported case imports back to the
     * same images. Any other file is de-identified.
     */
    public CleanBundle run(SourceBundle source, java.util.function.Predicate<String> alreadyStored) {
        List<SourceFile> files = withoutCommonFolder(source.files());
        byte[] manifest = null;
        List<String> notes = new ArrayList<>();
        List<ContentProblem> problems = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        Map<String, byte[]> passThrough = new LinkedHashMap<>();
        for (SourceFile f : files) {
            String lower = f.name().toLowerCase(java.util.Locale.ROOT);
            if (f.name().equals(MANIFEST)) {
                manifest = f.bytes();
            } else if (lower.endsWith(".png")) {
                passThrough.put(f.name(), f.bytes()); // AI heatmaps; checked by the case reader
            } else if (lower.endsWith(".md") || lower.endsWith(".txt") || lower.endsWith(".yaml") || lower.endsWith(".json")
                    || f.name().equals("DICOMDIR") || f.name().endsWith("/DICOMDIR")) {
                notes.add("`" + f.name() + "`: not an image, not imported");
            } else {
                read(source.display(), f, problems).ifPresent(p -> instances.add(new Instance(f.name(), p, f.bytes())));
            }
        }
        if (instances.isEmpty() && problems.isEmpty()) {
            problems.add(new ContentProblem(source.display(), "", "holds no DICOM files"));
        }
        List<List<List<Instance>>> studies = SeriesGrouping.group(instances, source.display(), problems);
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return write(source.display(), manifest, studies, passThrough, notes, alreadyStored);
    }

    private static java.util.Optional<Part10> read(String display, SourceFile f, List<ContentProblem> problems) {
        String where = display + "/" + f.name();
        try {
            Part10 p = DicomReader.read(f.bytes());
            if (!p.hasPixelData()) {
                problems.add(new ContentProblem(where, "", "is a DICOM file without an image (no Pixel Data, 7FE0,0010): only images can be imported,"
                        + " not structured reports, presentation states or a DICOMDIR index"));
                return java.util.Optional.empty();
            }
            for (int tag : new int[] {Tags.Rows, Tags.Columns}) {
                if (p.data().integer(tag) == null) {
                    problems.add(new ContentProblem(where, Tags.describe(tag), "is missing: an image needs Rows and Columns"));
                    return java.util.Optional.empty();
                }
            }
            for (int tag : new int[] {Tags.SOPClassUID, Tags.SOPInstanceUID, Tags.StudyInstanceUID, Tags.SeriesInstanceUID}) {
                String v = p.data().string(tag);
                if (v == null || v.isBlank()) {
                    problems.add(new ContentProblem(where, Tags.describe(tag), "is missing or empty"));
                    return java.util.Optional.empty();
                }
            }
            return java.util.Optional.of(p);
        } catch (DicomException e) {
            problems.add(new ContentProblem(where, "", org.calibra.casebank.dicom.DicomProblemWords.of(e.getMessage()))); // words, not the codec's byte offsets
            return java.util.Optional.empty();
        }
    }

    private CleanBundle write(String display, byte[] manifest, List<List<List<Instance>>> studies, Map<String, byte[]> passThrough,
                              List<String> notes, java.util.function.Predicate<String> alreadyStored) {
        var report = new DeidReport();
        Map<String, byte[]> out = new LinkedHashMap<>();
        List<CleanBundle.Series> summary = new ArrayList<>();
        boolean many = studies.size() > 1;
        for (int s = 0; s < studies.size(); s++) {
            for (int r = 0; r < studies.get(s).size(); r++) {
                List<Instance> series = studies.get(s).get(r);
                List<String> names = new ArrayList<>();
                int frames = 0;
                for (int i = 0; i < series.size(); i++) {
                    Instance inst = series.get(i);
                    String name = manifest != null ? inst.name()
                            : (many ? "study-" + (s + 1) + "/" : "") + String.format("series-%02d/image-%04d.dcm", r + 1, i + 1);
                    // both: the blob store may still hold identifying files written before de-identification existed (ADR 0012)
                    if (manifest != null && Deidentifier.marked(inst.dicom().data())
                            && alreadyStored.test(org.calibra.casebank.content.CaseBundleReader.sha256(inst.bytes()))) {
                        deidentifier.alreadyDone(inst.dicom().data(), name, report);
                        out.put(name, inst.bytes());
                        notes.add("`" + name + "`: already de-identified by this installation (the same bytes are stored); kept as it is");
                    } else {
                        deidentifier.apply(inst.dicom().data(), name, report);
                        out.put(name, Part10Writer.write(inst.dicom().data(), inst.dicom().transferSyntax().forWriting()));
                    }
                    names.add(name);
                    frames += Math.max(1, Objects.requireNonNullElse(inst.dicom().data().integer(Tags.NumberOfFrames), 1));
                }
                var first = series.getFirst().dicom().data();
                summary.add(new CleanBundle.Series(s + 1, Objects.requireNonNullElse(first.string(Tags.Modality), "OT"),
                        first.integer(Tags.SeriesNumber), names, frames));
            }
        }
        out.putAll(passThrough);
        var clean = new CleanBundle(display, out, manifest != null, report, List.copyOf(notes), List.copyOf(summary));
        if (manifest != null) {
            out.put(MANIFEST, manifest);
        } else {
            out.put(MANIFEST, SkeletonManifest.write(display, summary, out).getBytes(StandardCharsets.UTF_8));
            out.put(REPORT, clean.reportMarkdown().getBytes(StandardCharsets.UTF_8));
        }
        return clean;
    }

    /** A zip of a folder ("case-1/case.yaml", "case-1/a.dcm") is read as if the folder were the root. */
    static List<SourceFile> withoutCommonFolder(List<SourceFile> files) {
        if (files.isEmpty() || files.stream().anyMatch(f -> !f.name().contains("/"))) {
            return files;
        }
        String top = files.getFirst().name().substring(0, files.getFirst().name().indexOf('/') + 1);
        if (files.stream().allMatch(f -> f.name().startsWith(top))) {
            return files.stream().map(f -> new SourceFile(f.name().substring(top.length()), f.bytes())).toList();
        }
        return files;
    }

    static Comparator<Instance> byName() {
        return Comparator.comparing(Instance::name);
    }
}
