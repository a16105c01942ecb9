package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.calibra.casebank.CaseService;
import org.calibra.support.CaseZips;
import org.calibra.curriculum.CurriculumService;
import org.calibra.institution.InstitutionService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.security.UserService;
import org.calibra.support.IntegrationTest;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The life of a case at the service boundary (ADR 0021): an upload is a draft nobody reads; it goes to review only without
 * problems; a second educator of the institution approves (publishing it) or sends it back with a comment; authors never
 * approve their own draft unless self-approval is allowed, and then the audit trail says so; other institutions see
 * nothing; residents and verifiers are refused.
 */
@IntegrationTest
class AuthoringWorkflowIT {

    @Autowired AuthoringService authoring;
    @Autowired CaseService cases;
    @Autowired CurriculumService curricula;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;
    @Autowired DraftAccess access;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    /** Uploaded by {@code curator}, the first educator: a draft of a new case tagged 'imported'. */
    CaseDraft uploaded(String slug, boolean secondaryCapture) throws Exception {
        SignedIn.as("curator", "EDUCATOR");
        var result = authoring.upload(slug + ".zip", CaseZips.caseZip(slug, secondaryCapture));
        assertThat(result.refused()).isEmpty();
        return result.draft();
    }

    List<String> audit(String slug) {
        return jdbc.queryForList("select action from audit_entry where subject = ? order by seq", String.class, "case:" + slug);
    }

    List<String> importedPool() {
        return curricula.listCurricula().stream().filter(c -> c.slug().equals("imported-cases")).findFirst().orElseThrow()
                .modules().getFirst().caseSlugs();
    }

    @Test
    void an_upload_is_a_draft_nobody_reads_until_a_second_educator_approves_and_publishes_it() throws Exception {
        var draft = uploaded("authored-bone-scan", true);

        assertThat(draft.state()).isEqualTo(DraftState.DRAFT);
        assertThat(draft.problems()).isEmpty();
        assertThat(draft.flagged()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("JPEG2000.dcm");
            assertThat(f.imageIndexes()).containsExactly(0);
            assertThat(f.whereInWords()).isEqualTo("image 1 (JPEG2000.dcm)");
        });
        assertThat(cases.latestVersionId("authored-bone-scan")).as("a draft is never live").isEmpty();
        assertThat(importedPool()).doesNotContain("authored-bone-scan");

        var inReview = authoring.sendForReview(draft.id(), draft.revision());
        assertThat(inReview.state()).isEqualTo(DraftState.IN_REVIEW);
        assertThatThrownBy(() -> authoring.save(draft.id(), inReview.revision(), inReview.content()))
                .isInstanceOf(DraftRefused.class).hasMessageContaining("in review");
        assertThatThrownBy(() -> authoring.approve(draft.id(), inReview.revision(), true, null))
                .isInstanceOf(DraftRefused.class).hasMessageContaining("a second educator of your institution must approve it");

        SignedIn.as("educator", "EDUCATOR");
        assertThat(authoring.reviewQueue()).extracting(CaseDraft::slug).contains("authored-bone-scan");
        assertThatThrownBy(() -> authoring.approve(draft.id(), inReview.revision(), false, null))
                .isInstanceOf(DraftRefused.class).hasMessageContaining("flagged for burned-in text");
        var published = authoring.approve(draft.id(), inReview.revision(), true, "Looked at the bone scan: no burned-in text.");

        assertThat(published.state()).isEqualTo(DraftState.PUBLISHED);
        assertThat(cases.latestVersionId("authored-bone-scan")).contains(published.publishedVersionId());
        assertThat(importedPool()).contains("authored-bone-scan");
        assertThat(audit("authored-bone-scan")).containsExactly("case.draft_created", "case.sent_for_review", "case.approved", "case.published");
        assertThat(jdbc.queryForObject("select details from audit_entry where subject = 'case:authored-bone-scan' and action = 'case.approved'",
                String.class)).contains("\"selfApproval\":false");
        var page = authoring.caseDetails("authored-bone-scan").orElseThrow();
        assertThat(page.state()).isEqualTo(CaseState.PUBLISHED);
        assertThat(page.versions()).singleElement().satisfies(v -> assertThat(v.madeBy()).contains("approved by", "Educator").doesNotContain("self"));
        assertThat(page.comments()).extracting(ReviewComment::kind).containsExactly(ReviewComment.Kind.APPROVED);
    }

    @Test
    void sending_back_needs_a_comment_and_returns_the_draft_to_its_authors() throws Exception {
        var draft = uploaded("authored-sent-back", false);
        var inReview = authoring.sendForReview(draft.id(), draft.revision());
        SignedIn.as("educator", "EDUCATOR");

        assertThatThrownBy(() -> authoring.sendBack(draft.id(), inReview.revision(), "  ")).isInstanceOf(DraftRefused.class)
                .hasMessageContaining("Say what should change");
        var back = authoring.sendBack(draft.id(), inReview.revision(), "The history gives the diagnosis away; say less.");

        assertThat(back.state()).isEqualTo(DraftState.DRAFT);
        assertThat(authoring.comments(draft.id())).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ReviewComment.Kind.SENT_BACK);
            assertThat(c.text()).contains("gives the diagnosis away");
        });
        assertThat(audit("authored-sent-back")).containsExactly("case.draft_created", "case.sent_for_review", "case.sent_back");
        assertThat(context.getBean(org.calibra.audit.PersonalDataService.class).exportMine()).as("the reviewer's words are their personal data")
                .contains("\"reviewComments\"", "gives the diagnosis away");
        assertThat(authoring.reviewQueue()).extracting(CaseDraft::slug).doesNotContain("authored-sent-back");
    }

    @Test
    void another_institution_sees_no_draft_and_admins_may_review_anything() throws Exception {
        var draft = uploaded("authored-scoped", false);
        var inReview = authoring.sendForReview(draft.id(), draft.revision());
        SignedIn.as("admin", "ADMIN");
        long b = context.getBean(InstitutionService.class).bySlug("authoring-second-hospital").orElseGet(() -> context.getBean(InstitutionService.class)
                .createByAdmin("Authoring Second Hospital", context.getBean(UserService.class).findByUsername("admin").orElseThrow().id())).id();
        TestAccounts.create(context, "authoring-educator-b", Role.EDUCATOR, b);

        SignedIn.as("authoring-educator-b", "EDUCATOR");
        assertThat(authoring.draft(draft.id())).isEmpty();
        assertThat(authoring.reviewQueue()).extracting(CaseDraft::slug).doesNotContain("authored-scoped");
        assertThat(authoring.library()).extracting(CaseOverview::slug).doesNotContain("authored-scoped").contains("mr-iac-schwannoma-detected");
        assertThat(authoring.caseDetails("authored-scoped")).isEmpty();
        assertThatThrownBy(() -> authoring.approve(draft.id(), inReview.revision(), true, null)).isInstanceOf(DraftNotFound.class);
        assertThatThrownBy(() -> authoring.comment(draft.id(), "hello")).isInstanceOf(DraftNotFound.class);

        SignedIn.as("admin", "ADMIN");
        assertThat(authoring.approve(draft.id(), inReview.revision(), true, null).state()).isEqualTo(DraftState.PUBLISHED);
        SignedIn.as("authoring-educator-b", "EDUCATOR");
        assertThat(authoring.caseDetails("authored-scoped")).as("a published case stays its institution's").isEmpty();
        assertThatThrownBy(() -> authoring.exportVersion(cases.latestVersionId("authored-scoped").orElseThrow())).isInstanceOf(DraftNotFound.class);
    }

    @Test
    void residents_and_verifiers_may_neither_author_nor_review() {
        for (String role : List.of("RESIDENT", "VERIFIER")) {
            SignedIn.as(role.equals("RESIDENT") ? "resident" : "verifier", role);
            assertThatThrownBy(() -> authoring.library()).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> authoring.upload("x.zip", new byte[0])).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> authoring.reviewQueue()).isInstanceOf(AuthorizationDeniedException.class);
        }
    }

    @Test
    void with_self_approval_allowed_an_author_may_approve_and_the_audit_trail_says_it_was_a_self_approval() throws Exception {
        var draft = uploaded("authored-self-approved", false);
        var inReview = authoring.sendForReview(draft.id(), draft.revision());
        ReflectionTestUtils.setField(access, "allowSelfApproval", true);
        try {
            var published = authoring.approve(draft.id(), inReview.revision(), false, null);
            assertThat(published.state()).isEqualTo(DraftState.PUBLISHED);
        } finally {
            ReflectionTestUtils.setField(access, "allowSelfApproval", false);
        }
        assertThat(jdbc.queryForObject("select details from audit_entry where subject = 'case:authored-self-approved' and action = 'case.approved'",
                String.class)).contains("\"selfApproval\":true");
        assertThat(authoring.caseDetails("authored-self-approved").orElseThrow().versions().getFirst().madeBy()).contains("(self-approval)");
    }

    @Test
    void editing_a_published_case_opens_a_draft_of_its_next_version_and_the_published_version_never_changes() throws Exception {
        var first = uploaded("authored-edited", false);
        authoring.sendForReview(first.id(), first.revision());
        SignedIn.as("educator", "EDUCATOR");
        long v1 = authoring.approve(first.id(), first.revision(), false, null).publishedVersionId();
        String title = cases.content(v1).orElseThrow().manifest().title();

        var next = authoring.editPublished("authored-edited");
        assertThat(next.baseVersionId()).isEqualTo(v1);
        assertThat(authoring.editPublished("authored-edited").id()).as("one open draft per case").isEqualTo(next.id());
        var saved = (SaveOutcome.Saved) authoring.save(next.id(), next.revision(),
                next.content().withManifest(ManifestEdit.with(next.content().manifest(), "title", "An edited title")));
        var renamed = (SaveOutcome.Saved) authoring.save(next.id(), saved.draft().revision(),
                saved.draft().content().withManifest(ManifestEdit.with(saved.draft().content().manifest(), "id", "authored-edited-renamed")));
        assertThat(renamed.draft().problems()).extracting(DraftProblem::message).anySatisfy(m -> assertThat(m).contains("cannot change"));
        saved = (SaveOutcome.Saved) authoring.save(next.id(), renamed.draft().revision(), saved.draft().content());
        authoring.sendForReview(next.id(), saved.draft().revision());
        SignedIn.as("curator", "EDUCATOR");
        long v2 = authoring.approve(next.id(), saved.draft().revision(), false, null).publishedVersionId();

        assertThat(cases.latestVersionId("authored-edited")).contains(v2);
        assertThat(cases.content(v1).orElseThrow().manifest().title()).isEqualTo(title);
        assertThat(cases.content(v2).orElseThrow().manifest().title()).isEqualTo("An edited title");
        assertThat(authoring.caseDetails("authored-edited").orElseThrow().versions().getFirst().changes())
                .extracting(Change::words).containsExactly("Title: '" + title + "' → 'An edited title'");
        assertThatThrownBy(() -> authoring.editPublished("mr-iac-schwannoma-detected")).isInstanceOf(DraftRefused.class)
                .hasMessageContaining("cases/ folder");
    }
}
