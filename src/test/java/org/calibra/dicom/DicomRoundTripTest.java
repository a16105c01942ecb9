package org.calibra.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pydicom test file read and re-written by the codec, then both dumped by dcmtk's dcmdump: the data
 * set must be element for element the same (same nesting, VR and value; dcmdump decodes binary values by
 * their byte order, so a wrong big-endian swap shows up as different numbers, pixel data included).
 */
class DicomRoundTripTest {

    /** Not Part 10 files (no preamble/DICM) or files pydicom keeps as examples of broken input. */
    static final Set<String> REJECTED = Set.of("ExplVR_BigEndNoMeta.dcm", "ExplVR_LitEndNoMeta.dcm", "no_meta.dcm", "rtstruct.dcm",
            "meta_missing_tsyntax.dcm", "MR_truncated.dcm", "rtplan_truncated.dcm", "SC_rgb_jpeg.dcm");

    static Stream<Path> readable() {
        return ReferenceFiles.pydicomFiles().stream().filter(p -> !REJECTED.contains(p.getFileName().toString()));
    }

    static Stream<Path> rejected() {
        return ReferenceFiles.pydicomFiles().stream().filter(p -> REJECTED.contains(p.getFileName().toString()));
    }

    @ParameterizedTest(name = "{arguments}")
    @MethodSource("readable")
    void rewriting_keeps_every_element_as_dcmdump_sees_it(Path source, @TempDir Path tmp) throws Exception {
        Part10 parsed = DicomReader.read(Files.readAllBytes(source));
        Path written = tmp.resolve("out.dcm");
        // a few of these files are fragments without SOP UIDs in the data set: take the meta group's
        Files.write(written, Part10Writer.write(parsed.data(), parsed.transferSyntax().forWriting(),
                java.util.Objects.requireNonNullElse(parsed.meta().string(0x00020002), "1.2.3"),
                java.util.Objects.requireNonNullElse(parsed.meta().string(0x00020003), "1.2.3.4")));

        var before = ReferenceFiles.run("dcmdump", "-q", "-Un", "+L", source.toString());
        var after = ReferenceFiles.run("dcmdump", "-q", "-Un", "+L", written.toString());

        assertThat(after.output()).as("dcmdump of the rewritten file").doesNotContain("E: ");
        assertThat(DumpLines.of(before.output())).isNotEmpty();
        assertThat(DumpLines.of(after.output())).isEqualTo(DumpLines.of(before.output()));
    }

    @ParameterizedTest(name = "{arguments}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"CT_small.dcm", "MR_small.dcm", "MR_small_bigendian.dcm",
            "MR_small_implicit.dcm", "JPEG2000.dcm", "MR_small_RLE.dcm", "rtdose.dcm", "SC_rgb_rle.dcm", "liver_1frame.dcm",
            "liver_expb_1frame.dcm", "JPGExtended.dcm", "MR_small_jpeg_ls_lossless.dcm"})
    void dciodvfy_finds_no_error_in_a_rewritten_file_that_it_did_not_find_in_the_original(String name, @TempDir Path tmp) throws Exception {
        Path source = ReferenceFiles.pydicom(name);
        Part10 parsed = DicomReader.read(Files.readAllBytes(source));
        Path written = tmp.resolve("out.dcm");
        Files.write(written, Part10Writer.write(parsed.data(), parsed.transferSyntax().forWriting()));

        var added = org.calibra.dicom.deid.DeidentifierTest.errors(ReferenceFiles.run("dciodvfy", written.toString()).output());
        added.removeAll(org.calibra.dicom.deid.DeidentifierTest.errors(ReferenceFiles.run("dciodvfy", source.toString()).output()));
        assertThat(added).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void big_endian_implicit_and_deflated_encodings_read_to_the_same_pixels_and_values_as_explicit_little_endian() throws Exception {
        Part10 le = DicomReader.read(Files.readAllBytes(ReferenceFiles.pydicom("MR_small.dcm")));
        for (String other : new String[] {"MR_small_bigendian.dcm", "MR_small_implicit.dcm"}) {
            Part10 p = DicomReader.read(Files.readAllBytes(ReferenceFiles.pydicom(other)));
            assertThat(p.data().get(Tags.PixelData).value()).as(other).isEqualTo(le.data().get(Tags.PixelData).value());
            assertThat(p.data().integer(Tags.Rows)).isEqualTo(64);
            assertThat(p.data().decimals(Tags.PixelSpacing)).containsExactly(0.3125, 0.3125);
            assertThat(p.data().string(Tags.SOPInstanceUID)).isEqualTo(le.data().string(Tags.SOPInstanceUID));
        }
        Part10 deflated = DicomReader.read(Files.readAllBytes(ReferenceFiles.pydicom("image_dfl.dcm")));
        assertThat(deflated.transferSyntax().deflated()).isTrue();
        assertThat(deflated.data().integer(Tags.Rows)).isPositive();
        // written back: explicit VR little endian, and the big-endian file's pixels read like the little-endian one's
        Part10 rewritten = DicomReader.read(Part10Writer.write(DicomReader.read(Files.readAllBytes(ReferenceFiles.pydicom("MR_small_bigendian.dcm")))
                .data(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertThat(rewritten.transferSyntax().uid()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(rewritten.data().get(Tags.PixelData).value()).isEqualTo(le.data().get(Tags.PixelData).value());
    }

    @ParameterizedTest(name = "{arguments}")
    @MethodSource("rejected")
    void broken_or_non_part_10_files_are_refused_in_words(Path source) throws Exception {
        byte[] bytes = Files.readAllBytes(source);
        assertThatThrownBy(() -> DicomReader.read(bytes)).isInstanceOf(DicomException.class).hasMessageMatching(".{20,}");
    }
}
