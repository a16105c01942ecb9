package org.calibra.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.storage.BlobStore;
import org.calibra.reading.ReadingService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every DICOMweb endpoint through the real security chain and the real content: who gets what (a resident only the
 * cases drawn for them, verifiers and strangers nothing, educators everything — and "not found" either way), the bytes
 * (instances, native/RLE/multi-frame frames), metadata, search, caching and every kind of broken request.
 */
@IntegrationTest
class DicomWebIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RESIDENT = "dw-resident";

    @Autowired WebApplicationContext web;
    @Autowired ApplicationContext context;
    @Autowired CaseService cases;
    @Autowired ReadingService reading;
    @Autowired BlobStore blobs;

    private MockMvc mvc;
    private long drawn;
    private long undrawn;

    @BeforeEach
    void aResidentWithAStartedAttempt() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        TestAccounts.create(context, RESIDENT, Role.RESIDENT);
        TestAccounts.create(context, "dw-verifier", Role.VERIFIER);
        SignedIn.as(RESIDENT, "RESIDENT");
        try {
            var scenario = new ReadingScenario(context);
            reading.startOrResume(scenario.module().id());
            drawn = scenario.cases().stream().filter(e -> e.slug().equals("ct-thoracic-spine-staging-normal")).findFirst()
                    .orElse(scenario.cases().getFirst()).caseVersionId();
        } finally {
            SignedIn.clear();
        }
        undrawn = cases.latestVersionId("synth-cxr-001").orElseThrow(); // in no module of the resident's
    }

    private MockHttpServletResponse as(String username, String role, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(username).roles(role))).andReturn().getResponse();
    }

    private MockHttpServletResponse resident(MockHttpServletRequestBuilder request) throws Exception {
        return as(RESIDENT, "RESIDENT", request);
    }

    /** The case's first instance: {study, series, sop}. */
    private String[] firstInstance(long version, String username, String role) throws Exception {
        var r = as(username, role, get("/dicomweb/cases/" + version + "/instances"));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        JsonNode first = JSON.readTree(r.getContentAsString()).get(0);
        return new String[] {value(first, "0020000D"), value(first, "0020000E"), value(first, "00080018")};
    }

    private static String value(JsonNode o, String tag) {
        return o.path(tag).path("Value").get(0).asString();
    }

    private static String instanceUrl(long version, String[] i) {
        return "/dicomweb/cases/" + version + "/studies/" + i[0] + "/series/" + i[1] + "/instances/" + i[2];
    }

    @Test
    void a_resident_gets_search_metadata_frames_and_instances_of_a_case_drawn_for_them() throws Exception {
        var studies = JSON.readTree(resident(get("/dicomweb/cases/" + drawn + "/studies")).getContentAsString());
        assertThat(studies).hasSize(1);
        assertThat(value(studies.get(0), "00081190")).isEqualTo("/dicomweb/cases/" + drawn + "/studies/" + value(studies.get(0), "0020000D"));
        assertThat(studies.get(0).path("00201208").path("Value").get(0).asInt()).isPositive();

        String[] i = firstInstance(drawn, RESIDENT, "RESIDENT");
        var metadata = resident(get(instanceUrl(drawn, i) + "/metadata"));
        assertThat(metadata.getContentType()).isEqualTo("application/dicom+json");
        JsonNode m = JSON.readTree(metadata.getContentAsString()).get(0);
        for (String tag : new String[] {"00080016", "00280010", "00280011", "00280100", "00280103", "00281052", "00281053", "00200032", "00200037", "00280030"}) {
            assertThat(m.has(tag)).as("metadata has %s", tag).isTrue();
        }

        String sha = cases.imageFiles(drawn).orElseThrow().getFirst().sha256();
        byte[] file = blobs.open(sha).orElseThrow().readAllBytes();
        var frame = resident(get(instanceUrl(drawn, i) + "/frames/1").header("Accept", "multipart/related; type=application/octet-stream; transfer-syntax=*"));
        assertThat(frame.getStatus()).isEqualTo(200);
        assertThat(frame.getContentType()).startsWith("multipart/related; type=\"application/octet-stream\"; boundary=");
        var parts = parts(frame);
        assertThat(parts).hasSize(1);
        assertThat(parts.getFirst().type()).isEqualTo("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1");
        int rows = m.path("00280010").path("Value").get(0).asInt();
        int columns = m.path("00280011").path("Value").get(0).asInt();
        assertThat(parts.getFirst().body()).hasSize(rows * columns * 2);
        assertThat(indexOf(file, parts.getFirst().body())).as("the frame's bytes are the file's pixel data").isPositive();

        var instance = resident(get(instanceUrl(drawn, i)));
        assertThat(instance.getContentType()).startsWith("multipart/related; type=\"application/dicom\"");
        assertThat(parts(instance).getFirst().body()).isEqualTo(file);
        assertThat(frame.getContentLength()).isEqualTo(frame.getContentAsByteArray().length);
    }

    @Test
    void everyone_else_gets_not_found_on_every_door_and_strangers_are_asked_to_sign_in() throws Exception {
        String[] i = firstInstance(undrawn, "educator", "EDUCATOR");
        String sha = cases.imageFiles(undrawn).orElseThrow().getFirst().sha256();
        for (var request : List.of(get("/dicomweb/cases/" + undrawn + "/studies"), get(instanceUrl(undrawn, i) + "/metadata"),
                get(instanceUrl(undrawn, i) + "/frames/1"), get(instanceUrl(undrawn, i)), get("/files/dicom/" + sha))) {
            assertThat(resident(request).getStatus()).as("resident, undrawn case").isEqualTo(404);
        }
        // the answer for a case that does not exist at all is the same
        assertThat(resident(get("/dicomweb/cases/999999/studies")).getContentAsString())
                .isEqualTo(resident(get("/dicomweb/cases/" + undrawn + "/studies")).getContentAsString().replace(String.valueOf(undrawn), "999999"));
        assertThat(as("dw-verifier", "VERIFIER", get(instanceUrl(undrawn, i) + "/metadata")).getStatus()).isEqualTo(404);
        assertThat(as("dw-verifier", "VERIFIER", get("/dicomweb/cases/" + drawn + "/studies")).getStatus()).isEqualTo(404);
        assertThat(as("dw-verifier", "VERIFIER", get("/dicomweb/studies")).getContentAsString()).isEqualTo("[]");
        // not signed in: sent to sign in, like every protected page (a 302 to the login page or to Keycloak)
        var anonymous = mvc.perform(get(instanceUrl(undrawn, i) + "/metadata")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(302);
        assertThat(anonymous.getContentAsString()).doesNotContain("00280010");
        assertThat(mvc.perform(get("/files/dicom/" + sha)).andReturn().getResponse().getStatus()).isNotEqualTo(200);

        // the service-wide search lists the drawn cases' studies only
        var all = JSON.readTree(resident(get("/dicomweb/studies?limit=100")).getContentAsString());
        assertThat(all.size()).isBetween(1, 7);
        all.forEach(s -> assertThat(value(s, "0020000D")).isNotEqualTo(i[0]));
        assertThat(resident(get("/files/dicom/" + cases.imageFiles(drawn).orElseThrow().getFirst().sha256())).getStatus()).isEqualTo(200);
    }

    @Test
    void educators_get_any_case() throws Exception {
        String[] i = firstInstance(undrawn, "educator", "EDUCATOR");
        assertThat(as("educator", "EDUCATOR", get(instanceUrl(undrawn, i) + "/frames/1")).getStatus()).isEqualTo(200);
        assertThat(as("admin", "ADMIN", get(instanceUrl(undrawn, i) + "/metadata")).getStatus()).isEqualTo(200);
    }

    @Test
    void content_is_immutable_with_strong_etags_and_if_none_match_answers_304() throws Exception {
        String[] i = firstInstance(drawn, RESIDENT, "RESIDENT");
        for (String url : List.of(instanceUrl(drawn, i) + "/frames/1", instanceUrl(drawn, i) + "/metadata", instanceUrl(drawn, i),
                "/dicomweb/cases/" + drawn + "/studies/" + i[0] + "/series/" + i[1] + "/metadata")) {
            var first = resident(get(url));
            String etag = first.getHeader("ETag");
            assertThat(etag).as(url).matches("\"[a-z0-9]+-[^\"]+\"");
            assertThat(first.getHeader("Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
            assertThat(resident(get(url)).getHeader("ETag")).as("stable").isEqualTo(etag);
            var again = resident(get(url).header("If-None-Match", etag));
            assertThat(again.getStatus()).isEqualTo(304);
            assertThat(again.getContentAsByteArray()).isEmpty();
            assertThat(resident(get(url).header("If-None-Match", "\"other\"")).getStatus()).isEqualTo(200);
        }
        String sha = cases.imageFiles(drawn).orElseThrow().getFirst().sha256();
        var file = resident(get("/files/dicom/" + sha));
        assertThat(file.getHeader("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(file.getHeader("Cache-Control")).contains("immutable").contains("private");
        assertThat(resident(get("/files/dicom/" + sha).header("If-None-Match", "\"" + sha + "\"")).getStatus()).isEqualTo(304);
    }

    @Test
    void broken_requests_say_what_is_wrong() throws Exception {
        String[] i = firstInstance(drawn, RESIDENT, "RESIDENT");
        String base = "/dicomweb/cases/" + drawn;
        var badUid = resident(get(base + "/studies/1.2.x/metadata"));
        assertThat(badUid.getStatus()).isEqualTo(400);
        assertThat(badUid.getContentAsString()).contains("StudyInstanceUID '1.2.x' is not a DICOM UID");
        assertThat(resident(get(base + "/studies/" + i[0] + "/series/" + "9".repeat(65) + "/metadata")).getStatus()).isEqualTo(400);
        assertThat(resident(get(base + "/studies/1.2.3/metadata")).getStatus()).isEqualTo(404);
        assertThat(resident(get(base + "/studies/" + i[0] + "/series/1.2.3/metadata")).getStatus()).isEqualTo(404);
        assertThat(resident(get(base + "/studies/" + i[0] + "/series/" + i[1] + "/instances/1.2.3/frames/1")).getStatus()).isEqualTo(404);
        assertThat(resident(get(instanceUrl(drawn, i) + "/frames/0")).getStatus()).isEqualTo(400);
        assertThat(resident(get(instanceUrl(drawn, i) + "/frames/one")).getStatus()).isEqualTo(400);
        var outOfRange = resident(get(instanceUrl(drawn, i) + "/frames/1,2"));
        assertThat(outOfRange.getStatus()).isEqualTo(404);
        assertThat(outOfRange.getContentAsString()).contains("frame 2 not found: the instance has 1 frame");
        var badAccept = resident(get(instanceUrl(drawn, i) + "/frames/1").header("Accept", "image/png"));
        assertThat(badAccept.getStatus()).isEqualTo(406);
        assertThat(badAccept.getContentAsString()).contains("multipart/related; type=\"application/octet-stream\"");
        assertThat(resident(get(instanceUrl(drawn, i)).header("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50"))
                .getStatus()).isEqualTo(406);
        assertThat(resident(get(instanceUrl(drawn, i) + "/metadata").header("Accept", "text/html")).getStatus()).isEqualTo(406);
        assertThat(resident(get(base + "/studies?PatientWeight=70")).getContentAsString()).contains("query key 'PatientWeight' is not supported");
        assertThat(resident(get(base + "/studies?limit=-1")).getStatus()).isEqualTo(400);
        assertThat(resident(get("/dicomweb/cases/abc/studies")).getStatus()).isEqualTo(400);
    }

    @Test
    void search_matches_pages_and_includes_fields() throws Exception {
        long ct = cases.latestVersionId("synth-ct-001").orElseThrow();
        var instances = JSON.readTree(as("educator", "EDUCATOR", get("/dicomweb/cases/" + ct + "/instances")).getContentAsString());
        assertThat(instances.size()).isGreaterThan(10);
        var page = JSON.readTree(as("educator", "EDUCATOR", get("/dicomweb/cases/" + ct + "/instances?offset=2&limit=3")).getContentAsString());
        assertThat(page).hasSize(3);
        assertThat(value(page.get(0), "00080018")).isEqualTo(value(instances.get(2), "00080018"));
        assertThat(page.get(0).has("00280030")).isFalse();
        var included = JSON.readTree(as("educator", "EDUCATOR", get("/dicomweb/cases/" + ct + "/instances?limit=1&includefield=PixelSpacing,00200032"))
                .getContentAsString()).get(0);
        assertThat(included.has("00280030")).isTrue();
        assertThat(included.has("00200032")).isTrue();
        String sop = value(instances.get(5), "00080018");
        assertThat(JSON.readTree(as("educator", "EDUCATOR", get("/dicomweb/cases/" + ct + "/instances?SOPInstanceUID=" + sop)).getContentAsString()))
                .hasSize(1);
        assertThat(JSON.readTree(as("educator", "EDUCATOR", get("/dicomweb/studies?ModalitiesInStudy=CT&limit=500")).getContentAsString()))
                .allSatisfy(s -> assertThat(s.path("00080061").path("Value").toString()).contains("CT"));
        assertThat(JSON.readTree(as("educator", "EDUCATOR", get("/dicomweb/cases/" + ct + "/series?Modality=MR")).getContentAsString())).isEmpty();
        var series = JSON.readTree(as("educator", "EDUCATOR", get("/dicomweb/cases/" + ct + "/series?Modality=CT")).getContentAsString());
        assertThat(series).hasSize(1);
        assertThat(series.get(0).path("00201209").path("Value").get(0).asInt()).isEqualTo(instances.size());
    }

    @Test
    void every_level_of_retrieve_metadata_and_search_answers() throws Exception {
        long ct = cases.latestVersionId("synth-ct-002").orElseThrow();
        String[] i = firstInstance(ct, "educator", "EDUCATOR");
        String study = "/dicomweb/cases/" + ct + "/studies/" + i[0];
        String series = study + "/series/" + i[1];
        int slices = cases.imageFiles(ct).orElseThrow().size();
        var retrieved = as("educator", "EDUCATOR", get(series));
        assertThat(parts(retrieved)).hasSize(slices).allSatisfy(p -> assertThat(p.type()).startsWith("application/dicom; transfer-syntax="));
        assertThat(parts(as("educator", "EDUCATOR", get(study)))).hasSize(slices);
        assertThat(JSON.readTree(as("educator", "EDUCATOR", get(study + "/metadata")).getContentAsString())).hasSize(slices);
        assertThat(JSON.readTree(as("educator", "EDUCATOR", get(series + "/metadata")).getContentAsString())).hasSize(slices);
        assertThat(JSON.readTree(as("educator", "EDUCATOR", get(study + "/series")).getContentAsString())).hasSize(1);
        assertThat(JSON.readTree(as("educator", "EDUCATOR", get(study + "/instances")).getContentAsString())).hasSize(slices);
        assertThat(JSON.readTree(as("educator", "EDUCATOR", get(series + "/instances?limit=2")).getContentAsString())).hasSize(2);
        assertThat(as("educator", "EDUCATOR", get(study + "/series/1.2.3/instances")).getContentAsString()).isEqualTo("[]");
    }

    @Test
    void compressed_and_multi_frame_instances_send_their_frames_as_stored() throws Exception {
        long rle = cases.latestVersionId("mr-iac-schwannoma-ai-missed").orElseThrow();
        String[] i = firstInstance(rle, "educator", "EDUCATOR");
        var frame = parts(as("educator", "EDUCATOR", get(instanceUrl(rle, i) + "/frames/1")
                .header("Accept", "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*")));
        assertThat(frame.getFirst().type()).isEqualTo("image/dicom-rle; transfer-syntax=1.2.840.10008.1.2.5");
        assertThat(frame.getFirst().body()).hasSize(6108); // dcmdump: the one fragment's length

        long dose = cases.latestVersionId("rtdose-multiframe-not-diagnostic").orElseThrow();
        String[] d = firstInstance(dose, "educator", "EDUCATOR");
        var two = parts(as("educator", "EDUCATOR", get(instanceUrl(dose, d) + "/frames/1,15")));
        assertThat(two).hasSize(2);
        assertThat(two.get(0).body()).hasSameSizeAs(two.get(1).body());
        assertThat(Arrays.equals(two.get(0).body(), two.get(1).body())).isFalse();
        assertThat(as("educator", "EDUCATOR", get(instanceUrl(dose, d) + "/frames/16")).getStatus()).isEqualTo(404);
    }

    record Part(String type, byte[] body) {}

    /** Splits a multipart/related body at its boundary (from the Content-Type). */
    static List<Part> parts(MockHttpServletResponse response) {
        String boundary = "--" + response.getContentType().replaceAll(".*boundary=", "");
        byte[] body = response.getContentAsByteArray();
        byte[] marker = boundary.getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, marker, 0);
        while (at >= 0) {
            int headerStart = at + marker.length + 2;
            if (body[at + marker.length] == '-') {
                break;
            }
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headerStart);
            String headers = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.US_ASCII);
            int next = indexOf(body, marker, headerEnd + 4);
            parts.add(new Part(headers.replaceFirst("(?s)^Content-Type: ", "").trim(), Arrays.copyOfRange(body, headerEnd + 4, next - 2)));
            at = next;
        }
        return parts;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
