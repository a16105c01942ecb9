package org.calibra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.calibra.casebank.CaseService;
import org.calibra.competency.ThresholdSimulation;
import org.calibra.curriculum.CurriculumImportService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.builder.CurriculumBuilder;
import org.calibra.institution.InstitutionService;
import org.calibra.reading.ReadingService;
import org.calibra.support.ContextSecurityStrategy;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tests every cell of the access matrix in docs/security.md over real HTTP, reading the table itself: each row
 * has a probe here, each role column says allowed or refused. Vaadin views are opened as the browser does (the
 * page, then {@code ?v-r=init}, then a navigation over {@code ?v-r=uidl}) and judged by the view that was rendered;
 * endpoints by their status code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"calibra.security.login-rate-limit.capacity=1000", "calibra.security.login-rate-limit.per-minute=1000"})
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final int PORT = freePort();
    private static final String BASE = "http://localhost:" + PORT;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ELEMENT_ID = Pattern.compile("\"key\":\"id\",\"feat\":\\d+,\"value\":\"([^\"]+)\"");
    private static final List<String> ROLES = List.of("anonymous", "resident", "educator", "verifier", "admin");

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired ApplicationContext context;

    /** What the probes need: ids of things that exist, owned by the right people. */
    private long moduleA, moduleB, ownRead, ownAttempt;
    private String dicomSha, drawnFrame, undrawnFrame, drawnStudy;
    /** Authoring (ADR 0021): a draft of the demo institution and the file only it uses; a case it published. */
    private long draftA, authoredVersion;
    private String draftOnlySha, authoredSlug;

    /** The curriculum builder (ADR 0025): a curriculum of the demo institution made for these probes, and how often it was published. */
    private static final String MATRIX_CURRICULUM = "access-matrix-programme";
    /** The bundled curriculum holding {@link #moduleA}: the demo institution's. */
    private static final String CURRICULUM_A = "ai-reading-foundations";
    private int publishedByProbes;

    /** Who plays each role in "own/other" rows: a second institution's resident and educator where the row says so. */
    private final Map<String, String> scopedUser = new LinkedHashMap<>();

    @BeforeAll
    void setUp() {
        var institutions = context.getBean(InstitutionService.class);
        SignedIn.as("admin", "ADMIN");
        long b = institutions.createByAdmin("Second Test Hospital", context.getBean(UserService.class).findByUsername("admin").orElseThrow().id()).id();
        TestAccounts.create(context, "resident-a2", Role.RESIDENT);
        TestAccounts.create(context, "resident-b", Role.RESIDENT, b);
        TestAccounts.create(context, "educator-b", Role.EDUCATOR, b);
        // a curriculum of institution B: the first-reads module, moved by SQL (content files are the demo institution's)
        var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        moduleA = new ReadingScenario(context, "first-reads").module().id();
        moduleB = new ReadingScenario(context, "ask-when-needed").module().id();
        jdbc.update("update curriculum set institution_id = ? where id = (select curriculum_id from curriculum_module where id = ?)", b, moduleB);

        SignedIn.as("resident", "RESIDENT");
        var mine = new ReadingScenario(context, "first-reads");
        var read = mine.readCorrectly(mine.cases().getFirst());
        ownRead = read.readId();
        ownAttempt = read.attemptId();
        long drawn = mine.cases().getFirst().caseVersionId();
        var caseService = context.getBean(CaseService.class);
        dicomSha = caseService.imageFiles(drawn).orElseThrow().getFirst().sha256();
        SignedIn.as("admin", "ADMIN");
        var links = context.getBean(org.calibra.dicomweb.DicomWebLinks.class);
        drawnFrame = links.stack(drawn).getFirst().frame();
        drawnStudy = drawnFrame.replaceAll(".*/studies/([^/]+)/.*", "$1");
        undrawnFrame = links.stack(caseService.latestVersionId("synth-cxr-001").orElseThrow()).getFirst().frame();
        authoring();
        matrixCurriculum();
        SignedIn.clear();
    }

    /** A curriculum of the demo institution built and published (version 1) by its educator, for the publish probes. */
    private void matrixCurriculum() {
        var builder = context.getBean(CurriculumBuilder.class);
        SignedIn.as("educator", "EDUCATOR");
        var educator = summaryOf("educator");
        var draft = builder.newDraft(educator);
        draft.title = "Access matrix programme";
        draft.description = "Published by the access matrix test.";
        draft.certificateTitle = "Access matrix certificate";
        draft.competencies = List.of("Reads with an AI");
        var module = draft.modules.getFirst();
        module.title = "Matrix reads";
        module.description = "Two shared-library cases.";
        module.cases = new ArrayList<>(List.of("ct-thoracic-spine-staging-normal", "mr-iac-schwannoma-detected"));
        module.minimumCases = 2;
        module.thresholds.getFirst().limit = 0.5;
        var outcome = builder.publish(draft, educator);
        assertThat(outcome.problems()).as("the matrix curriculum is publishable").isEmpty();
        assertThat(outcome.published().slug()).isEqualTo(MATRIX_CURRICULUM);
    }

    /** A draft of the demo institution (a skeleton: its image is used by no version), and a case of it that an admin approved. */
    private void authoring() {
        var authoring = context.getBean(org.calibra.authoring.AuthoringService.class);
        try {
            SignedIn.as("educator", "EDUCATOR");
            var skeleton = authoring.upload("matrix-draft.zip", org.calibra.support.CaseZips.zip(
                    Map.of("scan/liver.dcm", Files.readAllBytes(Path.of("src/test/resources/dicom/liver_1frame.dcm"))))).draft();
            draftA = skeleton.id();
            draftOnlySha = skeleton.content().files().values().iterator().next();
            authoredSlug = "matrix-authored-case";
            var authored = authoring.upload("matrix-authored.zip", org.calibra.support.CaseZips.caseZip(authoredSlug, false)).draft();
            authoring.sendForReview(authored.id(), authored.revision());
            SignedIn.as("admin", "ADMIN");
            authoredVersion = authoring.approve(authored.id(), authored.revision(), false, null).publishedVersionId();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A way to try one row as one user: true if allowed. */
    private interface Probe extends Function<Session, Boolean> {}

    private Map<String, Probe> probes() {
        Map<String, Probe> p = new LinkedHashMap<>();
        p.put("`/signed-out`", view("signed-out", "signed-out-view"));
        p.put("`/verify` certificate lookup", view("verify", "verify-lookup"));
        p.put("`/verify-credential` paste or upload a credential", view("verify-credential", "verify-credential-view"));
        p.put("`POST /api/v1/verifications`", s -> reached(s.status("POST", "/api/v1/verifications", "{\"id\":\"00000000-0000-0000-0000-000000000000\"}")));
        p.put("`/.well-known/jwks.json` issuer keys", s -> s.status("GET", "/.well-known/jwks.json", null) == 200);
        p.put("`GET /credentials/badges/{curriculum}.png` a curriculum's badge image",
                s -> reached(s.status("GET", "/credentials/badges/ai-reading-foundations.png", null)));
        p.put("`/` home", view("", "home-view"));
        p.put("`/my-data` export own data", view("my-data", "my-data-view"));
        p.put("`/modules/{id}` a module of the user's institution", view(s -> "modules/" + moduleA, "module-view"));
        p.put("`/modules/{id}` a module of another institution", view(s -> "modules/" + moduleA, "module-view"));
        playedBy("`/modules/{id}` a module of another institution", "resident", "resident-b");
        p.put("`/read/{module}/{case}`", view(s -> "read/" + moduleA + "/" + firstCaseVersion(), "case-title"));
        p.put("`/feedback/{read}` own read", view(s -> "feedback/" + ownRead, "feedback-view"));
        p.put("`/feedback/{read}` another resident's read", view(s -> "feedback/" + ownRead, "feedback-view"));
        playedBy("`/feedback/{read}` another resident's read", "resident", "resident-a2");
        p.put("`/certificates` own certificates", view("certificates", "certificates-view"));
        p.put("`/decisions/{attempt}` own attempt, or a resident's of the educator's institution", view(s -> "decisions/" + ownAttempt, "decision-record"));
        p.put("`/decisions/{attempt}` another resident's attempt, or one of another institution", view(s -> "decisions/" + ownAttempt, "decision-record"));
        playedBy("`/decisions/{attempt}` another resident's attempt, or one of another institution", "resident", "resident-a2");
        playedBy("`/decisions/{attempt}` another resident's attempt, or one of another institution", "educator", "educator-b");
        p.put("`/cases` case library", view("cases", "case-library"));
        p.put("`/cases/import` upload a case (it becomes a draft)", view("cases/import", "case-import"));
        p.put("`/cases/{id}` a case's page: the shared library's or one of the educator's institution", view(s -> "cases/" + authoredSlug, "case-page"));
        p.put("`/cases/{id}` a case of another institution", view(s -> "cases/" + authoredSlug, "case-page"));
        playedBy("`/cases/{id}` a case of another institution", "educator", "educator-b");
        p.put("`/cases/{id}/versions/{n}/preview` preview as a trainee: the shared library's or one of the educator's institution",
                view(s -> "cases/" + authoredSlug + "/versions/1/preview", "trainee-preview"));
        p.put("`/cases/{id}/versions/{n}/preview` a case of another institution", view(s -> "cases/" + authoredSlug + "/versions/1/preview", "trainee-preview"));
        playedBy("`/cases/{id}/versions/{n}/preview` a case of another institution", "educator", "educator-b");
        p.put("`/cases/drafts/{id}` a draft of the educator's institution", view(s -> "cases/drafts/" + draftA, "draft-view"));
        p.put("`/cases/drafts/{id}/preview` preview a draft as a trainee: a draft of the educator's institution",
                view(s -> "cases/drafts/" + draftA + "/preview", "trainee-preview"));
        p.put("`/cases/drafts/{id}/preview` a draft of another institution", view(s -> "cases/drafts/" + draftA + "/preview", "trainee-preview"));
        playedBy("`/cases/drafts/{id}/preview` a draft of another institution", "educator", "educator-b");
        p.put("`/cases/drafts/{id}` a draft of another institution", view(s -> "cases/drafts/" + draftA, "draft-view"));
        playedBy("`/cases/drafts/{id}` a draft of another institution", "educator", "educator-b");
        p.put("`/cases/reviews` review queue: drafts in review", view("cases/reviews", "review-queue"));
        p.put("`GET /export/cases/versions/{v}/bundle.zip` a case of the educator's institution or the shared library",
                s -> s.status("GET", "/export/cases/versions/" + authoredVersion + "/bundle.zip", null) == 200);
        p.put("`GET /export/cases/drafts/{id}/bundle.zip` a draft of another institution",
                s -> s.status("GET", "/export/cases/drafts/" + draftA + "/bundle.zip", null) == 200);
        playedBy("`GET /export/cases/drafts/{id}/bundle.zip` a draft of another institution", "educator", "educator-b");
        p.put("`GET /files/dicom/{sha256}` an image only a draft of the educator's institution uses",
                s -> s.status("GET", "/files/dicom/" + draftOnlySha, null) == 200);
        p.put("`GET /files/dicom/{sha256}` an image only a draft of another institution uses",
                s -> s.status("GET", "/files/dicom/" + draftOnlySha, null) == 200);
        playedBy("`GET /files/dicom/{sha256}` an image only a draft of another institution uses", "educator", "educator-b");
        p.put("`/studies` reader studies", view("studies", "reader-studies"));
        p.put("`/trainees` residents' attempts", view("trainees", "trainees-view"));
        p.put("`GET /export/modules/{id}/jafroc.zip` a module of the educator's institution", s -> exportAllowed(s, moduleA));
        p.put("`GET /export/modules/{id}/jafroc.zip` a module of another institution", s -> exportAllowed(s, moduleA));
        playedBy("`GET /export/modules/{id}/jafroc.zip` a module of another institution", "educator", "educator-b");
        p.put("`/curricula` curricula the user may edit; upload a curriculum file (YAML)", view("curricula", "curricula-grid"));
        p.put("`/curricula/new` a new curriculum in the builder", view("curricula/new", "curriculum-title"));
        p.put("`/curricula/{slug}/edit` a curriculum of the educator's institution", view("curricula/" + CURRICULUM_A + "/edit", "curriculum-title"));
        p.put("`/curricula/{slug}/edit` a curriculum of another institution", view("curricula/" + CURRICULUM_A + "/edit", "curriculum-title"));
        playedBy("`/curricula/{slug}/edit` a curriculum of another institution", "educator", "educator-b");
        p.put("`/curricula` Download YAML of a curriculum of the educator's institution", s -> downloaded(s, "curricula", "download-" + CURRICULUM_A,
                "id: " + CURRICULUM_A));
        p.put("`/curricula` Download YAML of a curriculum of another institution", s -> downloaded(s, "curricula", "download-" + CURRICULUM_A,
                "id: " + CURRICULUM_A));
        playedBy("`/curricula` Download YAML of a curriculum of another institution", "educator", "educator-b");
        p.put("`CurriculumImportService.publish` a new version of a curriculum of the educator's institution", inProcess(this::publishMatrixCurriculum));
        p.put("`CurriculumImportService.publish` a new version of a curriculum of another institution", inProcess(this::publishMatrixCurriculum));
        playedBy("`CurriculumImportService.publish` a new version of a curriculum of another institution", "educator", "educator-b");
        p.put("`ThresholdSimulation.simulate` a module of the educator's institution", inProcess(this::simulate));
        p.put("`ThresholdSimulation.simulate` a module of another institution", inProcess(this::simulate));
        playedBy("`ThresholdSimulation.simulate` a module of another institution", "educator", "educator-b");
        p.put("`/modules/{id}/case-statistics` a module of the educator's institution", view(s -> "modules/" + moduleA + "/case-statistics", "case-statistics"));
        p.put("`/modules/{id}/case-statistics` a module of another institution", view(s -> "modules/" + moduleA + "/case-statistics", "case-statistics"));
        playedBy("`/modules/{id}/case-statistics` a module of another institution", "educator", "educator-b");
        p.put("`/modules/{id}/case-statistics` Download as CSV, a module of the educator's institution",
                s -> downloaded(s, "modules/" + moduleA + "/case-statistics", "case-statistics-csv", "Case,Case id,Times read"));
        p.put("`/modules/{id}/case-statistics` Download as CSV, a module of another institution",
                s -> downloaded(s, "modules/" + moduleA + "/case-statistics", "case-statistics-csv", "Case,Case id,Times read"));
        playedBy("`/modules/{id}/case-statistics` Download as CSV, a module of another institution", "educator", "educator-b");
        p.put("`/modules/{id}/cohort` a module of the educator's institution", view(s -> "modules/" + moduleA + "/cohort", "cohort-view"));
        p.put("`/modules/{id}/cohort` a module of another institution", view(s -> "modules/" + moduleA + "/cohort", "cohort-view"));
        playedBy("`/modules/{id}/cohort` a module of another institution", "educator", "educator-b");
        p.put("`GET /files/dicom/{sha256}` images of a case drawn for the resident", s -> s.status("GET", "/files/dicom/" + dicomSha, null) == 200);
        p.put("`GET /dicomweb/cases/{v}/studies/…/frames/{n}` (WADO-RS) a case drawn for the resident", s -> s.status("GET", drawnFrame, null) == 200);
        p.put("`GET /dicomweb/cases/{v}/studies/…/frames/{n}` a case not drawn for the resident", s -> s.status("GET", undrawnFrame, null) == 200);
        p.put("`GET /dicomweb/studies` (QIDO-RS) lists the drawn case's study",
                s -> s.status("GET", "/dicomweb/studies", null) == 200 && s.lastBody.contains(drawnStudy));
        p.put("`/verifier/checks` own verification results", view("verifier/checks", "verifier-checks-view"));
        p.put("`/invite/{token}` set a password with a one-time link (the token is the proof)", view("invite/no-such-token", "invite-view"));
        p.put("`/verifier/bulk` check many certificates at once (paste or upload; CSV report)", view("verifier/bulk", "bulk-verify-view"));
        p.put("`/users` accounts, roles, institutions", view("users", "users-view"));
        p.put("`/admin/institutions`", view("admin/institutions", "institutions-view"));
        p.put("`/admin/credentials` keys, revocation", view("admin/credentials", "credential-admin-view"));
        p.put("`/audit` audit trail, chain check", view("audit", "audit-view"));
        p.put("`/erasure` erase a user's personal data", view("erasure", "erasure-view"));
        // operations: the management endpoints are served on the loopback management port only (docs/deployment.md)
        p.put("`GET /actuator/health/readiness` on the public port (probes answer on the management port only)",
                s -> s.status("GET", "/actuator/health/readiness", null) == 200);
        p.put("`GET /actuator/prometheus` on the public port (metrics answer on the management port only)",
                s -> s.status("GET", "/actuator/prometheus", null) == 200);
        return p;
    }

    @Test
    void every_cell_of_the_documented_access_matrix_holds_over_http() throws IOException {
        Map<String, List<Boolean>> matrix = documentedMatrix();
        Map<String, Probe> probes = probes();
        assertThat(probes.keySet()).as("every row of docs/security.md's matrix has a probe, and every probe a row")
                .containsExactlyInAnyOrderElementsOf(matrix.keySet());
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (var row : matrix.entrySet()) {
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                Session session = Session.signIn(scopedUser.getOrDefault(row.getKey() + "|" + role, role));
                boolean allowed = probes.get(row.getKey()).apply(session);
                cells++;
                if (allowed != row.getValue().get(i)) {
                    wrong.add(row.getKey() + " as " + session.user + ": documented " + (row.getValue().get(i) ? "allowed" : "refused")
                            + ", but was " + (allowed ? "allowed" : "refused") + " (" + session.lastWhat + ")");
                }
            }
        }
        assertThat(wrong).as("cells that do not hold (of %d)", cells).isEmpty();
        assertThat(cells).isEqualTo(matrix.size() * ROLES.size());
    }

    @Test
    void another_institutions_educator_neither_opens_nor_takes_over_a_curriculum() {
        // the editor answers in words, and shows nothing of the curriculum: no field, not its title
        var stranger = Session.signIn("educator-b");
        var ids = stranger.rendered("curricula/" + CURRICULUM_A + "/edit");
        assertThat(ids).contains("curriculum-editor", "curriculum-not-editable").doesNotContain("curriculum-title", "download-yaml", "publish-curriculum");
        assertThat(stranger.lastUidl).doesNotContain("Reading with AI — foundations");
        assertThat(stranger.rendered("curricula")).contains("curricula-grid").doesNotContain("edit-" + CURRICULUM_A, "download-" + CURRICULUM_A);
        // the owner's educator gets the editor
        assertThat(Session.signIn("educator").rendered("curricula/" + CURRICULUM_A + "/edit")).contains("curriculum-title", "publish-curriculum")
                .doesNotContain("curriculum-not-editable");

        // publishing the demo institution's curriculum as the second institution's (its id, their institution): refused, nothing published
        var builder = context.getBean(CurriculumBuilder.class);
        var curricula = context.getBean(org.calibra.curriculum.CurriculumService.class);
        SignedIn.as("admin", "ADMIN");
        int versions = curricula.versions(MATRIX_CURRICULUM).size();
        var draft = builder.open(MATRIX_CURRICULUM, summaryOf("admin")).orElseThrow();
        String secondInstitution = context.getBean(InstitutionService.class).byId(summaryOf("educator-b").institutionId()).orElseThrow().slug();
        draft.institution = secondInstitution;
        draft.description = "Taken over by another institution.";
        var check = builder.check(draft, summaryOf("admin"));
        assertThat(check.problems()).isEmpty();
        var educatorB = summaryOf("educator-b");
        SignedIn.as("educator-b", "EDUCATOR");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(CurriculumImportService.class).publish(check.checked(), educatorB))
                    .isInstanceOf(CurriculumImportService.PublishRefused.class)
                    .hasMessage("Only educators of the institution that owns a curriculum may publish it.");
            // the builder's upload door says why, on the field
            var upload = builder.upload(check.yaml().getBytes(StandardCharsets.UTF_8), educatorB);
            assertThat(upload.ok()).isFalse();
            assertThat(upload.problems()).extracting(CurriculumBuilder.Problem::inWords).isNotEmpty();
        } finally {
            SignedIn.clear();
        }
        SignedIn.as("admin", "ADMIN");
        assertThat(curricula.versions(MATRIX_CURRICULUM)).hasSize(versions);
        assertThat(builder.open(MATRIX_CURRICULUM, summaryOf("admin")).orElseThrow().institution).isNotEqualTo(secondInstitution);
        SignedIn.clear();
    }

    @Test
    void a_curriculum_file_naming_another_institution_learns_nothing_of_its_cases() {
        // the second institution's educator uploads a file that names the demo institution and pools its own case (the
        // authored one) beside a case that exists nowhere: refused, and the two are answered alike, "not a case"
        var builder = context.getBean(CurriculumBuilder.class);
        SignedIn.as("admin", "ADMIN");
        String yaml = builder.source(MATRIX_CURRICULUM, summaryOf("admin")).orElseThrow()
                .replace("id: " + MATRIX_CURRICULUM, "id: stranger-probe")
                .replace("ct-thoracic-spine-staging-normal", authoredSlug)
                .replace("mr-iac-schwannoma-detected", "no-such-case-anywhere");
        assertThat(yaml).contains("institution: ").contains(authoredSlug);
        var educatorB = summaryOf("educator-b");
        SignedIn.as("educator-b", "EDUCATOR");
        try {
            var outcome = builder.upload(yaml.getBytes(StandardCharsets.UTF_8), educatorB);
            assertThat(outcome.ok()).isFalse();
            var words = outcome.problems().stream().map(CurriculumBuilder.Problem::inWords).toList();
            assertThat(words).as("the institution is refused").anySatisfy(w -> assertThat(w).contains("is not your institution"));
            assertThat(words).as("the other institution's case is unknown to them, as a case that does not exist")
                    .anySatisfy(w -> assertThat(w).contains("'" + authoredSlug + "' is not a case"))
                    .anySatisfy(w -> assertThat(w).contains("'no-such-case-anywhere' is not a case"));
        } finally {
            SignedIn.clear();
        }
    }

    @Test
    void signing_in_replaces_the_session_so_a_planted_session_id_is_worthless() {
        var s = new Session("resident");
        s.status("GET", "/login", null);
        String before = s.sessionId();
        assertThat(before).isNotNull();
        s.signInHere();
        assertThat(s.sessionId()).as("session fixation protection: a new id after sign-in").isNotNull().isNotEqualTo(before);
    }

    @Test
    void vaadin_ignores_a_request_without_its_security_key_and_spring_endpoints_refuse_a_post_without_the_csrf_token() {
        var s = Session.signIn("admin");
        assertThat(s.rendered("audit", "not-the-key")).as("a forged UIDL request renders nothing").doesNotContain("audit-view");
        assertThat(s.rendered("audit")).as("the same request with the UI's key").contains("audit-view");
        assertThat(s.status("POST", "/logout", "")).as("sign-out without the CSRF token").isEqualTo(403);
    }

    @Test
    void an_error_answers_without_a_stack_trace_or_exception_names() {
        var s = Session.signIn("educator");
        assertThat(s.status("GET", "/export/modules/not-a-number/jafroc.zip", null)).isEqualTo(400);
        assertThat(s.lastBody).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("trace");
    }

    // ----- the documented matrix -----

    private static Map<String, List<Boolean>> documentedMatrix() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/security.md"));
        int from = lines.indexOf("| view / endpoint / action | anonymous | resident | educator | verifier | admin |");
        assertThat(from).as("the access matrix table in docs/security.md").isPositive();
        Map<String, List<Boolean>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(from + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            assertThat(cells).as(line).hasSize(6);
            List<Boolean> allowed = new ArrayList<>();
            for (int i = 1; i < 6; i++) {
                String c = cells[i].strip();
                assertThat(c).as("cell %d of %s", i, line).isIn("✔", "—");
                allowed.add(c.equals("✔"));
            }
            rows.put(cells[0].strip(), allowed);
        }
        return rows;
    }

    // ----- probes -----

    private Probe view(String route, String marker) {
        return view(s -> route, marker);
    }

    private Probe view(Function<Session, String> route, String marker) {
        return s -> s.rendered(route.apply(s)).contains(marker);
    }

    /** The row, for {@code role}, is tried as {@code user}: another resident, or a second institution's user. */
    private void playedBy(String row, String role, String user) {
        scopedUser.put(row + "|" + role, user);
    }

    /** Reached the endpoint: not refused (401/403) and not sent to sign in (302). A 4xx about the input still counts. */
    private static boolean reached(int status) {
        return status != 401 && status != 403 && status != 302;
    }

    /**
     * A download offered on a page: the page is rendered as the user, the link with {@code linkId} looked up, and its
     * (session-bound) address fetched. Allowed: the link was there and gave the file. No page or no link: refused.
     */
    private boolean downloaded(Session s, String route, String linkId, String expected) {
        s.rendered(route);
        String href = s.href(linkId);
        if (href == null) {
            s.lastWhat += ", no link " + linkId + " " + s.lastHrefChanges;
            return false;
        }
        return s.status("GET", "/" + href, null) == 200 && s.lastBody.contains(expected);
    }

    /** A service call made in the server's JVM as the signed-in user (null: nobody signed in). */
    private interface Call {
        void run(UserSummary me);
    }

    /** Allowed: the call returned; refused: access denied, no sign-in, or publishing refused. Anything else fails the test. */
    private Probe inProcess(Call call) {
        return s -> {
            UserSummary me = s.user.equals("anonymous") ? null : summaryOf(s.user);
            try {
                signInInProcess(me);
                call.run(me);
                s.lastWhat = "called as " + s.user + ": returned";
                return true;
            } catch (AccessDeniedException | AuthenticationException | CurriculumImportService.PublishRefused e) {
                s.lastWhat = "called as " + s.user + ": " + e.getClass().getSimpleName() + " " + e.getMessage();
                return false;
            } finally {
                SignedIn.clear();
            }
        };
    }

    private static void signInInProcess(UserSummary me) {
        if (me == null) {
            SignedIn.clear();
        } else {
            SignedIn.as(me.username(), me.role().name());
        }
    }

    private UserSummary summaryOf(String username) {
        return context.getBean(UserService.class).findByUsername(username).orElseThrow();
    }

    /**
     * Publishes a changed description of the matrix curriculum (a new version each time, so "nothing changed" never
     * answers): checked by an admin through the builder, then handed to {@link CurriculumImportService#publish} with the
     * user as publisher, which is what the builder does for the signed-in user. Nobody signed in: through the builder,
     * publish's only caller.
     */
    private void publishMatrixCurriculum(UserSummary me) {
        var builder = context.getBean(CurriculumBuilder.class);
        SignedIn.as("admin", "ADMIN");
        var admin = summaryOf("admin");
        var draft = builder.open(MATRIX_CURRICULUM, admin).orElseThrow();
        draft.description = "Published by the access matrix test, change " + (++publishedByProbes) + ".";
        var check = builder.check(draft, admin);
        assertThat(check.problems()).isEmpty();
        signInInProcess(me);
        if (me == null) {
            builder.upload(check.yaml().getBytes(StandardCharsets.UTF_8), null);
        } else {
            context.getBean(CurriculumImportService.class).publish(check.checked(), me);
        }
    }

    /** "How would the last 5 attempts have been decided with sensitivity at least 50%?" on the demo institution's module. */
    private void simulate(UserSummary me) {
        context.getBean(ThresholdSimulation.class).simulate(moduleA, List.of(new ModuleInfo.ThresholdRule("sensitivity", 0.5, null, "point")),
                0, 0, 0, 5);
    }

    private boolean exportAllowed(Session s, long module) {
        int status = s.status("GET", "/export/modules/" + module + "/jafroc.zip", null);
        return status == 200 || status == 409; // 409: allowed, but no resident has finished the module yet
    }

    private long firstCaseVersion() {
        SignedIn.as("resident", "RESIDENT");
        try {
            return new ReadingScenario(context, "first-reads").cases().get(1).caseVersionId();
        } finally {
            SignedIn.clear();
        }
    }

    // ----- a browser-like HTTP session -----

    static final class Session {
        final String user;
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        int lastStatus;
        String lastBody = "";
        String lastWhat = "";
        /** The UIDL answer of the last navigation: what {@link #href} looks in. */
        String lastUidl = "";

        private Session(String user) {
            this.user = user;
        }

        static Session signIn(String user) {
            var s = new Session(user);
            if (!user.equals("anonymous")) {
                s.signInHere();
            }
            return s;
        }

        void signInHere() {
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&" + FormLogin.csrfField(http, BASE);
            var r = send(HttpRequest.newBuilder(URI.create(BASE + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertThat(r.headers().firstValue("Location").orElse("")).as("sign-in of %s", user).doesNotContain("error");
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).map(java.net.HttpCookie::getValue)
                    .findFirst().orElse(null);
        }

        int status(String method, String path, String json) {
            var b = HttpRequest.newBuilder(URI.create(BASE + path));
            if (json != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            var response = send(b.build());
            lastStatus = response.statusCode();
            lastBody = response.body();
            lastWhat = method + " " + path + " → " + lastStatus;
            return lastStatus;
        }

        /** The element ids of the view the route rendered; empty if the page sent us to sign in. */
        Set<String> rendered(String route) {
            return rendered(route, null);
        }

        /** @param forgedKey sent instead of the UI's Vaadin-Security-Key (its CSRF token), or null for the real one */
        Set<String> rendered(String route, String forgedKey) {
            lastUidl = "";
            var page = send(HttpRequest.newBuilder(URI.create(BASE + "/" + route)).GET().build());
            if (page.statusCode() != 200) {
                lastWhat = "GET /" + route + " → " + page.statusCode() + " " + page.headers().firstValue("Location").orElse("");
                return Set.of();
            }
            JsonNode init = JSON.readTree(send(HttpRequest.newBuilder(URI.create(BASE + "/?v-r=init&location="
                    + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query=")).GET().build()).body());
            int uiId = init.path("appConfig").path("v-uiId").asInt();
            String key = forgedKey != null ? forgedKey : init.path("appConfig").path("uidl").path("Vaadin-Security-Key").asString();
            String navigate = JSON.writeValueAsString(Map.of("csrfToken", key, "syncId", 0, "clientId", 0, "rpc", List.of(Map.of(
                    "type", "event", "node", 1, "event", "ui-navigate", "data",
                    Map.of("route", route, "query", "", "appShellTitle", "", "historyState", Map.of("idx", 0), "trigger", "")))));
            var uidl = send(HttpRequest.newBuilder(URI.create(BASE + "/?v-r=uidl&v-uiId=" + uiId)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(navigate)).build());
            lastUidl = uidl.body();
            Set<String> ids = new TreeSet<>();
            ELEMENT_ID.matcher(uidl.body()).results().forEach(m -> ids.add(m.group(1)));
            lastWhat = "/" + route + " rendered " + ids.stream().filter(i -> i.endsWith("-view") || i.equals("case-title")
                    || i.equals("case-library") || i.equals("case-page") || i.equals("review-queue") || i.equals("case-import") || i.equals("reader-studies") || i.equals("decision-record") || i.equals("verify-lookup")
                    || i.equals("curricula-grid") || i.equals("curriculum-editor") || i.equals("curriculum-not-editable") || i.equals("case-statistics")).toList();
            return ids;
        }

        /** The {@code href} of the element with this id in the last rendered view, or null when there is none. */
        String href(String elementId) {
            String body = (lastUidl.startsWith("for(;;);") ? lastUidl.substring("for(;;);".length()) : lastUidl).strip();
            if (body.isEmpty()) {
                return null;
            }
            lastHrefChanges = "";
            List<JsonNode> changes = new ArrayList<>();
            collectChanges(JSON.readTree(body), changes);
            var node = changes.stream().filter(c -> c.path("key").asString("").equals("id") && c.path("value").asString("").equals(elementId))
                    .map(c -> c.path("node").asInt()).findFirst();
            if (node.isEmpty()) {
                return null;
            }
            var ofNode = changes.stream().filter(c -> c.path("node").asInt() == node.get()).toList();
            lastHrefChanges = ofNode.toString();
            return ofNode.stream().filter(c -> c.path("key").asString("").equals("href")).map(c -> c.path("value"))
                    .map(v -> v.isString() ? v.asString() : v.path("uri").asString(null)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }

        /** What the last {@link #href} found about the element, for a failure message. */
        String lastHrefChanges = "";

        /** Every change ({@code {"node":n,…,"key":…,"value":…}}), wherever it sits in the answer. */
        private static void collectChanges(JsonNode node, List<JsonNode> changes) {
            if (node.isObject() && node.has("node") && node.has("key")) {
                changes.add(node);
            }
            if (node.isContainer()) {
                for (JsonNode child : node) {
                    collectChanges(child, changes);
                }
            }
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
