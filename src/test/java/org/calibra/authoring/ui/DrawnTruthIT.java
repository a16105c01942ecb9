package org.calibra.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.ComponentUtil;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.CaseDraft;
import org.calibra.authoring.DraftProblem;
import org.calibra.authoring.DraftRefused;
import org.calibra.authoring.ManifestEdit;
import org.calibra.authoring.SaveOutcome;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.shared.JsonText;
import org.calibra.support.CaseZips;
import org.calibra.support.IntegrationTest;
import org.calibra.support.SignedIn;
import org.calibra.viewer.AuthoringEvents;
import org.calibra.viewer.ViewerShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Truth drawn on the draft page is saved with the draft and read back as drawn; truth sent without the page (browser
 * input is never trusted) is judged by the same checks, and a draft with a broken lesion does not go to review.
 */
@IntegrationTest
class DrawnTruthIT {

    @Autowired AuthoringService authoring;

    @BeforeEach
    void educator() {
        SignedIn.as("curator", "EDUCATOR");
    }

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private CaseDraft uploaded(String id) throws Exception {
        String yaml = Files.readString(Path.of("cases/mr-iac-schwannoma-detected/case.yaml")).replaceFirst("(?m)^id: .*$", "id: " + id);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("case.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        entries.put("MR_small.dcm", Files.readAllBytes(Path.of("cases/mr-iac-schwannoma-detected/MR_small.dcm")));
        var d = authoring.upload(id + ".zip", CaseZips.zip(entries)).draft();
        assertThat(d.problems()).isEmpty();
        return d;
    }

    @Test
    void an_ellipse_drawn_on_the_page_is_saved_as_a_lesion_and_read_back() throws Exception {
        var d = uploaded("drawn-truth-ellipse");
        var form = new DraftForm();
        form.show(d.content(), d.stack(), d.problems());
        var stage = new CaseStage(CaseStage.stored(d.stack()), d.content().manifest(), d.content().files());
        stage.offerDrawing(true);
        form.bind(stage);
        var v = stage.viewer();
        ComponentUtil.fireEvent(v, new AuthoringEvents.ShapeCreatedEvent(v, true, "truth",
                JsonText.write(ViewerShape.ellipse("truth-2", "cpa-mass", 0, 20, 24, 8, 6))));
        DraftFormTest.<Double>field(form, "lesion-weight-1").setValue(0.7);
        DraftFormTest.<Double>field(form, "lesion-weight-2").setValue(0.3);

        var saved = ((SaveOutcome.Saved) authoring.save(d.id(), d.revision(), form.edited())).draft();
        var back = authoring.draft(saved.id()).orElseThrow();

        assertThat(back.problems()).isEmpty();
        var lesions = back.content().manifest().truth().findings();
        assertThat(lesions).extracting(CaseManifest.TruthFinding::id).containsExactly("L1", "L2");
        assertThat(lesions.get(1).ellipse()).isEqualTo(new CaseManifest.Ellipse(20, 24, 4, 3, null));
        assertThat(lesions.get(1).label()).isEqualTo("cpa-mass");
        assertThat(lesions).extracting(CaseManifest.TruthFinding::weight).containsExactly(0.7, 0.3);
        assertThat(back.content().manifest().ai()).as("what the truth section does not edit is kept").isEqualTo(d.content().manifest().ai());

        var again = new DraftForm();
        again.show(back.content(), back.stack(), back.problems());
        assertThat(again.edited()).as("shown again, nothing changes").isEqualTo(back.content());
    }

    @Test
    void a_lesion_sent_without_the_page_is_checked_like_any_other_and_keeps_the_draft_from_review() throws Exception {
        var d = uploaded("drawn-truth-broken");
        var outside = new CaseManifest.TruthFinding("L1", "cpa-mass", 0, null, null, null, null, List.of(0, 3), null,
                new CaseManifest.Box(50, 50, 90, 60), null, null, null);
        var m = ManifestEdit.with(d.content().manifest(), "truth.findings", List.of(outside));

        var saved = ((SaveOutcome.Saved) authoring.save(d.id(), d.revision(), d.content().withManifest(m))).draft();

        assertThat(saved.problems()).extracting(DraftProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 1 (L1): box: the box reaches x 50 to 90"))
                .anySatisfy(p -> assertThat(p).startsWith("Lesion 1 (L1): image range: last image 3 is out of range"));
        assertThatThrownBy(() -> authoring.sendForReview(saved.id(), saved.revision())).isInstanceOf(DraftRefused.class);
    }
}
