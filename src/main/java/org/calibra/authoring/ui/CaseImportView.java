package org.calibra.authoring.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
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
import org.calibra.casebank.CaseUploadService;
import org.calibra.security.Role;
import org.calibra.shared.web.BoundedUpload;

/**
 * Educators upload a .zip of real DICOM (with or without case.yaml, or a bundle exported from the app): it becomes a
 * draft, never a live case. They see what de-identification changed and which images may show burned-in text, then
 * continue on the draft's page. Versions held for review before drafts existed are decided at the bottom.
 */
@Route("cases/import")
@PageTitle("Import cases — Calibra")
@Menu(order = 3.5, title = "Import cases", icon = "vaadin:upload")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class CaseImportView extends VerticalLayout {

    private final Div result = new Div();

    CaseImportView(AuthoringService authoring, CaseUploadService legacy, org.calibra.security.CurrentUser currentUser) {
        setId("case-import");
        addClassName("page");
        result.setId("import-result");
        long max = authoring.maxUploadBytes();
        var upload = new Upload(new BoundedUpload(max, (name, bytes) -> {
            UploadResult outcome = authoring.upload(name, bytes);
            getUI().ifPresent(ui -> ui.access(() -> show(name, outcome)));
        }, why -> getUI().ifPresent(ui -> ui.access(() -> {
            result.removeAll();
            result.add(status("Not uploaded: " + why + "."));
        }))));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".zip", "application/zip");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        upload.addFileRejectedListener(e -> {
            result.removeAll();
            result.add(status("Not uploaded: " + e.getErrorMessage() + " (a .zip of at most " + (max >> 20) + " MB is accepted)"));
        });
        add(new H1("Import cases"),
                new Paragraph("Upload a .zip of DICOM files, in any folder structure — with a case.yaml (docs/content-format.md), without one,"
                        + " or a bundle exported from a case page. It becomes a draft: nobody reads it until a second educator of your"
                        + " institution approves it. Every file is de-identified (DICOM PS3.15 Basic Profile) before anything is stored,"
                        + " and nothing is stored if any file cannot be used."),
                upload, result);
        var held = new LegacyHeldVersions(legacy, currentUser.require().id());
        if (held.hasAny()) {
            add(held);
        }
    }

    private void show(String fileName, UploadResult o) {
        result.removeAll();
        if (!o.created()) {
            result.add(status(fileName + " was not imported; nothing was stored. Fix these and upload again:"));
            var list = new UnorderedList();
            list.setId("import-problems");
            o.refused().forEach(p -> list.add(new ListItem(p.toString())));
            result.add(list);
            return;
        }
        var d = o.draft();
        String named = d.title() == null || d.title().isBlank() ? "The uploaded case" : "“" + d.title() + "”"; // a title, never the id
        result.add(status(named + " is a draft" + (d.baseVersionId() != null ? " of the next version of your published case" : "")
                + (d.source().equals("skeleton") ? ", with a case.yaml written from the images: fill in every field the problems name" : "")
                + ". " + (d.problems().isEmpty() ? "The checks found no problem: send it for review on its page."
                : d.problems().size() + " problem(s) to fix on its page before review.")));
        var link = new RouterLink("Open the draft", DraftView.class, new RouteParameters("draftId", Long.toString(d.id())));
        link.setId("import-draft-link");
        result.add(link);
        if (!d.flagged().isEmpty()) {
            var flags = new UnorderedList();
            flags.setId("import-flags");
            d.flagged().forEach(f -> flags.add(new ListItem(f.file() + ": " + f.reason())));
            result.add(new Paragraph("Images that may show burned-in text (the reviewer looks at each before approving):"), flags);
        }
        var report = new Pre(o.report());
        report.setId("import-report");
        report.getStyle().set("white-space", "pre-wrap");
        result.add(report);
    }

    private static Paragraph status(String text) {
        var p = new Paragraph(text);
        p.setId("import-status");
        return p;
    }
}
