package org.calibra.authoring.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;
import org.calibra.authoring.DraftRefused;
import org.calibra.authoring.TraineePreview;
import org.calibra.curriculum.ReadingMode;
import org.calibra.reading.ReadSubmission;
import org.calibra.scoring.ReadFeedback;
import org.calibra.security.Role;
import org.calibra.viewer.CalibraViewer;

/** Preview as a trainee of a draft as it stands (its last save), from the draft page (scope: the draft's institution; admins). */
@Route("cases/drafts/:draftId/preview")
@PageTitle("Preview as a trainee — Calibra")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class DraftPreviewView extends PreviewPage {

    private long draftId;

    DraftPreviewView(TraineePreview preview, Clock clock) {
        super(preview, clock);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        draftId = event.getRouteParameters().getLong("draftId").orElse(-1L);
        try {
            var kase = preview.openDraft(draftId).orElseThrow(() -> new NotFoundException("No such draft."));
            // a draft's files are served by their hash, as on the draft page
            start(kase, kase.images().stream().map(i -> new CalibraViewer.Image(i.url(), i.frame())).toList());
        } catch (DraftRefused e) {
            refused(e.getMessage());
        }
    }

    @Override
    protected Optional<ReadFeedback> score(ReadingMode mode, ReadSubmission read, Optional<ReadSubmission> firstRead) {
        return preview.submitDraft(draftId, mode, read, firstRead);
    }

    /** The draft page's way in: preview the draft, as last saved, as a trainee. */
    static RouterLink link(long draftId) {
        var link = new RouterLink("Preview as a trainee (as last saved)", DraftPreviewView.class,
                new RouteParameters("draftId", Long.toString(draftId)));
        link.setId("draft-preview");
        return link;
    }

    @Override
    protected RouterLink backLink() {
        var back = new RouterLink("Back to the draft", DraftView.class, new RouteParameters("draftId", Long.toString(draftId)));
        back.setId("preview-back");
        return back;
    }
}
