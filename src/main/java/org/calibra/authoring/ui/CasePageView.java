package org.calibra.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.CaseDetails;
import org.calibra.authoring.CaseState;
import org.calibra.authoring.DraftRefused;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.content.CaseManifest;
import org.calibra.dicomweb.DicomWebLinks;
import org.calibra.security.Role;
import org.calibra.viewer.CalibraViewer;

/**
 * A case's page for staff — every case, bundled, imported or authored: its latest version's images in the viewer with
 * the truth and AI layers, its text and teaching points, its versions (who, when, what changed), the review comments on
 * its drafts, and the steps it allows: edit (a draft of the next version), retire or un-retire, export as a bundle.
 */
@Route("cases/:slug")
@PageTitle("Case — Calibra")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class CasePageView extends Div implements BeforeEnterObserver {

    private final AuthoringService authoring;
    private final CaseService cases;
    private final DicomWebLinks links;

    CasePageView(AuthoringService authoring, CaseService cases, DicomWebLinks links) {
        this.authoring = authoring;
        this.cases = cases;
        this.links = links;
        setId("case-page");
        addClassName("reading-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        var details = authoring.caseDetails(slug).orElseThrow(() -> new NotFoundException("No such case."));
        if (details.latest() == null) {
            event.forwardTo(DraftView.class, new RouteParameters("draftId", Long.toString(details.openDraft().id())));
            return;
        }
        show(details);
    }

    private void show(CaseDetails c) {
        removeAll();
        var latest = c.latest();
        var images = links.stackImages(cases.forReading(latest.versionId()).orElseThrow()).stream()
                .map(s -> new CalibraViewer.Image(s.url(), s.frame(), s.wadoRs(), s.metadata())).toList();
        var stage = new CaseStage(images, latest.manifest(), latest.files());
        var panel = new Div(header(c), actions(c), text(latest.manifest()), teaching(latest.manifest()), versions(c), comments(c));
        panel.addClassName("side-panel");
        panel.getElement().setAttribute("role", "complementary");
        panel.getElement().setAttribute("aria-label", "Case: " + latest.manifest().title());
        add(stage, panel);
    }

    private Div header(CaseDetails c) {
        var m = c.latest().manifest();
        var meta = new Span("Version " + c.latest().version() + " · "
                + (c.bundled() ? "bundled library (cases/), shared by every institution" : "made in the app")
                + (m.tags().contains(CaseManifest.SYNTHETIC_TAG) ? " · synthetic images" : "")
                + (c.retiredAt() != null ? " · retired " + Words.when(c.retiredAt()) + ": no new draws; past reads and records stay" : "")
                + " · id in curriculum files: " + c.slug()); // said as what it is for, since educators type it into pools
        meta.addClassName("meta");
        meta.setId("case-meta");
        var section = new Div(new RouterLink("Case library", CaseLibraryView.class), new H1(m.title()), Words.badge(c.state().words(), "case-state"), meta);
        section.addClassName("panel-section");
        return section;
    }

    private Div actions(CaseDetails c) {
        var section = new Div();
        section.addClassName("panel-section");
        section.setId("case-actions");
        var row = new HorizontalLayout();
        row.setWrap(true);
        if (c.openDraft() != null) {
            var open = new RouterLink("Continue the open draft (" + c.openDraft().state().words() + ")", DraftView.class,
                    new RouteParameters("draftId", Long.toString(c.openDraft().id())));
            open.setId("case-open-draft");
            section.add(open);
        } else if (c.mayEdit()) {
            var edit = new Button("Edit (a draft of the next version)", e -> step(() -> {
                var d = authoring.editPublished(c.slug());
                getUI().ifPresent(ui -> ui.navigate(DraftView.class, new RouteParameters("draftId", Long.toString(d.id()))));
            }));
            edit.setId("case-edit");
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            row.add(edit);
        } else if (c.bundled()) {
            section.add(new Paragraph("A bundled case is changed in the repository's cases/ folder; export it and import the bundle under a new"
                    + " id to make a case of your own from it."));
        }
        if (c.mayRetire()) {
            boolean retired = c.state() == CaseState.RETIRED;
            var retire = new Button(retired ? "Un-retire (draw it again)" : "Retire (no new draws)", e -> step(() -> {
                if (retired) {
                    authoring.unretire(c.slug());
                } else {
                    authoring.retire(c.slug());
                }
                authoring.caseDetails(c.slug()).ifPresent(this::show);
            }));
            retire.setId(retired ? "case-unretire" : "case-retire");
            retire.addThemeVariants(retired ? ButtonVariant.LUMO_CONTRAST : ButtonVariant.LUMO_ERROR);
            row.add(retire);
        }
        var export = new Anchor("/export/cases/versions/" + c.latest().versionId() + "/bundle.zip", "Export as a bundle (.zip)");
        export.setRouterIgnore(true);
        export.setId("case-export");
        row.add(TraineePreviewView.link(c.slug(), c.latest().version())); // issue 13: read it as a resident would, nothing recorded
        section.add(row, export);
        return section;
    }

    private static Div text(CaseManifest m) {
        var section = new Div(new H3("The case"),
                new Paragraph("Clinical history: " + m.clinicalHistory()),
                new Paragraph("Truth: " + m.truth().diagnosis() + " · " + m.truth().findings().size() + " lesion(s) · difficulty " + m.difficulty() + "/5"),
                new Paragraph("Finding labels: " + String.join(", ", m.labels()) + " · diagnoses: " + String.join(", ", m.diagnoses())),
                new Paragraph("AI: " + m.ai().model().name() + " (" + m.ai().model().version() + "), case score " + Math.round(m.ai().score() * 100)
                        + "%, " + m.ai().findings().size() + " mark(s)"),
                new Paragraph("Source: " + m.source().description() + " Licence: " + m.source().licence()));
        section.addClassName("panel-section");
        section.setId("case-text");
        return section;
    }

    private static Div teaching(CaseManifest m) {
        var section = new Div(new H3("Teaching points"));
        m.teachingPoints().forEach(t -> section.add(new Markdown(t)));
        section.addClassName("panel-section");
        section.setId("case-teaching");
        return section;
    }

    private static Div versions(CaseDetails c) {
        var section = new Div(new H3("Versions"));
        section.setId("case-versions");
        c.versions().forEach(v -> {
            var head = new Paragraph("Version " + v.version() + " — " + Words.when(v.at()) + " — " + v.madeBy()
                    + ("PUBLISHED".equals(v.status()) ? "" : " (" + v.status().toLowerCase().replace('_', ' ') + ")"));
            head.addClassName("version-head");
            section.add(head, Words.changes(v.changes()));
        });
        section.addClassName("panel-section");
        return section;
    }

    private static Div comments(CaseDetails c) {
        var section = new Div(new H3("Review comments"));
        section.setId("case-comments");
        if (c.comments().isEmpty()) {
            section.add(new Paragraph("None."));
        }
        c.comments().forEach(r -> section.add(new Paragraph(r.author().name() + " " + r.kind().words() + " (" + Words.when(r.at()) + "): " + r.text())));
        section.addClassName("panel-section");
        return section;
    }

    private static void step(Runnable r) {
        try {
            r.run();
        } catch (DraftRefused e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
