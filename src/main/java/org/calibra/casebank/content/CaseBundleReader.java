package org.calibra.casebank.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calibra.casebank.content.CaseBundle.DicomFile;
import org.calibra.casebank.content.CaseBundle.HeatmapFile;
import org.calibra.casebank.content.CaseBundle.StackImage;
import org.calibra.casebank.dicom.DicomFormatException;
import org.calibra.casebank.dicom.DicomHeaders;
import org.calibra.shared.content.ContentException;
import org.calibra.shared.content.ContentProblem;
import org.calibra.shared.content.YamlDocuments;
import org.calibra.synthetic.SyntheticCases;

/**
 * Reads and checks one case folder: schema, then every cross-reference the schema cannot express
 * (labels, diagnoses, image indices, coordinates inside the image, DICOM files that really hold images).
 * It only reads; a bundle with any problem is rejected whole, listing all its problems.
 */
public final class CaseBundleReader {

    public static final String MANIFEST = "case.yaml";
    private static final YamlDocuments DOCUMENTS = new YamlDocuments("/schemas/case.schema.json");

    private CaseBundleReader() {
    }

    public static CaseBundle read(Path caseDir, String displayRoot) {
        return read(caseDir, displayRoot, SyntheticCases.defaultCacheRoot());
    }

    /** {@code syntheticCache}: where a recipe-only synthetic bundle's files are generated (docs/synthetic-cases.md). */
    public static CaseBundle read(Path caseDir, String displayRoot, Path syntheticCache) {
        String folder = caseDir.getFileName().toString();
        String file = displayRoot + "/" + folder + "/" + MANIFEST;
        Path manifestPath = caseDir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestPath)) {
            throw new ContentException(new ContentProblem(file, "", "is missing: every case folder needs a " + MANIFEST));
        }
        byte[] manifestBytes = readBytes(manifestPath, file);
        var parsed = DOCUMENTS.parse(file, manifestBytes, CaseManifest.class);
        if (parsed instanceof YamlDocuments.Parsed.Failed<CaseManifest> failed) {
            throw new ContentException(failed.problems());
        }
        var ok = (YamlDocuments.Parsed.Ok<CaseManifest>) parsed;
        CaseManifest m = ok.value();
        Path filesDir = SyntheticCases.filesFolder(caseDir, ok.tree(), file, syntheticCache); // caseDir unless synthetic
        var problems = new ArrayList<ContentProblem>();
        if (!m.id().equals(folder)) {
            problems.add(new ContentProblem(file, "id", "'" + m.id() + "' must equal the folder name '" + folder + "'"));
        }
        String folderDisplay = displayRoot + "/" + folder;
        Checked checked = check(m, manifestBytes, ok.tree().has("synthetic"), folderDisplay,
                (name, field, out) -> readInside(filesDir, folderDisplay, name, field, out),
                (name, field, out) -> readInside(caseDir, folderDisplay, name, field, out), problems); // key images are never generated
        if (checked.bundle() == null) {
            throw new ContentException(checked.problems());
        }
        return checked.bundle();
    }

    /**
     * A case held in memory — a draft whose files are in the blob store, an upload — checked exactly like a folder of
     * {@code cases/} (schema, files, stack, every cross-check), except that there is no folder name to match. Every problem
     * that can be found at once: cross-checks run even when the schema found problems, as far as the manifest allows.
     * {@code files}: the bytes of each file, by the name the manifest uses. {@code display} names the case in problems.
     */
    public static Checked check(String display, byte[] manifestBytes, Map<String, byte[]> files) {
        String file = display + "/" + MANIFEST;
        var lenient = DOCUMENTS.parseLenient(file, manifestBytes, CaseManifest.class);
        var problems = new ArrayList<>(lenient.problems());
        if (lenient.value() == null) {
            return new Checked(null, List.of(), problems);
        }
        // a recipe cannot regenerate files that were de-identified since: drafts carry the generated images themselves
        if (lenient.tree().has("synthetic")) {
            problems.add(new ContentProblem(file, "synthetic", "a recipe belongs to a case folder of cases/; remove the block, the images are in the bundle"));
        }
        FileSource source = (name, field, out) -> {
            byte[] bytes = files.get(name);
            if (bytes == null) {
                out.add(new ContentProblem(file, field, "'" + name + "' is not among the case's files"));
            }
            return bytes;
        };
        return check(lenient.value(), manifestBytes, false, display, source, source, problems);
    }

    /** What checking found: the bundle when there was no problem (otherwise null), the image stack as far as it could be built, and every problem. */
    public record Checked(CaseBundle bundle, List<StackImage> stack, List<ContentProblem> problems) {}

    /** Where the files a manifest names come from: a folder, or memory. Null after recording why a file cannot be used. */
    private interface FileSource {
        byte[] read(String name, String field, List<ContentProblem> problems);
    }

    private static Checked check(CaseManifest m, byte[] manifestBytes, boolean recipe, String folderDisplay, FileSource source,
                                 FileSource keyImageSource, List<ContentProblem> problems) {
        String file = folderDisplay + "/" + MANIFEST;
        boolean schemaClean = problems.isEmpty();
        Map<String, DicomFile> files = new LinkedHashMap<>();
        List<HeatmapFile> heatmaps = new ArrayList<>();
        List<StackImage> stack = new ArrayList<>();
        List<CaseBundle.KeyImageFile> keyImages = new ArrayList<>();
        try {
            files = readDicomFiles(source, folderDisplay, m, problems);
            checkSyntheticTag(m, recipe, files, file, problems);
            heatmaps = readHeatmaps(source, folderDisplay, m, problems);
            keyImages = readKeyImages(keyImageSource, folderDisplay, m, problems);
            stack = expandStack(m, files, file, problems);
            new CaseManifestChecks(m, stack, file, problems).run();
        } catch (NullPointerException e) {
            if (schemaClean) {
                throw e;
            }
            // a manifest the schema refused may lack what the cross-checks need: its schema problems say what to fix first
        }
        if (!problems.isEmpty()) {
            return new Checked(null, List.copyOf(stack), List.copyOf(problems));
        }
        return new Checked(new CaseBundle(m, manifestBytes, List.copyOf(files.values()), stack, heatmaps,
                contentHash(manifestBytes, files, heatmaps, keyImages), keyImages),
                List.copyOf(stack), List.of());
    }

    /**
     * The tag is what every view shows as "synthetic", so it must say exactly whether the images were generated: a recipe
     * in the manifest, or (a generated case exported from the app, its recipe left behind) every image made by the
     * generator, as its Manufacturer says.
     */
    private static void checkSyntheticTag(CaseManifest m, boolean recipe, Map<String, DicomFile> files, String file,
                                          List<ContentProblem> problems) {
        boolean generated = recipe || (!files.isEmpty() && files.values().stream()
                .allMatch(f -> !f.external() && SyntheticCases.MANUFACTURER.equals(f.header().text(org.calibra.dicom.Tags.Manufacturer))));
        if (generated != m.tags().contains(CaseManifest.SYNTHETIC_TAG)) {
            problems.add(new ContentProblem(file, "tags", generated ? "a generated case must carry the tag '" + CaseManifest.SYNTHETIC_TAG + "'"
                    : "the tag '" + CaseManifest.SYNTHETIC_TAG + "' is only for cases whose images the synthetic generator made"));
        }
    }

    private static Map<String, DicomFile> readDicomFiles(FileSource source, String folderDisplay, CaseManifest m, List<ContentProblem> problems) {
        Map<String, DicomFile> files = new LinkedHashMap<>();
        for (int i = 0; i < m.images().size(); i++) {
            String name = m.images().get(i).file();
            if (name == null) {
                readArchiveSeries(m.images().get(i), "images[" + i + "].dicomweb", folderDisplay, files, problems);
                continue;
            }
            if (files.containsKey(name)) {
                continue;
            }
            byte[] bytes = source.read(name, "images[" + i + "].file", problems);
            if (bytes == null) {
                continue;
            }
            try {
                files.put(name, new DicomFile(name, bytes, sha256(bytes), DicomHeaders.read(bytes)));
            } catch (DicomFormatException e) {
                problems.add(new ContentProblem(folderDisplay + "/" + name, "", org.calibra.casebank.dicom.DicomProblemWords.of(e.getMessage())));
            }
        }
        return files;
    }

    /** A series in an external archive: its instances' metadata, fetched now (the order and geometry must be known). */
    private static void readArchiveSeries(CaseManifest.ImageEntry entry, String field, String folderDisplay, Map<String, DicomFile> files,
                                          List<ContentProblem> problems) {
        var s = entry.dicomweb();
        String root = org.calibra.casebank.dicom.DicomWebClient.stripSlash(s.url());
        try {
            String json = org.calibra.casebank.dicom.DicomWebClient.seriesMetadata(root, s.studyUid(), s.seriesUid());
            for (var h : org.calibra.casebank.dicom.DicomJsonHeader.series(json)) {
                String name = root + "/studies/" + h.studyInstanceUid() + "/series/" + h.seriesInstanceUid() + "/instances/" + h.sopInstanceUid();
                files.putIfAbsent(name, new DicomFile(name, null, null, h));
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new ContentProblem(folderDisplay + "/" + MANIFEST, field, "the series cannot be fetched from '" + s.url() + "': " + e.getMessage()));
        } catch (DicomFormatException e) {
            problems.add(new ContentProblem(folderDisplay + "/" + MANIFEST, field, "the archive's metadata of the series is unusable: " + e.getMessage()));
        }
    }

    private static List<HeatmapFile> readHeatmaps(FileSource source, String folderDisplay, CaseManifest m, List<ContentProblem> problems) {
        List<HeatmapFile> heatmaps = new ArrayList<>();
        for (int i = 0; i < m.ai().heatmaps().size(); i++) {
            var h = m.ai().heatmaps().get(i);
            byte[] bytes = source.read(h.file(), "ai.heatmaps[" + i + "].file", problems);
            if (bytes == null) {
                continue;
            }
            String problem = HeatmapCheck.problemWith(bytes);
            if (problem != null) {
                problems.add(new ContentProblem(folderDisplay + "/" + h.file(), "", problem));
                continue;
            }
            heatmaps.add(new HeatmapFile(h.imageIndex(), h.file(), bytes, sha256(bytes)));
        }
        return heatmaps;
    }

    /** Each key image's PNG, decoded to prove it is one (ADR 0024); a name used twice is reported by the manifest checks. */
    private static List<CaseBundle.KeyImageFile> readKeyImages(FileSource source, String folderDisplay, CaseManifest m, List<ContentProblem> problems) {
        List<CaseBundle.KeyImageFile> out = new ArrayList<>();
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < m.keyImageList().size(); i++) {
            var k = m.keyImageList().get(i);
            if (k.file() == null || !seen.add(k.file())) {
                continue;
            }
            byte[] bytes = source.read(k.file(), "keyImages[" + i + "].file", problems);
            if (bytes == null) {
                continue;
            }
            String problem = KeyImagePng.problemWith(bytes);
            if (problem != null) {
                problems.add(new ContentProblem(folderDisplay + "/" + k.file(), "", "key image " + (i + 1) + " " + problem));
                continue;
            }
            out.add(new CaseBundle.KeyImageFile(k, bytes, sha256(bytes)));
        }
        return out;
    }

    /** The bytes of a file named in the manifest, or null after recording why it cannot be used. */
    private static byte[] readInside(Path caseDir, String folderDisplay, String name, String field, List<ContentProblem> problems) {
        Path root = caseDir.toAbsolutePath().normalize();
        String manifest = folderDisplay + "/" + MANIFEST;
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root) || name.contains("\\")) {
            problems.add(new ContentProblem(manifest, field, "'" + name + "' must be a path inside the case folder"));
            return null;
        }
        if (!Files.isRegularFile(path)) {
            problems.add(new ContentProblem(manifest, field, "'" + name + "' does not exist in the case folder"));
            return null;
        }
        if (!insideAfterLinks(root, path)) {
            problems.add(new ContentProblem(manifest, field, "'" + name + "' is a link to a file outside the case folder"));
            return null;
        }
        return readBytes(path, folderDisplay + "/" + name);
    }

    /** Symbolic links must not lead out of the case folder either. */
    private static boolean insideAfterLinks(Path root, Path file) {
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static List<StackImage> expandStack(CaseManifest m, Map<String, DicomFile> files, String file, List<ContentProblem> problems) {
        List<StackImage> stack = new ArrayList<>();
        for (int i = 0; i < m.images().size(); i++) {
            var entry = m.images().get(i);
            if (entry.dicomweb() != null) {
                String prefix = org.calibra.casebank.dicom.DicomWebClient.stripSlash(entry.dicomweb().url()) + "/studies/"
                        + entry.dicomweb().studyUid() + "/series/" + entry.dicomweb().seriesUid() + "/instances/";
                files.values().stream().filter(f -> f.external() && f.name().startsWith(prefix)).forEach(f -> {
                    for (int frame = 0; frame < f.header().numberOfFrames(); frame++) {
                        stack.add(new StackImage(stack.size(), f, frame));
                    }
                });
                continue;
            }
            DicomFile dicom = files.get(entry.file());
            if (dicom == null) {
                continue; // already reported
            }
            int frames = dicom.header().numberOfFrames();
            if (entry.allFrames()) {
                for (int f = 0; f < frames; f++) {
                    stack.add(new StackImage(stack.size(), dicom, f));
                }
            } else {
                int frame = entry.frame() == null ? 0 : entry.frame();
                if (frame >= frames) {
                    problems.add(new ContentProblem(file, "images[" + i + "].frame",
                            frame + " is out of range: '" + entry.file() + "' has " + frames + " frame(s), numbered from 0"));
                    continue;
                }
                stack.add(new StackImage(stack.size(), dicom, frame));
            }
        }
        return stack;
    }

    private static String contentHash(byte[] manifest, Map<String, DicomFile> files, List<HeatmapFile> heatmaps,
                                      List<CaseBundle.KeyImageFile> keyImages) {
        MessageDigest digest = digest();
        digest.update(manifest);
        files.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(f -> {
            digest.update(f.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // an archive's instance has no bytes here: its address stands for it (a SOP instance never changes)
            digest.update((f.external() ? f.name() : f.sha256()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        });
        // after the DICOM files, so bundles without heatmaps keep the hash they had before heatmaps existed
        heatmaps.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(h -> {
            digest.update(h.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(h.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        });
        // last, so bundles without key images keep their hash
        keyImages.stream().sorted((a, b) -> a.entry().file().compareTo(b.entry().file())).forEach(k -> {
            digest.update(k.entry().file().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(k.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readBytes(Path path, String display) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ContentException(new ContentProblem(display, "", "cannot be read: " + e.getMessage()));
        }
    }
}
