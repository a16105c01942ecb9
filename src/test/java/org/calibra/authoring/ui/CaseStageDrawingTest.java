package org.calibra.authoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calibra.authoring.DraftContent;
import org.calibra.authoring.DraftImage;
import org.calibra.authoring.DraftProblem;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.viewer.AuthoringLayer;
import org.junit.jupiter.api.Test;

/**
 * The "Draw on the images" switch: a layer can be drawn only once a section registered for it (the AI option stays
 * greyed out until the AI section exists), a read-only draft draws nothing, and the layer drawn is followed.
 */
class CaseStageDrawingTest {

    /** A stand-in for the AI section another part of the editor adds. */
    private static final class AiSection implements DraftForm.Drawing {
        CaseStage bound;

        @Override public AuthoringLayer layer() { return AuthoringLayer.AI; }
        @Override public void bind(CaseStage stage) { bound = stage; }
        @Override public Component component() { return new Div(); }
        @Override public void show(DraftContent content, List<DraftImage> stack) { }
        @Override public CaseManifest apply(CaseManifest manifest) { return manifest; }
        @Override public void showProblems(List<DraftProblem> problems) { }
        @Override public void setReadOnly(boolean readOnly) { }
    }

    private static CaseStage stage(DraftContent c) {
        return new CaseStage(List.of(), c.manifest(), Map.of());
    }

    @Test
    void the_ai_layer_is_drawn_only_once_a_section_registers_for_it() throws Exception {
        var content = DraftFormTest.content();
        var form = new DraftForm();
        form.show(content, List.of(), List.of());
        var without = stage(content);
        without.offerDrawing(true);
        form.bind(without);
        without.draw(AuthoringLayer.AI);
        assertThat(without.drawing()).isEqualTo(AuthoringLayer.NONE);

        var ai = new AiSection();
        form.addSection(ai);
        var with = stage(content);
        with.offerDrawing(true);
        form.bind(with);
        List<AuthoringLayer> followed = new ArrayList<>();
        with.addDrawingListener(followed::add);
        with.draw(AuthoringLayer.AI);

        assertThat(ai.bound).isSameAs(with);
        assertThat(with.drawing()).isEqualTo(AuthoringLayer.AI);
        assertThat(with.viewer().getElement().getProperty("authoring")).isEqualTo("ai");
        with.draw(AuthoringLayer.TRUTH);
        assertThat(followed).containsExactly(AuthoringLayer.AI, AuthoringLayer.TRUTH);
        assertThat(with.viewer().getElement().getProperty("authoring")).isEqualTo("truth");
    }

    @Test
    void a_draft_that_cannot_be_edited_draws_nothing() throws Exception {
        var content = DraftFormTest.content();
        var form = new DraftForm();
        form.show(content, List.of(), List.of());
        var s = stage(content);
        s.offerDrawing(false);
        form.bind(s);
        s.draw(AuthoringLayer.TRUTH);

        assertThat(s.drawing()).isEqualTo(AuthoringLayer.NONE);
        assertThat(s.viewer().getElement().getProperty("authoring", "")).isEmpty();
    }
}
