package org.calibra.casebank.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import org.calibra.casebank.CaseUploadService;
import org.calibra.casebank.UploadOutcome;
import org.calibra.security.CurrentUser;
import org.calibra.security.Role;

/**
 * Educators upload a .zip of real DICOM (with or without case.yaml). They see what de-identification changed, get a
 * clean bundle to complete when there was no case.yaml, and publish or reject versions held for burned-in text.
 */
@Route("cases/import")
@PageTitle("Import cases — Calibra")
@Menu(order = 3.5, title = "Import cases", icon = "vaadin:upload")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class CaseImportView extends VerticalLayout {

    private final Div result = new Div();
    private final PendingReviews pending;

    CaseImportView(CaseUploadService uploads, CurrentUser currentUser) {
        this.pending = new PendingReviews(uploads, currentUser);
        setId("case-import");
        addClassName("page");
        result.setId("import-result");
        long userId = currentUser.require().id();
        var upload = new Upload(new BoundedUpload(uploads.maxUploadBytes(), (name, bytes) -> {
            UploadOutcome outcome = uploads.upload(name, bytes, userId);
            getUI().ifPresent(ui -> ui.access(() -> show(name, outcome)));
        }, why -> getUI().ifPresent(ui -> ui.access(() -> {
            result.removeAll();
            result.add(status("Not uploaded: " + why + "."));
        }))));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".zip", "application/zip");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, uploads.maxUploadBytes()));
        upload.addFileRejectedListener(e -> {
            result.removeAll();
            result.add(status("Not uploaded: " + e.getErrorMessage() + " (a .zip of at most "
                    + (uploads.maxUploadBytes() >> 20) + " MB is accepted)"));
        });
        add(new H2("Import cases"),
                new Paragraph("Upload a .zip of DICOM files, in any folder structure. With a case.yaml (docs/content-format.md) it becomes a case"
                        + " version; without one you get a clean bundle with a case.yaml to complete. Every file is de-identified"
                        + " (DICOM PS3.15 Basic Profile) before anything is stored, and nothing is stored if any file cannot be used."),
                upload, result, new H3("Held for review"), pending);
        pending.refresh();
    }

    private void show(String fileName, UploadOutcome o) {
        result.removeAll();
        switch (o.kind()) {
            case FAILED -> {
                result.add(status(fileName + " was not imported; nothing was stored. Fix these and upload again:"));
                var list = new UnorderedList();
                list.setId("import-problems");
                o.problems().forEach(p -> list.add(new ListItem(p.toString())));
                result.add(list);
                return;
            }
            case SKELETON -> {
                result.add(status("No case.yaml: download the clean bundle, fill in every field marked TODO in its case.yaml, and upload it again."));
                byte[] zip = o.cleanBundle();
                var link = new Anchor(DownloadHandler.fromInputStream(ev -> new DownloadResponse(new ByteArrayInputStream(zip),
                        fileName.replaceAll("\\.zip$", "") + "-clean.zip", "application/zip", zip.length)), "Download the clean bundle");
                link.setId("import-download");
                result.add(link);
            }
            case PENDING_REVIEW -> result.add(status("'" + o.slug() + "' v" + o.version() + " is held for review: look at the flagged images"
                    + " for burned-in names or dates, then publish or reject it below. Until then no module uses it."));
            case PUBLISHED -> result.add(status("'" + o.slug() + "' v" + o.version() + " is published."));
            case UNCHANGED -> result.add(status("'" + o.slug() + "' v" + o.version() + " already has exactly this content; nothing changed."));
        }
        if (!o.flagged().isEmpty()) {
            var flags = new UnorderedList();
            flags.setId("import-flags");
            o.flagged().forEach(f -> flags.add(new ListItem(f)));
            result.add(new Paragraph("Images that may show burned-in text:"), flags);
        }
        var report = new Pre(o.report());
        report.setId("import-report");
        report.getStyle().set("white-space", "pre-wrap");
        result.add(report);
        pending.refresh();
    }

    private static Paragraph status(String text) {
        var p = new Paragraph(text);
        p.setId("import-status");
        return p;
    }
}
