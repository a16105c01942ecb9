package org.calibra.curriculum.builder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.calibra.curriculum.builder.CurriculumBuilder;
import org.calibra.security.CurrentUser;
import org.calibra.security.Role;
import org.calibra.shared.web.BoundedUpload;

/**
 * The curricula an educator may edit (their institution's; an admin's: all), with what each holds and its current
 * version; a new one, the editor, the YAML of the latest version, and a YAML file uploaded through the same checks.
 */
@Route("curricula")
@PageTitle("Curricula — Calibra")
@Menu(order = 3.7, title = "Curricula", icon = "vaadin:book")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class CurriculaView extends VerticalLayout {

    static final int MAX_UPLOAD = 1 << 20;

    private final CurriculumBuilder builder;
    private final CurrentUser currentUser;
    private final Div uploadResult = new Div();
    private final Grid<CurriculumBuilder.CurriculumRow> grid = new Grid<>();

    CurriculaView(CurriculumBuilder builder, CurrentUser currentUser) {
        this.builder = builder;
        this.currentUser = currentUser;
        setId("curricula");
        addClassName("page");
        var create = new Button("New curriculum", e -> getUI().ifPresent(ui -> ui.navigate(NewCurriculumView.class)));
        create.setId("new-curriculum");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.addColumn(CurriculumBuilder.CurriculumRow::title).setHeader("Curriculum").setFlexGrow(1);
        grid.addColumn(r -> r.moduleTitles().size() + ": " + String.join(", ", r.moduleTitles())).setHeader("Modules").setFlexGrow(2);
        grid.addColumn(r -> "version " + r.version()).setHeader("Current version").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true);
        grid.setAriaLabel("Curricula you may edit");
        grid.setEmptyStateText("No curricula of your institution yet. Start one with New curriculum, or upload a curriculum file.");
        grid.setAllRowsVisible(true);
        grid.setId("curricula-grid");

        // the browser's size check can be bypassed: the server reads at most MAX_UPLOAD bytes and refuses the rest in words
        var upload = new Upload(uploadHandler(bytes -> getUI().ifPresent(ui -> ui.access(() -> uploaded(bytes))),
                why -> getUI().ifPresent(ui -> ui.access(() -> refused(why)))));
        upload.setId("upload-curriculum");
        upload.setAcceptedFileTypes(".yaml", ".yml", "application/yaml", "text/yaml", "text/plain");
        upload.setMaxFileSize(MAX_UPLOAD);
        upload.addFileRejectedListener(e -> refused(e.getFileName() + ": " + e.getErrorMessage() + " (a curriculum file of at most "
                + BoundedUpload.sizeInWords(MAX_UPLOAD) + " is accepted)"));
        upload.setDropLabel(new com.vaadin.flow.component.html.Span("Upload YAML: drop a curriculum file here (docs/curriculum-format.md)"));
        uploadResult.setId("upload-curriculum-result");

        add(new H1("Curricula"), new Paragraph("The programmes you may change: your institution's. Publishing a change makes a new"
                + " version; attempts already started keep the version they started on. A curriculum file (YAML) and this page are two"
                + " ways to the same format: download one, change it, and upload it, or build it here."), create, grid,
                new H3("Upload YAML"), upload, uploadResult);
        refresh();
    }

    private void refresh() {
        grid.setItems(builder.editable(currentUser.require()));
    }

    private HorizontalLayout actions(CurriculumBuilder.CurriculumRow row) {
        var edit = new Button("Edit", e -> getUI().ifPresent(ui -> ui.navigate(CurriculumEditView.class, new RouteParameters("slug", row.slug()))));
        edit.setId("edit-" + row.slug());
        edit.getElement().setAttribute("aria-label", "Edit " + row.title());
        var download = downloadLink(builder, currentUser, row.slug(), "Download YAML");
        download.setId("download-" + row.slug());
        download.getElement().setAttribute("aria-label", "Download YAML of " + row.title());
        return new HorizontalLayout(edit, download);
    }

    /** A link to the YAML of the latest version. */
    static Anchor downloadLink(CurriculumBuilder builder, CurrentUser currentUser, String slug, String text) {
        var user = currentUser.require();
        var link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] yaml = builder.source(slug, user).orElse("").getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(yaml), slug + ".yaml", "application/yaml", yaml.length);
        }), text);
        link.getElement().setAttribute("download", true);
        return link;
    }

    /** Curriculum files of at most {@link #MAX_UPLOAD} bytes, enforced on the server; a larger one is refused naming the file and the limit. */
    static UploadHandler uploadHandler(Consumer<byte[]> onReceived, Consumer<String> onRefused) {
        return new BoundedUpload(MAX_UPLOAD, (name, bytes) -> onReceived.accept(bytes), why -> onRefused.accept(why + "."));
    }

    private void refused(String why) {
        uploadResult.removeAll();
        uploadResult.add(new Paragraph("The file was not published: " + why));
    }

    private void uploaded(byte[] bytes) {
        var outcome = builder.upload(bytes, currentUser.require());
        uploadResult.removeAll();
        if (outcome.ok()) {
            var p = outcome.published();
            uploadResult.add(new Paragraph("Published as version " + p.version() + "."));
            if (!p.changes().isEmpty()) {
                var changes = new UnorderedList();
                p.changes().forEach(c -> changes.add(new ListItem(c)));
                uploadResult.add(changes);
            }
            refresh();
        } else {
            uploadResult.add(new Paragraph("The file was not published. " + outcome.problems().size() + " problem(s):"));
            var list = new UnorderedList();
            outcome.problems().forEach(p -> list.add(new ListItem(p.inWords())));
            uploadResult.add(list);
        }
    }
}
