package org.calibra.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calibra.casebank.aiobjects.AiFile;
import org.calibra.casebank.aiobjects.AiFileResult;
import org.calibra.casebank.aiobjects.AiObject;
import org.calibra.casebank.aiobjects.AiObjects;
import org.calibra.casebank.aiobjects.AiRegion;
import org.calibra.casebank.aiobjects.CaseImage;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.casebank.storage.BlobStore;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.deid.Deidentifier;
import org.springframework.stereotype.Component;

/**
 * AI result objects (ADR 0019) uploaded onto a draft: read against the draft's stored images — whose UIDs the import
 * de-identified, so the objects' references to the original UIDs are mapped with the same installation key — and, when
 * the educator chooses, added to the draft's AI output: one mark per finding (on its largest outline), the case score a
 * report gives, and heatmaps as draft files. A refused file adds nothing; a file is added whole or not at all.
 */
@Component
class AiImport {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private final BlobStore blobs;
    private final Deidentifier deidentifier;

    AiImport(BlobStore blobs, Deidentifier deidentifier) {
        this.blobs = blobs;
        this.deidentifier = deidentifier;
    }

    /** Each file read against the draft's images; {@code pngImage}: the image (from 0) a PNG heatmap belongs to. */
    List<AiFileResult> read(CaseDraft d, List<AiFile> files, int pngImage) {
        List<CaseImage> images = images(d.stack());
        List<AiFile> dicom = files.stream().filter(f -> !png(f.bytes())).toList();
        var read = AiObjects.readAll(dicom, images, deidentifier::mappedUid);
        List<AiFileResult> out = new ArrayList<>();
        int next = 0;
        for (AiFile f : files) {
            out.add(png(f.bytes()) ? AiObjects.heatmap(f.name(), f.bytes(), pngImage, images) : read.get(next++));
        }
        return out;
    }

    /** What each result says, in words. */
    static List<AiImportFile> describe(List<AiFileResult> results, int imageCount) {
        return results.stream().map(r -> switch (r) {
            case AiFileResult.Refused x -> new AiImportFile(x.fileName(), false, "Cannot be added", x.problems());
            case AiFileResult.Mapped m -> new AiImportFile(m.fileName(), true, summary(m.object(), imageCount), details(m.object()));
        }).toList();
    }

    /** The content with every mapped result added: marks appended, the case score replaced, heatmaps stored and listed. */
    DraftContent add(DraftContent content, List<AiFileResult> results) {
        CaseManifest m = content.manifest();
        List<CaseManifest.AiFinding> findings = new ArrayList<>(m.ai() == null ? List.of() : m.ai().findings());
        Map<Integer, CaseManifest.Heatmap> heatmaps = new LinkedHashMap<>();
        if (m.ai() != null) {
            m.ai().heatmaps().forEach(h -> heatmaps.put(h.imageIndex(), h));
        }
        Map<String, String> files = new LinkedHashMap<>(content.files());
        Double score = null;
        String description = null;
        for (AiFileResult r : results) {
            if (!(r instanceof AiFileResult.Mapped mapped)) {
                continue;
            }
            AiObject o = mapped.object();
            description = description == null ? o.description() : description;
            for (AiRegion region : o.regions()) {
                findings.add(mark(region, m.labels()));
            }
            if (o.caseScore() != null) {
                score = o.caseScore();
            }
            for (var h : o.heatmaps()) {
                String sha = sha256(h.png());
                blobs.put(sha, h.png()); // content-addressed: storing twice or for a draft never saved changes nothing
                String name = "ai-heatmap-image-" + (h.imageIndex() + 1) + ".png";
                files.put(name, sha);
                heatmaps.put(h.imageIndex(), new CaseManifest.Heatmap(h.imageIndex(), name));
            }
        }
        if (m.ai() == null) {
            // a draft without AI output gets a model card to fill in; its TODOs are problems until it is
            var card = new CaseManifest.ModelCard(description == null ? "TODO: the model's name" : description, "TODO: version",
                    "TODO: intended use", "TODO: training data", "TODO: known failure modes", "TODO: reported performance");
            m = ManifestEdit.with(m, "ai", new CaseManifest.Ai(card, score == null ? 0 : score, findings, List.copyOf(heatmaps.values())));
        } else {
            m = ManifestEdit.with(m, "ai.findings", findings);
            m = ManifestEdit.with(m, "ai.heatmaps", List.copyOf(heatmaps.values()));
            if (score != null) {
                m = ManifestEdit.with(m, "ai.score", score);
            }
        }
        return new DraftContent(m, files);
    }

    /**
     * A finding as a mark on its largest outline. Its label is the case's label it matches (ignoring case and spaces),
     * else the AI's own as a slug, which the checks then ask the educator to replace with one of the case's.
     */
    static CaseManifest.AiFinding mark(AiRegion region, List<String> labels) {
        var slice = region.keySlice();
        String slug = slug(region.label());
        String label = labels == null ? slug : labels.stream().filter(l -> slug(l).equals(slug)).findFirst().orElse(slug);
        return new CaseManifest.AiFinding(label, slice.imageIndex(), round(slice.mark().x()), round(slice.mark().y()),
                slice.mark().probabilityOr(1.0));
    }

    private static String summary(AiObject o, int imageCount) {
        List<String> parts = new ArrayList<>();
        if (o.kind() != AiObject.Kind.HEATMAP) {
            long contours = o.regions().stream().flatMap(r -> r.slices().stream()).filter(s -> !s.outline().isEmpty()).count();
            parts.add(count(o.regions().size(), "mark") + (contours > 0 ? ", " + count((int) contours, "contour") : "")
                    + images(o.regions(), imageCount));
        }
        o.heatmaps().forEach(h -> parts.add("heatmap on image " + (h.imageIndex() + 1) + " of " + imageCount));
        if (o.caseScore() != null) {
            parts.add("case score " + o.caseScore());
        }
        return String.join("; ", parts);
    }

    private static String images(List<AiRegion> regions, int imageCount) {
        if (regions.isEmpty()) {
            return " (the AI found nothing)";
        }
        int first = regions.stream().mapToInt(AiRegion::firstImage).min().orElseThrow() + 1;
        int last = regions.stream().mapToInt(AiRegion::lastImage).max().orElseThrow() + 1;
        return first == last ? " on image " + first + " of " + imageCount : " on images " + first + " to " + last + " of " + imageCount;
    }

    private static List<String> details(AiObject o) {
        List<String> out = new ArrayList<>();
        for (AiRegion r : o.regions()) {
            var s = r.keySlice();
            out.add("“" + r.label() + "”: a mark on image " + (s.imageIndex() + 1) + " at x " + round(s.mark().x()) + ", y " + round(s.mark().y())
                    + (r.probability() == null ? ", no probability given (it will be 1.0: change it)" : ", probability " + r.probability()));
        }
        out.addAll(o.notes());
        return out;
    }

    private List<CaseImage> images(List<DraftImage> stack) {
        Map<String, org.calibra.dicom.DataSet> headers = new LinkedHashMap<>();
        List<CaseImage> out = new ArrayList<>();
        for (DraftImage i : stack) {
            var header = headers.computeIfAbsent(i.sha256(), sha -> blobs.open(sha).map(b -> {
                try {
                    // a file memory-mapped, up to the pixel data: what CaseImage needs; an S3 object fetched
                    return (b.localFile().isPresent() ? DicomReader.readHeader(b.localFile().get()) : DicomReader.readHeader(b.readAllBytes())).data();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).orElseThrow(() -> new DraftRefused("Image " + (i.index() + 1) + " (" + i.file() + ") of this draft is missing from storage.")));
            out.add(CaseImage.of(header, i.frame()));
        }
        return out;
    }

    private static boolean png(byte[] bytes) {
        return bytes.length >= PNG.length && java.util.Arrays.equals(bytes, 0, PNG.length, PNG, 0, PNG.length);
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    static String slug(String label) {
        String s = label == null ? "" : label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "ai-finding" : s.length() > 64 ? s.substring(0, 64) : s;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
