package org.calibra.authoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.calibra.casebank.CaseUploadService;
import org.calibra.casebank.storage.BlobStore;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.DicomException;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.Tags;
import org.calibra.synthetic.CaseYamlWriter;
import org.calibra.synthetic.LibraryPlanner;
import org.calibra.synthetic.Recipe;
import org.calibra.synthetic.RecipeBuilder;
import org.calibra.synthetic.SyntheticCaseGenerator;
import org.springframework.stereotype.Component;

/**
 * The other ways to start a case (issue 13, "Start a case"): a case generated from the educator's choices, and a stack
 * chosen from the several series of an upload. Both end as an ordinary draft through the same doors as an upload — the
 * generated files go through the upload pipeline (de-identification, the blob store), and a chosen stack is a save of
 * the draft's manifest (a new revision, with the loader's checks). Runs in the caller's transaction.
 */
@Component
class DraftStarts {

    private final CaseUploadService uploads;
    private final DraftEditing editing;
    private final BlobStore blobs;
    private final SecureRandom random = new SecureRandom();

    DraftStarts(CaseUploadService uploads, DraftEditing editing, BlobStore blobs) {
        this.uploads = uploads;
        this.editing = editing;
        this.blobs = blobs;
    }

    // ----- from the synthetic generator -----

    /**
     * A draft of a new case generated from {@code form}: its images the generated DICOM, its truth the generator's exact
     * lesions, tagged synthetic. The seed is a secret 64-bit one (ADR 0008, amendment): it makes the images and is then
     * forgotten — a draft carries its images, not a recipe, so nothing the app keeps or shows holds it.
     */
    CaseDraft synthetic(SyntheticCaseForm form) {
        var checked = form.check();
        if (!checked.ok()) {
            throw new DraftRefused("The form has " + checked.problems().size() + " problem(s); nothing was generated.",
                    checked.problems().stream().map(p -> new DraftProblem(p.field().name(), p.field().label, p.message())).toList());
        }
        boolean ct = checked.choice().kind() == Recipe.Kind.CHEST_CT;
        String slug = editing.freeSlug(ct ? "synthetic-chest-ct" : "synthetic-chest-radiograph");
        long seed = LibraryPlanner.secretSeeds(random).caseSeed(0);
        Recipe recipe;
        try {
            recipe = RecipeBuilder.build(slug, seed, checked.choice());
        } catch (IllegalArgumentException e) {
            throw new DraftRefused(e.getMessage() + " Nothing was generated.");
        }
        var generated = SyntheticCaseGenerator.generate(recipe, "the synthetic case form");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(slug + "/case.yaml", withoutRecipe(CaseYamlWriter.write(generated)).getBytes(StandardCharsets.UTF_8));
        generated.files().forEach((name, bytes) -> entries.put(slug + "/" + name, bytes));
        var prepared = uploads.prepare(slug + ".zip", zip(entries));
        if (prepared.failed()) {
            throw new IllegalStateException("a generated case did not pass the upload pipeline: " + prepared.problems());
        }
        var result = editing.fromUpload(slug + ".zip", prepared, "synthetic");
        if (!result.created()) {
            throw new DraftRefused("The generated case could not become a draft: " + result.refused().getFirst());
        }
        return result.draft();
    }

    /**
     * The case.yaml without its synthetic block (the last one CaseYamlWriter writes): the block holds the seed, which is for
     * staff only, and a draft carries the generated files instead of a recipe (the loader refuses a recipe in a draft).
     */
    static String withoutRecipe(String yaml) {
        int block = yaml.indexOf("\nsynthetic:\n");
        if (block < 0) {
            throw new IllegalStateException("CaseYamlWriter wrote no synthetic block");
        }
        return yaml.substring(0, block + 1)
                .replace(" The DICOM files are regenerated from the recipe in the synthetic block and checked against its sha256.",
                        " Made in the app from an educator's choices of kind, lesions, noise and simulated AI; the images are stored with the case.");
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ----- from several series -----

    /** The series among the draft's stored DICOM files, those of the current stack first (in its order), then by number. */
    List<DraftSeries> series(CaseDraft d) {
        Map<String, String> files = d.content().files();
        List<String> stack = d.content().manifest().images().stream().map(i -> i.file()).filter(Objects::nonNull).toList();
        record Read(String file, DataSet data) {}
        Map<String, List<Read>> bySeries = new LinkedHashMap<>();
        for (var f : files.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (f.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                continue; // heatmaps
            }
            var blob = blobs.open(f.getValue());
            if (blob.isEmpty()) {
                continue; // the draft's problems name a missing file
            }
            try {
                var local = blob.get().localFile();
                DataSet data = (local.isPresent() ? DicomReader.readHeader(local.get()) : DicomReader.readHeader(blob.get().readAllBytes())).data();
                String uid = Objects.requireNonNullElse(data.string(Tags.SeriesInstanceUID), f.getKey());
                bySeries.computeIfAbsent(uid, k -> new ArrayList<>()).add(new Read(f.getKey(), data));
            } catch (IOException | DicomException e) {
                // not a DICOM image: never part of a stack
            }
        }
        List<DraftSeries> out = new ArrayList<>();
        for (List<Read> reads : bySeries.values()) {
            DataSet first = reads.getFirst().data();
            List<DraftSeries.Image> images = reads.stream().map(r -> new DraftSeries.Image(r.file(),
                    Math.max(1, Objects.requireNonNullElse(r.data().integer(Tags.NumberOfFrames), 1)), r.data().integer(Tags.InstanceNumber),
                    alongNormal(r.data()))).toList();
            int position = images.stream().mapToInt(i -> stack.indexOf(i.file())).filter(i -> i >= 0).min().orElse(-1);
            out.add(new DraftSeries(reads.getFirst().file(), first.integer(Tags.SeriesNumber),
                    Objects.requireNonNullElse(first.string(Tags.Modality), "OT"), Objects.requireNonNullElse(first.integer(Tags.Rows), 0),
                    Objects.requireNonNullElse(first.integer(Tags.Columns), 0), images, position,
                    images.stream().allMatch(i -> i.position() != null)));
        }
        out.sort(Comparator.comparing((DraftSeries s) -> s.inStack() ? s.stackPosition() : Integer.MAX_VALUE)
                .thenComparing(DraftSeries::number, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(DraftSeries::key));
        return out;
    }

    /** Saves the chosen stack as the draft's images list: a new revision, checked like every save. */
    SaveOutcome saveStack(CaseDraft d, int revision, List<StackOrder.Choice> choices) {
        var entries = StackOrder.entries(series(d), choices, d.content().files());
        var m = ManifestEdit.with(d.content().manifest(), "images", entries);
        return editing.save(d.id(), revision, d.content().withManifest(m));
    }

    /** Position along the slice normal (Image Position · (row × column direction)); null when the image does not say. */
    private static Double alongNormal(DataSet d) {
        double[] o = d.decimals(Tags.ImageOrientationPatient);
        double[] p = d.decimals(Tags.ImagePositionPatient);
        if (o == null || p == null || o.length != 6 || p.length != 3) {
            return null;
        }
        double nx = o[1] * o[5] - o[2] * o[4], ny = o[2] * o[3] - o[0] * o[5], nz = o[0] * o[4] - o[1] * o[3];
        return nx * p[0] + ny * p[1] + nz * p[2];
    }
}
