package org.calibra.authoring.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;
import org.calibra.authoring.TraineePreview;
import org.calibra.curriculum.ReadingMode;
import org.calibra.dicomweb.DicomWebLinks;
import org.calibra.reading.ReadSubmission;
import org.calibra.scoring.ReadFeedback;
import org.calibra.security.Role;
import org.calibra.viewer.CalibraViewer;

/** Preview as a trainee of a case version, from the case page (scope: who may see the case page). */
@Route("cases/:slug/versions/:version/preview")
@PageTitle("Preview as a trainee — Calibra")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class TraineePreviewView extends PreviewPage {

    private final DicomWebLinks links;
    private String slug;
    private int version;

    TraineePreviewView(TraineePreview preview, DicomWebLinks links, Clock clock) {
        super(preview, clock);
        this.links = links;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        slug = event.getRouteParameters().get("slug").orElse("");
        version = event.getRouteParameters().getInteger("version").orElse(-1);
        var kase = preview.open(slug, version).orElseThrow(() -> new NotFoundException("No such case version."));
        start(kase, links.stackImages(kase).stream().map(s -> new CalibraViewer.Image(s.url(), s.frame(), s.wadoRs(), s.metadata())).toList());
    }

    @Override
    protected Optional<ReadFeedback> score(ReadingMode mode, ReadSubmission read, Optional<ReadSubmission> firstRead) {
        return preview.submit(slug, version, mode, read, firstRead);
    }

    /** The case page's way in: preview this version as a trainee. */
    static RouterLink link(String slug, int version) {
        var link = new RouterLink("Preview as a trainee", TraineePreviewView.class,
                new RouteParameters(new RouteParam("slug", slug), new RouteParam("version", Integer.toString(version))));
        link.setId("case-preview");
        return link;
    }

    @Override
    protected RouterLink backLink() {
        var back = new RouterLink("Back to the case page", CasePageView.class, new RouteParameters("slug", slug));
        back.setId("preview-back");
        return back;
    }
}
