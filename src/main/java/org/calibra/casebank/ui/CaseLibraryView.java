package org.calibra.casebank.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.casebank.CaseService;
import org.calibra.casebank.CaseSummary;
import org.calibra.security.Role;

/** Educators and admins see every case's latest version, truth included. Authoring comes later. */
@Route("cases")
@PageTitle("Case library — Calibra")
@Menu(order = 3, title = "Case library", icon = "vaadin:records")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class CaseLibraryView extends VerticalLayout {

    CaseLibraryView(CaseService cases, org.calibra.security.CurrentUser currentUser) {
        setId("case-library");
        addClassName("page");
        setSizeFull();
        var grid = new Grid<CaseSummary>();
        grid.addColumn(CaseSummary::slug).setHeader("Case").setAutoWidth(true);
        grid.addColumn(c -> "v" + c.version()).setHeader("Version").setAutoWidth(true);
        grid.addColumn(CaseSummary::title).setHeader("Title").setFlexGrow(1);
        grid.addColumn(CaseSummary::modality).setHeader("Modality").setAutoWidth(true);
        grid.addColumn(CaseSummary::difficulty).setHeader("Difficulty").setAutoWidth(true);
        grid.addColumn(CaseSummary::truthDiagnosis).setHeader("Truth").setAutoWidth(true);
        grid.addColumn(c -> Math.round(c.aiScore() * 100) + "%").setHeader("AI score").setAutoWidth(true);
        grid.addColumn(CaseSummary::imageCount).setHeader("Images").setAutoWidth(true);
        grid.addColumn(c -> c.tags().contains(org.calibra.casebank.content.CaseManifest.SYNTHETIC_TAG) ? "synthetic" : "real images")
                .setHeader("Images from").setAutoWidth(true);
        grid.addColumn(CaseSummary::sourceLicence).setHeader("Licence").setAutoWidth(true);
        grid.addColumn(c -> ("upload".equals(c.origin()) ? "uploaded, " : "cases/, ") + c.status().toLowerCase().replace('_', ' '))
                .setHeader("Source, state").setAutoWidth(true);
        var items = cases.libraryFor(currentUser.require());
        grid.setItems(items);
        grid.setEmptyStateText("No cases loaded. Add case folders under cases/ (see docs/content-format.md).");
        add(new H2("Case library"), new Paragraph(items.size() + " case(s). Content is loaded from cases/ at start-up; a changed case becomes a new version."), grid);
    }
}
