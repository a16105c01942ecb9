package org.calibra.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.CaseOverview;
import org.calibra.security.Role;

/**
 * The staff case library: every case an educator may see — the shared bundled library and their institution's — with its
 * state (draft, in review, published, retired) and where it comes from; each opens on its page, a draft on the draft's.
 */
@Route("cases")
@PageTitle("Calibra — Case library")
@Menu(order = 3, title = "Case library", icon = "vaadin:records")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class CaseLibraryView extends VerticalLayout {

    CaseLibraryView(AuthoringService authoring) {
        setId("case-library");
        addClassName("page");
        setSizeFull();
        var grid = new Grid<CaseOverview>();
        grid.addComponentColumn(CaseLibraryView::open).setHeader("Case").setFlexGrow(1);
        grid.addColumn(CaseOverview::slug).setHeader("Id").setAutoWidth(true);
        grid.addColumn(CaseOverview::stateInWords).setHeader("State").setAutoWidth(true);
        grid.addColumn(c -> c.version() == null ? "not yet published" : "version " + c.version()).setHeader("Version").setAutoWidth(true);
        grid.addColumn(CaseOverview::modality).setHeader("Modality").setAutoWidth(true);
        grid.addColumn(c -> (c.bundled() ? "bundled library (cases/)" : "made in the app") + (c.synthetic() ? ", synthetic images" : ""))
                .setHeader("Comes from").setAutoWidth(true);
        grid.addColumn(c -> Words.when(c.updatedAt())).setHeader("Last change").setAutoWidth(true);
        var items = authoring.library();
        grid.setItems(items);
        grid.setEmptyStateText("No cases yet. Import one (Import cases), or add case folders under cases/ (docs/content-format.md).");
        grid.setAriaLabel("Cases");
        var importLink = new Button("Import a case", e -> getUI().ifPresent(ui -> ui.navigate(CaseImportView.class)));
        importLink.setId("library-import");
        var reviews = new Button("Review queue", e -> getUI().ifPresent(ui -> ui.navigate(ReviewQueueView.class)));
        reviews.setId("library-reviews");
        add(new H1("Case library"), new Paragraph(items.size() + " case(s). Cases from cases/ are changed in the repository; cases made in"
                + " the app are changed through drafts that a second educator reviews before they are published."),
                new HorizontalLayout(importLink, reviews), grid);
    }

    private static RouterLink open(CaseOverview c) {
        var link = c.openDraftId() != null && c.version() == null
                ? new RouterLink(title(c), DraftView.class, new RouteParameters("draftId", Long.toString(c.openDraftId())))
                : new RouterLink(title(c), CasePageView.class, new RouteParameters("slug", c.slug()));
        link.setId("case-link-" + c.slug());
        return link;
    }

    private static String title(CaseOverview c) {
        return c.title() == null || c.title().isBlank() ? c.slug() : c.title();
    }
}
