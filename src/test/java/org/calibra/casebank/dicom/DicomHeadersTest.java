package org.calibra.casebank.dicom;

import org.calibra.shared.PatientPlane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DicomHeaders} (the codec's header-only read, mapped to what casebank keeps) against real files. Every expected value below was read with an independent
 * reader, DCMTK's {@code dcmdump} (dcmtk 3.6.7, Debian bookworm), e.g. {@code dcmdump -q -Un <file>}, taking
 * only top-level elements (nested ones, such as the PixelSpacing inside a SEG's functional groups, are not
 * the image's own attributes). A file without (0028,0008) NumberOfFrames has 1 frame; one without
 * (0028,0030) PixelSpacing has no spacing.
 */
class DicomHeadersTest {

    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    private static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    private static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
    private static final String RLE = "1.2.840.10008.1.2.5";
    private static final String J2K_LOSSLESS = "1.2.840.10008.1.2.4.90";
    private static final String J2K = "1.2.840.10008.1.2.4.91";

    private static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final String MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4";
    private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    private static final String RT_DOSE = "1.2.840.10008.5.1.4.1.1.481.2";
    private static final String SEGMENTATION = "1.2.840.10008.5.1.4.1.1.66.4";

    // MR_small and its re-encodings share these UIDs (dcmdump, identical in all five files).
    private static final String MR_SOP = "1.3.6.1.4.1.5962.1.1.4.1.1.20040826185059.5457";
    private static final String MR_STUDY = "1.3.6.1.4.1.5962.1.2.4.20040826185059.5457";
    private static final String MR_SERIES = "1.3.6.1.4.1.5962.1.3.4.1.20040826185059.5457";

    /** What dcmdump says about one file. */
    record Expected(String path, String transferSyntax, String sopClass, String sopInstance, String study, String series,
                    String modality, int rows, int columns, int frames, Double rowSpacing, Double columnSpacing) {
        @Override
        public String toString() {
            return path;
        }
    }

    /** Every DICOM file of the demo cases; values from dcmdump (see the class comment). */
    static Stream<Expected> demoCaseFiles() {
        return Stream.of(
                new Expected("cases/ct-thoracic-spine-staging-normal/CT_small.dcm", EXPLICIT_LE, CT_IMAGE,
                        "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322", "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322",
                        "1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322", "CT", 128, 128, 1, 0.661468, 0.661468),
                new Expected("cases/mr-iac-schwannoma-detected/MR_small.dcm", EXPLICIT_LE, MR_IMAGE,
                        MR_SOP, MR_STUDY, MR_SERIES, "MR", 64, 64, 1, 0.3125, 0.3125),
                new Expected("cases/mr-iac-schwannoma-ai-missed/MR_small_RLE.dcm", RLE, MR_IMAGE,
                        MR_SOP, MR_STUDY, MR_SERIES, "MR", 64, 64, 1, 0.3125, 0.3125),
                // dcmdump: a nested icon image (0088,0200) has Rows/Columns 64; only the top-level 384 x 384 counts.
                new Expected("cases/mra-neck-0932/slicethickness_empty_string.dcm", J2K_LOSSLESS, MR_IMAGE,
                        "1.3.12.2.1107.5.2.43.66044.30000015102315441754900001777", "1.1.11.1.1111.1.1.11.11111.11111111111111111111111111111",
                        "1.1.11.1.1111.1.1.11.11111.11111111111111111111111111111", "MR", 384, 384, 1, 0.520833, 0.520833),
                new Expected("cases/mr-brain-0417/0051.dcm", EXPLICIT_LE, MR_IMAGE,
                        "1.3.12.2.1107.5.2.43.67060.2018121813193538934142630", "1.3.12.2.1107.5.2.43.67060.30000018121013085126000000053",
                        "1.3.12.2.1107.5.2.43.67060.2018121813165138528130785.0.0.0", "MR", 360, 360, 1, 3.0, 3.0),
                // dcmdump: (0028,0008) IS [1], Rows 1024, Columns 256: a tall whole-body scan, rows != columns.
                new Expected("cases/nm-bone-scan-injection-site/JPEG2000.dcm", J2K, SECONDARY_CAPTURE,
                        "1.3.6.1.4.1.5962.1.1.8.1.3.20040826185059.5457", "1.3.6.1.4.1.5962.1.2.8.20040826185059.5457",
                        "1.3.6.1.4.1.5962.1.3.8.1.20040826185059.5457", "NM", 1024, 256, 1, 2.26, 2.26),
                // dcmdump: (0028,0008) IS [15], PixelSpacing [10.0000000000000\10.0000000000000].
                new Expected("cases/rtdose-multiframe-not-diagnostic/rtdose.dcm", IMPLICIT_LE, RT_DOSE,
                        "1.9.999.999.99.9.9999.9999.20030818153516", "1.2.999.999.99.9.9999.8888",
                        "1.2.777.777.77.7.7777.7777", "RTDOSE", 10, 10, 15, 10.0, 10.0));
    }

    /** pydicom test files for encodings the demo cases lack, in src/test/resources/dicom (see LICENSES.md there). */
    static Stream<Expected> extraEncodingFiles() {
        return Stream.of(
                new Expected("MR_small_bigendian.dcm", EXPLICIT_BE, MR_IMAGE,
                        MR_SOP, MR_STUDY, MR_SERIES, "MR", 64, 64, 1, 0.3125, 0.3125),
                new Expected("rtdose_expb.dcm", EXPLICIT_BE, RT_DOSE,
                        "1.9.999.999.99.9.9999.9999.20030818153516", "1.2.999.999.99.9.9999.8888",
                        "1.2.777.777.77.7.7777.7777", "RTDOSE", 10, 10, 15, 10.0, 10.0),
                // dcmdump: no (0028,0030) in the data set.
                new Expected("image_dfl.dcm", DEFLATED_LE, SECONDARY_CAPTURE,
                        "1.3.6.1.4.1.5962.1.1.0.0.0.977067309.6001.0", "1.3.6.1.4.1.5962.1.2.0.977067310.6001.0",
                        "1.3.6.1.4.1.5962.1.3.0.0.977067310.6001.0", "OT", 512, 512, 1, null, null),
                // dcmdump: six top-level sequences of undefined length; a different SeriesInstanceUID
                // (1.2.392....23430.1) and a PixelSpacing sit nested inside them and must not be taken.
                new Expected("liver_1frame.dcm", EXPLICIT_LE, SEGMENTATION,
                        "1.2.276.0.7230010.3.1.4.0.42154.1458337731.665796",
                        "1.2.392.200103.20080913.113635.0.2009.6.22.21.43.10.22941.1",
                        "1.2.276.0.7230010.3.1.3.0.42154.1458337731.665795", "SEG", 512, 512, 1, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoCaseFiles")
    void every_dicom_file_of_the_demo_cases_is_read_as_dcmdump_reads_it(Expected expected) throws Exception {
        assertHeader(DicomHeaders.read(Files.readAllBytes(Path.of(expected.path()))), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extraEncodingFiles")
    void big_endian_deflated_and_nested_undefined_length_files_are_read_as_dcmdump_reads_them(Expected expected) throws Exception {
        assertHeader(DicomHeaders.read(fixture(expected.path())), expected);
    }

    @Test
    void the_patient_plane_of_ct_small_is_read_as_dcmdump_shows_it_and_places_pixel_centres() throws Exception {
        // dcmdump: (0020,0032) [-158.135803\-179.035797\-75.699997], (0020,0037) [1\0\0\0\1\0], spacing 0.661468
        DicomHeader h = DicomHeaders.read(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("cases/ct-thoracic-spine-staging-normal/CT_small.dcm")));
        assertThat(h.plane()).isEqualTo(new PatientPlane(-158.135803, -179.035797, -75.699997, 1, 0, 0, 0, 1, 0));
        double[] firstPixelCentre = h.plane().toPatient(0.5, 0.5, h.rowSpacingMm(), h.columnSpacingMm());
        double[] tenthColumnThirdRow = h.plane().toPatient(9.5, 2.5, h.rowSpacingMm(), h.columnSpacingMm());
        assertThat(firstPixelCentre).containsExactly(new double[] {-158.135803, -179.035797, -75.699997}, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(tenthColumnThirdRow).containsExactly(new double[] {-158.135803 + 9 * 0.661468, -179.035797 + 2 * 0.661468, -75.699997},
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_malformed_or_missing_patient_plane_is_absent_rather_than_guessed() {
        assertThat(PatientPlane.parse("1\\2", "1\\0\\0\\0\\1\\0")).isNull();
        assertThat(PatientPlane.parse("1\\2\\x", "1\\0\\0\\0\\1\\0")).isNull();
        assertThat(PatientPlane.parse("1\\2\\3", null)).isNull();
        assertThat(PatientPlane.parse(" 1\\2\\3 ", "1\\0\\0\\0\\1\\0")).isEqualTo(new PatientPlane(1, 2, 3, 1, 0, 0, 0, 1, 0));
    }

    @Test
    void the_demo_cases_hold_no_dicom_file_that_this_test_does_not_check() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("cases"))) {
            var onDisk = files.filter(p -> p.toString().endsWith(".dcm")).map(p -> p.toString().replace('\\', '/')).sorted().toList();
            assertThat(onDisk).containsExactlyInAnyOrderElementsOf(demoCaseFiles().map(Expected::path).toList());
        }
    }

    @Test
    void a_private_sequence_of_undefined_length_in_implicit_vr_is_walked_through_to_the_pixel_data() {
        // dcmdump: (0001,0001) SQ u/l > item u/l > (0001,0001) SQ u/l > ...; then (7FE0,0010) OW of 2 bytes and no
        // Rows/Columns. Reaching the Rows/Columns check proves the nested sequences were skipped correctly.
        assertThatThrownBy(() -> DicomHeaders.read(fixture("nested_priv_SQ.dcm")))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("Rows (0028,0010) and Columns (0028,0011) must be present")
                .hasMessageContaining("found 0 x 0");
    }

    @Test
    void a_un_element_of_undefined_length_is_walked_as_an_implicit_vr_sequence() {
        // dcmdump: (4453,100c) UN of undefined length holding implicit VR items (PS3.5 6.2.2), nothing else, no
        // Pixel Data. Read as explicit VR it would look truncated; the honest answer is "no Pixel Data".
        assertThatThrownBy(() -> DicomHeaders.read(fixture("UN_sequence.dcm")))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("no Pixel Data (7FE0,0010)")
                .hasMessageNotContaining("truncated");
    }

    // ---- broken input -------------------------------------------------------------------------------------

    @Test
    void a_yaml_file_is_not_dicom_and_the_message_names_the_missing_marker() throws IOException {
        byte[] yaml = Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/case.yaml"));
        assertThatThrownBy(() -> DicomHeaders.read(yaml))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("not a DICOM Part 10 file")
                .hasMessageContaining("no 'DICM' marker");
    }

    @Test
    void a_dicom_file_whose_marker_is_overwritten_is_not_dicom() throws IOException {
        byte[] bytes = mrSmall();
        bytes[128] = 'X';
        assertThatThrownBy(() -> DicomHeaders.read(bytes))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("no 'DICM' marker after the 128-byte preamble");
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 100, 131})
    void a_file_shorter_than_preamble_and_marker_is_not_dicom(int length) throws IOException {
        byte[] cut = Arrays.copyOf(mrSmall(), length);
        assertThatThrownBy(() -> DicomHeaders.read(cut))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("not a DICOM Part 10 file");
    }

    @Test
    void a_file_cut_right_after_the_marker_is_reported_as_truncated_in_the_file_meta_information() throws IOException {
        byte[] cut = Arrays.copyOf(mrSmall(), 132);
        assertThatThrownBy(() -> DicomHeaders.read(cut))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("truncated")
                .hasMessageContaining("file meta information");
    }

    @Test
    void a_file_cut_inside_the_transfer_syntax_value_is_reported_as_truncated_at_that_element() throws IOException {
        byte[] file = mrSmall();
        int ts = indexOf(file, new byte[] {0x02, 0x00, 0x10, 0x00, 'U', 'I'});
        byte[] cut = Arrays.copyOf(file, ts + 8 + 5); // header + 5 of the 20 value bytes
        assertThatThrownBy(() -> DicomHeaders.read(cut))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("file is truncated at byte " + (ts + 8))
                .hasMessageContaining("element (0002,0010) needs 20 more bytes, 5 left");
    }

    @Test
    void a_file_cut_inside_an_element_before_the_pixel_data_is_reported_as_truncated_at_that_element() throws IOException {
        byte[] file = mrSmall();
        int spacing = indexOf(file, new byte[] {0x28, 0x00, 0x30, 0x00, 'D', 'S'});
        byte[] cut = Arrays.copyOf(file, spacing + 8 + 3); // PixelSpacing header + 3 of its 14 bytes
        assertThatThrownBy(() -> DicomHeaders.read(cut))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("file is truncated at byte " + (spacing + 8))
                .hasMessageContaining("element (0028,0030) needs 14 more bytes");
    }

    @Test
    void a_file_cut_inside_an_element_header_is_reported_as_truncated_not_as_missing_pixel_data() throws IOException {
        byte[] file = mrSmall();
        int pixels = pixelDataOffset(file);
        byte[] cut = Arrays.copyOf(file, pixels + 5); // tag + one VR byte of the Pixel Data header
        assertThatThrownBy(() -> DicomHeaders.read(cut))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("truncated")
                .hasMessageNotContaining("no Pixel Data");
    }

    @Test
    void a_file_cut_inside_the_pixel_data_is_reported_as_truncated_with_the_missing_byte_count() throws IOException {
        byte[] file = mrSmall();
        int pixels = pixelDataOffset(file);
        byte[] cut = Arrays.copyOf(file, pixels + 12 + 1000); // 12-byte OW header, then 1000 of 8192 pixel bytes
        assertThatThrownBy(() -> DicomHeaders.read(cut))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("file is truncated at byte " + (pixels + 12))
                .hasMessageContaining("element (7FE0,0010) needs 8192 more bytes, 1000 left");
    }

    @Test
    void pydicoms_own_truncated_file_is_rejected_because_its_pixel_data_is_short() {
        assertThatThrownBy(() -> DicomHeaders.read(fixture("MR_truncated.dcm")))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("truncated")
                .hasMessageContaining("(7FE0,0010) needs 8192 more bytes, 8130 left");
    }

    @Test
    void an_encapsulated_file_cut_inside_its_fragments_is_reported_as_truncated() throws IOException {
        byte[] file = Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-ai-missed/MR_small_RLE.dcm"));
        // dcmdump: (7FE0,0010) OB u/l, an empty offset table item, one 6108-byte fragment, the sequence delimiter
        byte[] cut = Arrays.copyOf(file, pixelDataOffset(file) + 12 + 8 + 8 + 3000);
        assertThatThrownBy(() -> DicomHeaders.read(cut))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("file is truncated")
                .hasMessageContaining("element (FFFE,E000) needs 6108 more bytes, 2996 left"); // the fragment item
    }

    @Test
    void a_big_endian_file_cut_inside_an_element_names_the_element_with_its_tag_read_in_big_endian() throws IOException {
        byte[] file = fixture("MR_small_bigendian.dcm");
        int rows = indexOf(file, new byte[] {0x00, 0x28, 0x00, 0x10, 'U', 'S'});
        byte[] cut = Arrays.copyOf(file, rows + 8 + 1);
        assertThatThrownBy(() -> DicomHeaders.read(cut))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("file is truncated at byte " + (rows + 8))
                .hasMessageContaining("element (0028,0010) needs 2 more bytes, 1 left");
    }

    @Test
    void a_deflated_file_cut_short_is_reported_as_truncated_after_inflation() throws IOException {
        byte[] file = fixture("image_dfl.dcm");
        byte[] cut = Arrays.copyOf(file, file.length - 200);
        assertThatThrownBy(() -> DicomHeaders.read(cut))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("deflated data set is truncated")
                .hasMessageContaining("ends before the end of its deflate stream");
    }

    @Test
    void a_deflated_file_with_garbage_instead_of_a_deflate_stream_is_reported_as_corrupt() throws IOException {
        byte[] file = fixture("image_dfl.dcm");
        int dataSet = endOfMetaGroup(file);
        byte[] broken = file.clone();
        Arrays.fill(broken, dataSet, broken.length, (byte) 0xFF);
        assertThatThrownBy(() -> DicomHeaders.read(broken))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("deflated data set is corrupt");
    }

    /**
     * Cut every real encoding at every byte after the marker and before the end of its image: the reader must
     * always answer with a {@link DicomFormatException} that says the file is truncated (or, cut exactly between
     * two elements before the image, that it holds no Pixel Data), never with an unchecked exception or a header.
     * Bytes after the image are not read by design; how many there are comes from dcmdump: a 12-byte header plus
     * 126 bytes of (FFFC,FFFC) DataSetTrailingPadding in the MR_small family and CT_small.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "cases/ct-thoracic-spine-staging-normal/CT_small.dcm, 138",
            "cases/mr-iac-schwannoma-detected/MR_small.dcm, 138",
            "cases/mr-iac-schwannoma-ai-missed/MR_small_RLE.dcm, 138",
            "cases/nm-bone-scan-injection-site/JPEG2000.dcm, 0",
            "cases/rtdose-multiframe-not-diagnostic/rtdose.dcm, 0",
            "classpath:MR_small_bigendian.dcm, 0",
            "classpath:rtdose_expb.dcm, 0",
            // the raw deflate stream of image_dfl.dcm is followed by 8 bytes that the data set does not use: they are a
            // gzip-style trailer, CRC-32 and then ISIZE 0x0004021A = 262682 = the inflated data set's length
            "classpath:image_dfl.dcm, 8",
            "classpath:liver_1frame.dcm, 0"})
    void a_file_cut_at_any_byte_before_the_end_of_its_image_is_rejected_with_a_message_in_words(String source, int bytesAfterTheImage)
            throws Exception {
        byte[] file = source.startsWith("classpath:") ? fixture(source.substring("classpath:".length())) : Files.readAllBytes(Path.of(source));
        assertThat(DicomHeaders.read(Arrays.copyOf(file, file.length - bytesAfterTheImage))).as("the file up to the end of its image").isNotNull();
        for (int length = 132; length < file.length - bytesAfterTheImage; length++) {
            byte[] cut = Arrays.copyOf(file, length);
            Throwable thrown = catchThrowable(() -> DicomHeaders.read(cut));
            assertThat(thrown).as("%s cut to %d of %d bytes", source, length, file.length).isInstanceOf(DicomFormatException.class);
            assertThat(thrown.getMessage()).as("%s cut to %d of %d bytes", source, length, file.length)
                    .containsAnyOf("truncated", "no Pixel Data (7FE0,0010)");
        }
    }

    @Test
    void a_file_that_ends_right_before_its_pixel_data_holds_no_image() throws IOException {
        byte[] file = mrSmall();
        byte[] noPixels = Arrays.copyOf(file, pixelDataOffset(file));
        assertThatThrownBy(() -> DicomHeaders.read(noPixels))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("no Pixel Data (7FE0,0010)")
                .hasMessageContaining("holds no image");
    }

    @Test
    void a_file_without_a_transfer_syntax_uid_says_so() throws IOException {
        byte[] file = mrSmall();
        int ts = indexOf(file, new byte[] {0x02, 0x00, 0x10, 0x00, 'U', 'I'});
        int length = (file[ts + 6] & 0xFF) | (file[ts + 7] & 0xFF) << 8;
        byte[] without = concat(Arrays.copyOfRange(file, 0, ts), Arrays.copyOfRange(file, ts + 8 + length, file.length));
        assertThatThrownBy(() -> DicomHeaders.read(without))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("file meta information has no Transfer Syntax UID (0002,0010)");
    }

    @Test
    void a_number_of_frames_that_is_not_an_integer_is_quoted_in_the_message() throws IOException {
        byte[] file = Files.readAllBytes(Path.of("cases/rtdose-multiframe-not-diagnostic/rtdose.dcm"));
        // implicit VR LE: (0028,0008), length 2, value "15"
        int frames = indexOf(file, new byte[] {0x28, 0x00, 0x08, 0x00, 0x02, 0x00, 0x00, 0x00, '1', '5'});
        file[frames + 9] = 'A';
        assertThatThrownBy(() -> DicomHeaders.read(file))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("Number of Frames (0028,0008) is not an integer: '1A'");
    }

    @Test
    void a_number_of_frames_of_zero_is_rejected() throws IOException {
        byte[] file = Files.readAllBytes(Path.of("cases/rtdose-multiframe-not-diagnostic/rtdose.dcm"));
        int frames = indexOf(file, new byte[] {0x28, 0x00, 0x08, 0x00, 0x02, 0x00, 0x00, 0x00, '1', '5'});
        file[frames + 8] = '0';
        file[frames + 9] = ' ';
        assertThatThrownBy(() -> DicomHeaders.read(file))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("Number of Frames (0028,0008) must be at least 1, found 0");
    }

    @Test
    void a_pixel_spacing_that_is_not_two_numbers_is_quoted_in_the_message() throws IOException {
        byte[] file = mrSmall();
        int spacing = indexOf(file, "0.3125\\0.3125".getBytes(StandardCharsets.US_ASCII));
        file[spacing] = 'x';
        assertThatThrownBy(() -> DicomHeaders.read(file))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("Pixel Spacing (0028,0030) is not two decimal numbers: 'x.3125\\0.3125'");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static void assertHeader(DicomHeader h, Expected e) {
        assertThat(h.transferSyntaxUid()).as("transfer syntax").isEqualTo(e.transferSyntax());
        assertThat(h.sopClassUid()).as("SOP class").isEqualTo(e.sopClass());
        assertThat(h.sopInstanceUid()).as("SOP instance").isEqualTo(e.sopInstance());
        assertThat(h.studyInstanceUid()).as("study").isEqualTo(e.study());
        assertThat(h.seriesInstanceUid()).as("series").isEqualTo(e.series());
        assertThat(h.modality()).as("modality").isEqualTo(e.modality());
        assertThat(h.rows()).as("rows").isEqualTo(e.rows());
        assertThat(h.columns()).as("columns").isEqualTo(e.columns());
        assertThat(h.numberOfFrames()).as("frames").isEqualTo(e.frames());
        assertThat(h.rowSpacingMm()).as("row spacing").isEqualTo(e.rowSpacing());
        assertThat(h.columnSpacingMm()).as("column spacing").isEqualTo(e.columnSpacing());
        assertThat(h.hasPixelData()).isTrue();
    }

    static byte[] fixture(String name) {
        try (InputStream in = DicomHeadersTest.class.getResourceAsStream("/dicom/" + name)) {
            assertThat(in).as("test resource /dicom/%s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] mrSmall() throws IOException {
        return Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/MR_small.dcm"));
    }

    /** Offset of the top-level (7FE0,0010) OW/OB header in an explicit VR little endian file. */
    private static int pixelDataOffset(byte[] file) {
        int at = indexOf(file, new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O'});
        assertThat(at).as("Pixel Data header").isPositive();
        return at;
    }

    /** First byte after the explicit VR little endian group 0002, using its group length (0002,0000). */
    private static int endOfMetaGroup(byte[] file) {
        int groupLength = (file[140] & 0xFF) | (file[141] & 0xFF) << 8 | (file[142] & 0xFF) << 16 | (file[143] & 0xFF) << 24;
        return 144 + groupLength;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("byte pattern not found: " + Arrays.toString(needle));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
