package org.calibra.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.calibra.casebank.dicom.DicomHeader;
import org.calibra.casebank.dicom.DicomHeaders;
import org.calibra.dicom.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DICOM JSON metadata (PS3.18 F.2) of real files says what DCMTK's dcmdump says, attribute by attribute, in every
 * encoding the reader supports (explicit/implicit little endian, big endian, deflated, encapsulated).
 */
class DicomJsonTest {

    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Path> files() {
        var files = new ArrayList<Path>(List.of(Path.of("cases/ct-thoracic-spine-staging-normal/CT_small.dcm"),
                Path.of("cases/rtdose-multiframe-not-diagnostic/rtdose.dcm"), Path.of("cases/mr-iac-schwannoma-ai-missed/MR_small_RLE.dcm"),
                Path.of("cases/nm-bone-scan-injection-site/JPEG2000.dcm"), Path.of("cases/mr-brain-0417/0051.dcm")));
        for (String name : new String[] {"MR_small_bigendian.dcm", "MR_small_implicit.dcm", "image_dfl.dcm", "SC_rgb_rle_2frame.dcm",
                "JPGExtended.dcm", "MR_small_jpeg_ls_lossless.dcm"}) {
            if (Files.isRegularFile(PYDICOM.resolve(name))) {
                files.add(PYDICOM.resolve(name));
            }
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void metadata_values_match_dcmdump(Path file) throws Exception {
        DicomHeader h = DicomHeaders.read(file);
        var out = new StringBuilder();
        DicomJson.object(out, h.attributes().values());
        JsonNode json = JSON.readTree(out.toString());
        var reference = DcmDump.topLevel(file);

        assertThat(json.size()).as("attributes kept").isGreaterThan(15);
        for (var entry : json.properties()) {
            int tag = Integer.parseUnsignedInt(entry.getKey(), 16);
            if (tag >>> 16 == 0x0002) {
                continue; // file meta: dcmdump prints it with the data set, checked through the transfer syntax below
            }
            var expected = reference.get(tag);
            assertThat(expected).as("dcmdump has %s", entry.getKey()).isNotNull();
            JsonNode attribute = entry.getValue();
            assertThat(attribute.path("vr").asString()).as("VR of %s", entry.getKey()).isEqualTo(expected.vr());
            if (attribute.has("InlineBinary")) {
                continue; // lookup-table data: dcmdump shows it abbreviated
            }
            assertThat(render(attribute)).as("value of %s in %s", entry.getKey(), file.getFileName()).isEqualTo(normalise(expected));
        }
        assertThat(json.path("00020010").path("Value").get(0).asString()).isEqualTo(h.transferSyntaxUid());
        assertThat(json.path("00280010").path("Value").get(0).asInt()).isEqualTo(h.rows());
    }

    /** Our JSON value back as dcmdump's text: components joined by backslashes, numbers compared as numbers. */
    private static String render(JsonNode attribute) {
        var values = attribute.path("Value");
        if (values.isMissingNode()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode v : values) {
            if (v.isNull()) {
                parts.add("");
            } else if (v.isNumber()) {
                parts.add(number(v.asString()));
            } else if (v.isObject()) {
                parts.add(v.path("Alphabetic").asString(""));
            } else {
                parts.add(v.asString().trim());
            }
        }
        return String.join("\\", parts);
    }

    private static String normalise(DcmDump.Value v) {
        return switch (v.vr()) {
            case "DS", "IS", "US", "SS", "UL", "SL", "FL", "FD" ->
                    String.join("\\", Stream.of(v.text().split("\\\\", -1)).map(s -> s.isBlank() ? "" : number(s.trim())).toList());
            case "AT" -> v.text().replaceAll("[(),]", "").toUpperCase();
            default -> String.join("\\", Stream.of(v.text().split("\\\\", -1)).map(String::trim).toList());
        };
    }

    private static String number(String s) {
        double d = Double.parseDouble(s);
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    @Test
    void strings_are_escaped_and_empty_values_have_no_value_array() {
        var out = new StringBuilder();
        DicomJson.object(out, List.of(
                Element.of(0x00081030, "LO", "a \"b\" \\ c".getBytes()),
                Element.of(0x00100010, "PN", "Doe^John=ド^ジ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                Element.of(0x00080050, "SH", new byte[0]),
                Element.of(0x00280030, "DS", "0.5\\.5 ".getBytes()),
                Element.of(0x00280010, "US", new byte[] {0, 2}))); // values are little endian in the codec, whatever the file's order
        JsonNode json = JSON.readTree(out.toString());
        assertThat(json.path("00081030").path("Value")).hasSize(2); // LO is multi-valued: split on the backslash
        assertThat(json.path("00081030").path("Value").get(0).asString()).isEqualTo("a \"b\"");
        assertThat(json.path("00100010").path("Value").get(0).path("Alphabetic").asString()).isEqualTo("Doe^John");
        assertThat(json.path("00100010").path("Value").get(0).has("Ideographic")).isTrue();
        assertThat(json.path("00080050").has("Value")).isFalse();
        assertThat(json.path("00280030").path("Value").get(1).asDouble()).isEqualTo(0.5);
        assertThat(json.path("00280010").path("Value").get(0).asInt()).as("US, little endian").isEqualTo(512);
    }
}
