package org.calibra.authoring.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.UploadResult;
import org.calibra.security.Role;
import org.calibra.shared.web.BoundedUpload;

/**
 * Where an educator starts a case (issue 13): from an uploaded study (the import page), from several series (upload,
 * then choose the stack), or from the synthetic generator with parameters chosen in a form. Each start ends as a draft,
 * never a live case; the educator continues on the draft's page.
 */
@Route("cases/new")
@PageTitle("New case — Calibra")
@Menu(order = 3.4, title = "New case", icon = "vaadin:plus-circle")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class NewCaseView extends VerticalLayout {

    private final AuthoringService authoring;
    private final Div seriesResult = new Div();

    NewCaseView(AuthoringService authoring) {
        this.authoring = authoring;
        setId("new-case");
        addClassName("page");
        add(new H1("New case"), new Paragraph("Start a case in one of three ways. Each becomes a draft of your institution: nobody reads it"
                + " until a second educator approves it. You continue on the draft's page — title, history, truth, AI, teaching points."));
        var generator = new SyntheticFormSection(authoring,
                id -> getUI().ifPresent(ui -> ui.navigate(DraftView.class, new RouteParameters("draftId", Long.toString(id)))));
        add(fromStudy(), fromSeries(), section("new-case-synthetic", generator));
    }

    private Div fromStudy() {
        var link = new RouterLink("Import a study (.zip)", CaseImportView.class);
        link.setId("new-case-import-link");
        return section("new-case-study", new H3("From an uploaded study"), new Paragraph("A .zip of DICOM files, with or without a case.yaml, or a"
                + " bundle exported from a case page. Every file is de-identified before anything is stored."), link);
    }

    private Div fromSeries() {
        seriesResult.setId("new-case-series-result");
        seriesResult.getElement().setAttribute("role", "status");
        long max = authoring.maxUploadBytes();
        var upload = new Upload(new BoundedUpload(max, (name, bytes) -> {
            UploadResult outcome = authoring.upload(name, bytes);
            getUI().ifPresent(ui -> ui.access(() -> seriesUploaded(name, outcome)));
        }, why -> getUI().ifPresent(ui -> ui.access(() -> {
            seriesResult.removeAll();
            seriesResult.add(new Paragraph("Not uploaded: " + why + "."));
        }))));
        upload.setId("new-case-series-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".zip", "application/zip");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        upload.getElement().setAttribute("aria-label", "Upload a .zip holding several series");
        upload.addFileRejectedListener(e -> {
            seriesResult.removeAll();
            seriesResult.add(new Paragraph("Not uploaded: " + e.getErrorMessage() + " (a .zip of at most " + (max >> 20) + " MB is accepted)"));
        });
        return section("new-case-series", new H3("From several series"), new Paragraph("Upload a .zip holding more than one series (any folder"
                + " structure). It is de-identified and stored as a draft; next you choose which series make up the stack, in which order, and"
                + " how the images of each series are ordered."), upload, seriesResult);
    }

    private void seriesUploaded(String name, UploadResult o) {
        seriesResult.removeAll();
        if (!o.created()) {
            var list = new UnorderedList();
            list.setId("new-case-series-problems");
            o.refused().forEach(p -> list.add(new ListItem(p.toString())));
            seriesResult.add(new Paragraph(name + " was not imported; nothing was stored. Fix these and upload again:"), list);
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(StackOrderView.class, new RouteParameters("draftId", Long.toString(o.draft().id()))));
    }

    private static Div section(String id, com.vaadin.flow.component.Component... children) {
        var d = new Div(children);
        d.setId(id);
        d.addClassName("panel-section");
        return d;
    }
}
