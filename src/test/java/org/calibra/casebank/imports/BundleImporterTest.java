package org.calibra.casebank.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.calibra.casebank.imports.SourceBundle.SourceFile;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.Part10;
import org.calibra.dicom.Part10Writer;
import org.calibra.dicom.ReferenceFiles;
import org.calibra.dicom.Tags;
import org.calibra.dicom.deid.Deidentifier;
import org.calibra.shared.content.ContentProblem;
import org.junit.jupiter.api.Test;

/** The import pipeline with real files: clean output, every kind of unusable file, all or nothing. */
class BundleImporterTest {

    static final byte[] SECRET = "calibra-test-secret-0123456789ab".getBytes(StandardCharsets.US_ASCII);
    final BundleImporter importer = new BundleImporter(new Deidentifier(SECRET));

    static SourceFile pydicom(String name, String as) throws Exception {
        return new SourceFile(as, Files.readAllBytes(ReferenceFiles.pydicom(name)));
    }

    @Test
    void a_folder_without_case_yaml_becomes_a_clean_bundle_with_a_skeleton_and_a_report() throws Exception {
        CleanBundle clean = importer.run(new SourceBundle("scan.zip", List.of(
                pydicom("CT_small.dcm", "x/1.dcm"), pydicom("MR_small_bigendian.dcm", "x/y/2.dcm"), pydicom("rtdose.dcm", "z/3"))));

        assertThat(clean.files().keySet()).contains("study-1/series-01/image-0001.dcm", "case.yaml", "import-report.md");
        String yaml = new String(clean.files().get("case.yaml"), StandardCharsets.UTF_8);
        assertThat(yaml).contains("id: scan", "modality: CT", "frames: all", "TODO").doesNotContain("1.3.6.1.4.1.5962");
        String report = new String(clean.files().get("import-report.md"), StandardCharsets.UTF_8);
        assertThat(report).contains("(0010,0010) PatientName | emptied").doesNotContain("CompressedSamples");
        DataSet mr = DicomReader.read(clean.files().get("study-2/series-01/image-0001.dcm")).data();
        assertThat(mr.string(Tags.PatientIdentityRemoved)).isEqualTo("YES");
        Part10 written = DicomReader.read(clean.files().get("study-2/series-01/image-0001.dcm"));
        assertThat(written.transferSyntax().uid()).isEqualTo("1.2.840.10008.1.2.1"); // big endian re-encoded
    }

    @Test
    void with_case_yaml_files_keep_their_names_and_compressed_pixel_data_passes_through_untouched() throws Exception {
        byte[] yaml = "schemaVersion: 1\n".getBytes(StandardCharsets.UTF_8);
        CleanBundle clean = importer.run(new SourceBundle("case.zip", List.of(new SourceFile("c/case.yaml", yaml),
                pydicom("JPEG2000.dcm", "c/JPEG2000.dcm"), new SourceFile("c/README.md", "hi".getBytes()))));

        assertThat(clean.files().keySet()).containsExactlyInAnyOrder("case.yaml", "JPEG2000.dcm");
        Part10 before = DicomReader.read(Files.readAllBytes(ReferenceFiles.pydicom("JPEG2000.dcm")));
        Part10 after = DicomReader.read(clean.files().get("JPEG2000.dcm"));
        assertThat(after.transferSyntax().uid()).isEqualTo(before.transferSyntax().uid());
        var f1 = before.data().get(Tags.PixelData).fragments();
        var f2 = after.data().get(Tags.PixelData).fragments();
        assertThat(f2).hasSameSizeAs(f1);
        for (int i = 0; i < f1.size(); i++) {
            assertThat(f2.get(i)).isEqualTo(f1.get(i));
        }
        assertThat(clean.notes()).anyMatch(n -> n.contains("README.md"));
        assertThat(clean.needsReview()).isTrue(); // a secondary capture: may carry burned-in text
    }

    @Test
    void every_unusable_file_is_named_with_its_reason_and_nothing_is_returned() throws Exception {
        byte[] ct = Files.readAllBytes(ReferenceFiles.pydicom("CT_small.dcm"));
        List<SourceFile> files = new ArrayList<>(List.of(
                new SourceFile("notes.dcm", "just some text that is not DICOM at all, padded to be long enough...".repeat(4).getBytes()),
                new SourceFile("cut.dcm", java.util.Arrays.copyOf(ct, ct.length / 2)),
                new SourceFile("sr.dcm", withoutPixelData(ct)),
                new SourceFile("weird.dcm", withTransferSyntax(ct, "1.2.3.4.5")),
                new SourceFile("good.dcm", ct)));
        ImportException e = catchThrowableOfType(ImportException.class, () -> importer.run(new SourceBundle("up.zip", files)));

        assertThat(e.problems()).extracting(ContentProblem::file)
                .containsExactlyInAnyOrder("up.zip/notes.dcm", "up.zip/cut.dcm", "up.zip/sr.dcm", "up.zip/weird.dcm");
        // in words an educator exporting from a PACS acts on: what the file is not, or how it is damaged; no byte offsets
        assertThat(message(e, "notes.dcm")).startsWith("is not a DICOM image (no 'DICM' marker at its start)").contains("not as JPEG");
        assertThat(message(e, "cut.dcm")).startsWith("is an incomplete DICOM file").contains("export or copy it again");
        assertThat(message(e, "sr.dcm")).startsWith("is a DICOM file without an image").contains("structured reports");
        assertThat(message(e, "weird.dcm")).startsWith("is a DICOM image in an encoding Calibra cannot read").contains("1.2.3.4.5");
        assertThat(e.problems()).extracting(ContentProblem::message).noneMatch(m -> m.contains("byte"));
    }

    @Test
    void a_series_whose_images_differ_in_size_or_frame_of_reference_is_inconsistent() throws Exception {
        byte[] ct = Files.readAllBytes(ReferenceFiles.pydicom("CT_small.dcm"));
        byte[] other = modified(ct, d -> {
            d.putText(Tags.SOPInstanceUID, "UI", "1.2.3.9");
            d.put(org.calibra.dicom.Element.of(Tags.Rows, "US", new byte[] {64, 0}));
        });
        byte[] otherFrame = modified(ct, d -> {
            d.putText(Tags.SOPInstanceUID, "UI", "1.2.3.10");
            d.putText(Tags.FrameOfReferenceUID, "UI", "1.2.3.11");
        });
        ImportException e = catchThrowableOfType(ImportException.class, () -> importer.run(new SourceBundle("up.zip", List.of(
                new SourceFile("a.dcm", ct), new SourceFile("b.dcm", other), new SourceFile("c.dcm", otherFrame), new SourceFile("d.dcm", ct)))));

        assertThat(message(e, "b.dcm")).startsWith("inconsistent series").contains("128x64", "128x128", "'a.dcm'");
        assertThat(message(e, "c.dcm")).contains("frame of reference");
        assertThat(message(e, "d.dcm")).contains("same SOPInstanceUID as 'a.dcm'");
        assertThat(e.problems().toString()).doesNotContain("1.3.6.1.4.1.5962"); // no UIDs in messages
    }

    @Test
    void an_empty_bundle_says_it_has_no_dicom() {
        ImportException e = catchThrowableOfType(ImportException.class, () -> importer.run(new SourceBundle("up.zip", List.of())));
        assertThat(e.problems().getFirst().message()).isEqualTo("holds no DICOM files");
    }

    @Test
    void the_command_line_writes_nothing_for_a_failing_source_and_a_bundle_for_a_good_one(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path good = Files.createDirectories(tmp.resolve("good"));
        Files.copy(ReferenceFiles.pydicom("MR_small.dcm"), good.resolve("MR_small.dcm"));
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.copy(ReferenceFiles.pydicom("MR_small.dcm"), bad.resolve("ok.dcm"));
        Files.writeString(bad.resolve("broken.dcm"), "not dicom");
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();

        int status = ImportCli.run(new String[] {"--out", tmp.resolve("out").toString(), "--data-dir", tmp.resolve("data").toString(),
                good.toString(), bad.toString()}, new java.io.PrintStream(out), new java.io.PrintStream(err));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("broken.dcm: is not a DICOM image");
        assertThat(tmp.resolve("out/bad")).doesNotExist();
        assertThat(tmp.resolve("out/good/series-01/image-0001.dcm")).exists();
        assertThat(tmp.resolve("out/good/case.yaml")).content().contains("TODO");
        assertThat(java.nio.file.Files.getPosixFilePermissions(tmp.resolve("data/secrets.key")))
                .as("the development key-encryption key beside the embedded database (ADR 0030)")
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(tmp.resolve("data/deid-secret")).as("the secret lives sealed in the database, no longer in a file").doesNotExist();

        int again = ImportCli.run(new String[] {"--out", tmp.resolve("out2").toString(), "--data-dir", tmp.resolve("data").toString(),
                good.toString()}, new java.io.PrintStream(out), new java.io.PrintStream(err));
        assertThat(again).isZero();
        assertThat(tmp.resolve("out2/good/series-01/image-0001.dcm")).as("the same installation secret: the same UIDs")
                .hasSameBinaryContentAs(tmp.resolve("out/good/series-01/image-0001.dcm"));
    }

    @Test
    void a_source_with_case_yaml_comes_out_as_a_case_folder_named_by_its_id_that_the_loader_accepts(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path source = Files.createDirectories(tmp.resolve("export-from-pacs"));
        try (var files = Files.list(Path.of("cases/mr-iac-schwannoma-detected"))) {
            for (Path f : files.toList()) {
                Files.copy(f, source.resolve(f.getFileName()));
            }
        }
        int status = ImportCli.run(new String[] {"--out", tmp.resolve("out").toString(), "--data-dir", tmp.resolve("data").toString(),
                source.toString()}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()), System.err);

        assertThat(status).isZero();
        Path folder = tmp.resolve("out/mr-iac-schwannoma-detected");
        assertThat(folder.resolve("import-report.md")).content().contains("PatientName");
        var bundle = org.calibra.casebank.content.CaseBundleReader.read(folder, "out");
        assertThat(bundle.files()).singleElement().satisfies(f -> assertThat(f.header().sopInstanceUid()).startsWith("2.25."));
    }

    private static String message(ImportException e, String file) {
        return e.problems().stream().filter(p -> p.file().endsWith("/" + file)).findFirst().orElseThrow().message();
    }

    private static byte[] withoutPixelData(byte[] file) {
        return modified(file, d -> d.remove(Tags.PixelData));
    }

    private static byte[] withTransferSyntax(byte[] file, String ts) {
        // patch the UID in the meta group in place (same length padded), so the data set stays as it is
        String text = new String(file, StandardCharsets.ISO_8859_1);
        String old = "1.2.840.10008.1.2.1\0";
        int at = text.indexOf(old);
        byte[] copy = file.clone();
        byte[] repl = String.format("%-20s", ts).replace(' ', '\0').getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(repl, 0, copy, at, repl.length);
        return copy;
    }

    private static byte[] modified(byte[] file, java.util.function.Consumer<DataSet> change) {
        Part10 p = DicomReader.read(file);
        change.accept(p.data());
        return Part10Writer.write(p.data(), p.transferSyntax().forWriting());
    }
}
