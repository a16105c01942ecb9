package org.calibra.dicom.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.DicomReader;
import org.calibra.dicom.Dictionary;
import org.calibra.dicom.Element;
import org.calibra.dicom.Part10;
import org.calibra.dicom.Part10Writer;
import org.calibra.dicom.ReferenceFiles;
import org.calibra.dicom.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Basic Profile attribute by attribute on pydicom's real files: every listed attribute present anywhere
 * (nested sequences too) is gone, empty, a dummy or a new UID; no private element survives; no removed value
 * is left anywhere in the written bytes; UIDs map consistently and only with the same secret.
 */
public class DeidentifierTest {

    static final byte[] SECRET = "calibra-test-secret-0123456789ab".getBytes(StandardCharsets.US_ASCII);
    static final Set<String> BROKEN = Set.of("ExplVR_BigEndNoMeta.dcm", "ExplVR_LitEndNoMeta.dcm", "no_meta.dcm", "rtstruct.dcm",
            "meta_missing_tsyntax.dcm", "MR_truncated.dcm", "rtplan_truncated.dcm", "SC_rgb_jpeg.dcm");

    static Stream<Path> files() {
        return ReferenceFiles.pydicomFiles().stream().filter(p -> !BROKEN.contains(p.getFileName().toString()));
    }

    record Found(int tag, Element element) {}

    @Test
    void the_profile_table_names_its_attributes_as_the_dictionary_does() {
        BasicProfile.table().forEach((tag, action) -> {
            String keyword = Dictionary.keyword(tag);
            assertThat(keyword.isEmpty() || !keyword.isBlank()).as(Tags.format(tag)).isTrue();
        });
        assertThat(BasicProfile.table()).hasSizeGreaterThan(250)
                .containsEntry(Tags.SOPInstanceUID, Action.UID)
                .containsEntry(0x00100010, Action.EMPTY)   // PatientName Z
                .containsEntry(0x00101010, Action.REMOVE)  // PatientAge X
                .containsEntry(0x00080080, Action.DUMMY)   // InstitutionName X/Z/D
                .containsEntry(0x00181000, Action.DUMMY);  // DeviceSerialNumber X/Z/D
    }

    @ParameterizedTest(name = "{arguments}")
    @MethodSource("files")
    void every_listed_attribute_is_handled_at_every_depth_and_no_removed_value_remains(Path file) throws Exception {
        Part10 original = DicomReader.read(Files.readAllBytes(file));
        List<Found> before = new ArrayList<>();
        collect(original.data(), before);
        Part10 copy = DicomReader.read(Files.readAllBytes(file));
        var report = new DeidReport();

        new Deidentifier(SECRET).apply(copy.data(), file.getFileName().toString(), report);
        byte[] written = Part10Writer.write(copy.data(), copy.transferSyntax().forWriting(),
                java.util.Objects.requireNonNullElse(copy.meta().string(0x00020002), "1.2.3"),
                java.util.Objects.requireNonNullElse(copy.data().string(Tags.SOPInstanceUID), "1.2.3.4"));
        List<Found> after = new ArrayList<>();
        collect(DicomReader.read(written).data(), after);

        assertThat(after).noneMatch(f -> Tags.isPrivate(f.tag()));
        String bytes = new String(written, StandardCharsets.ISO_8859_1);
        // values the profile keeps (Manufacturer "TOSHIBA_MEC", BodyPartExamined ...) may contain a removed one
        List<String> kept = before.stream().filter(f -> !f.element().isPrivate() && !"UI".equals(f.element().vr())
                && (BasicProfile.actionFor(f.tag()) == null || BasicProfile.actionFor(f.tag()) == Action.KEEP)).map(f -> text(f.element())).toList();
        for (Found f : before) {
            Action action = f.element().isPrivate() ? Action.REMOVE : BasicProfile.actionFor(f.tag());
            String value = text(f.element());
            boolean identifying = action != null && action != Action.KEEP
                    || "UI".equals(f.element().vr()) && !value.isEmpty() && !UidMapper.isWellKnown(value);
            if (!identifying || value.length() < 6 || value.matches("[0-9.\\\\ ]{0,8}|ANONYMIZED|19000101|000000")
                    || kept.stream().anyMatch(k -> k.contains(value))) {
                continue; // too short or too generic to say anything by itself
            }
            assertThat(bytes).as("%s %s: its original value is still in the output", file.getFileName(), Tags.describe(f.tag()))
                    .doesNotContain(value);
        }
        for (Found f : after) {
            Action action = BasicProfile.actionFor(f.tag());
            if (action == Action.REMOVE) {
                throw new AssertionError(Tags.describe(f.tag()) + " must be removed from " + file.getFileName());
            }
            if (action == Action.EMPTY) {
                assertThat(text(f.element())).as(Tags.describe(f.tag())).isEmpty();
            }
        }
        DataSet out = DicomReader.read(written).data();
        assertThat(out.string(Tags.PatientIdentityRemoved)).isEqualTo("YES");
        assertThat(out.get(Tags.DeidentificationMethodCodeSequence).items().getFirst().string(Tags.CodeValue)).isEqualTo("113100");
        assertThat(report.toMarkdown("r")).doesNotContain(bytesOfNames(before));
    }

    @Test
    void nested_sequences_are_de_identified_and_private_elements_removed_unless_whitelisted() {
        DataSet inner = new DataSet()
                .putText(0x0040A123, "PN", "Doe^Jane")                 // PersonName: D
                .putText(0x00081155, "UI", "1.2.3.4.5.6.7")            // ReferencedSOPInstanceUID: U
                .putText(0x00101000, "LO", "OTHER-ID-42")              // OtherPatientIDs: X
                .putText(0x00090010, "LO", "ACME 1.0")                 // private creator
                .putText(0x00091001, "LO", "secret-private");          // private element
        DataSet data = new DataSet()
                .putText(Tags.SOPClassUID, "UI", "1.2.840.10008.5.1.4.1.1.2")
                .putText(Tags.SOPInstanceUID, "UI", "1.2.3.4.5.6.8")
                .putText(0x00100010, "PN", "Doe^John")
                .putText(0x00190010, "LO", "KEEPME")
                .putText(0x00191020, "DS", "12.5")
                .putText(0x00191021, "LO", "dropped")
                .put(Element.sequence(0x00082218, List.of(inner)));      // AnatomicRegionSequence: not listed → walked

        var report = new DeidReport();
        new Deidentifier(SECRET, Set.of(new Deidentifier.PrivateTag("KEEPME", 0x20))).apply(data, "x.dcm", report);

        DataSet item = data.get(0x00082218).items().getFirst();
        assertThat(item.string(0x0040A123)).isEqualTo("ANONYMIZED");
        assertThat(item.string(0x00081155)).startsWith("2.25.").isEqualTo(new UidMapper(SECRET).map("1.2.3.4.5.6.7"));
        assertThat(item.contains(0x00101000)).isFalse();
        assertThat(item.contains(0x00091001)).isFalse();
        assertThat(item.contains(0x00090010)).isFalse();
        assertThat(data.string(0x00100010)).isEmpty();
        assertThat(data.string(0x00191020)).isEqualTo("12.5");
        assertThat(data.contains(0x00190010)).isTrue();
        assertThat(data.contains(0x00191021)).isFalse();
        assertThat(report.lines()).extracting(DeidReport.Line::attribute)
                .contains("(0008,2218) AnatomicRegionSequence > (0040,A123) PersonName", "(0010,0010) PatientName");
    }

    @Test
    void uids_map_consistently_across_a_series_in_any_encoding_and_only_with_the_same_secret() throws Exception {
        Set<String> studies = new HashSet<>();
        for (String name : List.of("MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_RLE.dcm")) {
            DataSet d = DicomReader.read(Files.readAllBytes(ReferenceFiles.pydicom(name))).data();
            new Deidentifier(SECRET).apply(d, name, new DeidReport());
            studies.add(d.string(Tags.StudyInstanceUID) + "|" + d.string(Tags.SeriesInstanceUID) + "|" + d.string(Tags.SOPInstanceUID));
        }
        assertThat(studies).hasSize(1);
        assertThat(studies.iterator().next()).doesNotContain("1.3.6.1.4.1.5962").startsWith("2.25.");
        String other = new UidMapper("another-installation-secret-xyz".getBytes()).map("1.3.6.1.4.1.5962.1.2.4.20040826185059.5457");
        assertThat(studies.iterator().next()).doesNotContain(other);
    }

    @Test
    void the_same_file_and_secret_give_the_same_bytes() throws Exception {
        byte[] a = deidentified("CT_small.dcm");
        byte[] b = deidentified("CT_small.dcm");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void secondary_captures_and_burned_in_annotation_are_flagged_for_review() throws Exception {
        var report = new DeidReport();
        DataSet sc = DicomReader.read(Files.readAllBytes(ReferenceFiles.pydicom("SC_rgb.dcm".equals("") ? "" : "SC_rgb_rle.dcm"))).data();
        new Deidentifier(SECRET).apply(sc, "sc.dcm", report);
        DataSet ct = DicomReader.read(Files.readAllBytes(ReferenceFiles.pydicom("CT_small.dcm"))).data();
        new Deidentifier(SECRET).apply(ct, "ct.dcm", report);
        DataSet yes = DicomReader.read(Files.readAllBytes(ReferenceFiles.pydicom("CT_small.dcm"))).data();
        yes.putText(Tags.BurnedInAnnotation, "CS", "YES");
        new Deidentifier(SECRET).apply(yes, "yes.dcm", report);

        assertThat(report.flags()).extracting(DeidReport.Flag::file).containsExactly("sc.dcm", "yes.dcm");
        assertThat(report.flags().get(1).reason()).contains("YES");
    }

    /** dciodvfy's errors on the de-identified file, minus those it already reported on the original. */
    @ParameterizedTest(name = "{arguments}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"CT_small.dcm", "MR_small.dcm", "MR_small_bigendian.dcm",
            "MR_small_implicit.dcm", "image_dfl.dcm", "JPEG2000.dcm", "MR_small_RLE.dcm", "rtdose.dcm", "SC_rgb_rle.dcm",
            "liver_1frame.dcm", "JPGExtended.dcm"})
    void de_identified_files_have_no_errors_that_dciodvfy_did_not_already_find_in_the_original(String name,
            @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("deid.dcm");
        Files.write(out, deidentified(name));

        // the baseline: what dciodvfy finds in the original and in the codec's plain rewrite (it cannot read deflated files)
        Path rewritten = tmp.resolve("rewritten.dcm");
        Part10 plain = DicomReader.read(Files.readAllBytes(ReferenceFiles.pydicom(name)));
        Files.write(rewritten, Part10Writer.write(plain.data(), plain.transferSyntax().forWriting()));
        Set<String> before = errors(ReferenceFiles.run("dciodvfy", ReferenceFiles.pydicom(name).toString()).output());
        before.addAll(errors(ReferenceFiles.run("dciodvfy", rewritten.toString()).output()));
        Set<String> after = errors(ReferenceFiles.run("dciodvfy", out.toString()).output());

        after.removeAll(before);
        assertThat(after).as("new dciodvfy errors on the de-identified " + name).isEmpty();
    }

    public static Set<String> errors(String dciodvfy) {
        Set<String> out = new java.util.TreeSet<>();
        for (String line : dciodvfy.split("\n")) {
            if (line.startsWith("Error")) {
                out.add(line.replaceAll("\\[[^]]*]", "[]").replaceAll(" = <[^>]*>", " = <>").trim());
            }
        }
        return out;
    }

    static byte[] deidentified(String name) throws Exception {
        Part10 p = DicomReader.read(Files.readAllBytes(ReferenceFiles.pydicom(name)));
        new Deidentifier(SECRET).apply(p.data(), name, new DeidReport());
        return Part10Writer.write(p.data(), p.transferSyntax().forWriting());
    }

    private static void collect(DataSet ds, List<Found> out) {
        for (Element e : ds.view()) {
            out.add(new Found(e.tag(), e));
            if (e.isSequence()) {
                e.items().forEach(item -> collect(item, out));
            }
        }
    }

    private static String text(Element e) {
        return e.value() == null ? "" : new String(e.value(), StandardCharsets.ISO_8859_1).replace("\0", "").trim();
    }

    /** The original patient names, which the report must never contain. */
    private static String bytesOfNames(List<Found> before) {
        return before.stream().filter(f -> f.tag() == 0x00100010).map(f -> text(f.element())).filter(s -> s.length() > 3)
                .findFirst().orElse("\u0000no-name\u0000");
    }
}
