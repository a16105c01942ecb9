package org.calibra.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.calibra.casebank.dicom.DicomHeader;
import org.calibra.casebank.dicom.DicomHeaders;
import org.calibra.dicom.DataSet;
import org.calibra.dicom.Tags;
import org.calibra.synthetic.Recipe.CtParameters;
import org.calibra.synthetic.Recipe.Density;
import org.calibra.synthetic.Recipe.Lesion;
import org.calibra.synthetic.Recipe.Nodule;
import org.calibra.synthetic.Recipe.RadiographParameters;
import org.calibra.synthetic.dicom.SyntheticStudy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generator writes through the codec's Part 10 writer, against the codec's reader, dcmtk's dcmdump and dicom3tools' dciodvfy. */
class DicomWriterTest {

    static SyntheticCaseGenerator.Generated ct, dx;

    @BeforeAll
    static void generate() {
        ct = SyntheticCaseGenerator.generate(new Recipe("synth-test-ct", Recipe.Kind.CHEST_CT, 11,
                CtParameters.standard(List.of(new Nodule("L1", 10, Density.SOLID, 80.5, 120.5, 30))), Recipe.AiModel.standard()), "test");
        dx = SyntheticCaseGenerator.generate(new Recipe("synth-test-dx", Recipe.Kind.CHEST_RADIOGRAPH, 12,
                RadiographParameters.standard(List.of(new Lesion("L1", 20, 0.08, 150, 220))), Recipe.AiModel.standard()), "test");
    }

    @Test
    void a_ct_slice_reads_back_through_the_apps_header_reader() throws Exception {
        byte[] file = ct.files().get("image-030.dcm");
        DicomHeader h = DicomHeaders.read(file);

        assertThat(h.transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(h.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(h.sopInstanceUid()).isEqualTo(ct.study().instanceUid(30));
        assertThat(h.studyInstanceUid()).isEqualTo(ct.study().studyUid());
        assertThat(h.seriesInstanceUid()).isEqualTo(ct.study().seriesUid());
        assertThat(h.modality()).isEqualTo("CT");
        assertThat(h.rows()).isEqualTo(256);
        assertThat(h.columns()).isEqualTo(256);
        assertThat(h.numberOfFrames()).isEqualTo(1);
        assertThat(h.rowSpacingMm()).isEqualTo(1.40625);
        assertThat(h.columnSpacingMm()).isEqualTo(1.40625);
        assertThat(h.descriptions().values()).allSatisfy(text -> assertThat(text.toLowerCase()).doesNotContain("nodule", "normal", "mass"));
    }

    @Test
    void a_radiograph_reads_back_as_dx_for_presentation() throws Exception {
        DicomHeader h = DicomHeaders.read(dx.files().get("image.dcm"));

        assertThat(h.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.1.1");
        assertThat(h.modality()).isEqualTo("DX");
        assertThat(h.rows()).isEqualTo(512);
        assertThat(h.columns()).isEqualTo(512);
        assertThat(h.columnSpacingMm()).isEqualTo(0.7);
    }

    @Test
    void elements_are_in_ascending_tag_order_with_even_lengths_and_the_meta_group_length_is_right() {
        byte[] file = ct.files().get("image-000.dcm");
        var elements = Elements.of(file);
        List<String> tags = new ArrayList<>(elements.keySet());
        assertThat(tags).isSorted();
        assertThat(new String(file, 128, 4)).isEqualTo("DICM");
        int metaLength = (file[140] & 0xFF) | (file[141] & 0xFF) << 8;
        // the first data set element (0008,0005) starts right after the meta group
        assertThat(file[144 + metaLength]).isEqualTo((byte) 0x08);
        assertThat(file[146 + metaLength]).isEqualTo((byte) 0x05);
        assertThat(file.length % 2).isZero();
    }

    @Test
    void text_values_are_padded_to_even_length_uids_with_nul_and_decimals_fit_sixteen_characters() {
        byte[] file = org.calibra.dicom.Part10Writer.write(new DataSet()
                .putStrings(Tags.SOPClassUID, "1.2.3")
                .putStrings(Tags.SOPInstanceUID, "1.2.3.4")
                .putStrings(Tags.Modality, "CT")
                .putStrings(Tags.PatientID, "ABC")
                .putDecimals(Tags.SliceLocation, -123.456789012345678), "1.2.840.10008.1.2.1", SyntheticStudy.IMPLEMENTATION);
        String text = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).contains("1.2.3.4\0").contains("ABC ");
        assertThat(Elements.of(file).get("0020,1041")).hasSizeLessThanOrEqualTo(16).startsWith("-123.45678");
    }

    @Test
    void dcmdump_reads_the_same_values(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("slice.dcm");
        Files.write(file, ct.files().get("image-010.dcm"));

        var result = Tools.run("dcmdump", file);

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("(0028,0010) US 256")
                .contains("(0028,0011) US 256")
                .contains("(0028,0030) DS [1.40625\\1.40625]")
                .contains("(0020,0037) DS [1\\0\\0\\0\\1\\0]")
                .contains("(0028,1052) DS [-1024]")
                .contains("(0020,000e) UI [" + ct.study().seriesUid() + "]")
                .contains("(7fe0,0010) OW")
                .doesNotContain("rror");
    }

    @Test
    void dciodvfy_finds_no_errors_in_a_ct_slice_or_a_radiograph(@TempDir Path tmp) throws Exception {
        for (var e : List.of(java.util.Map.entry("image-000.dcm", ct.files().get("image-000.dcm")),
                java.util.Map.entry("image-063.dcm", ct.files().get("image-063.dcm")), java.util.Map.entry("image.dcm", dx.files().get("image.dcm")))) {
            Path file = tmp.resolve(e.getKey());
            Files.write(file, e.getValue());

            var result = Tools.run("dciodvfy", file);

            assertThat(result.output()).as(e.getKey()).doesNotContain("Error");
            // docs/synthetic-cases.md lists the warnings; there are none today
            assertThat(result.output()).as(e.getKey()).doesNotContain("Warning");
        }
    }
}
