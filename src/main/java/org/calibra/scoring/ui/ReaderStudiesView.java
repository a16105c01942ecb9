package org.calibra.scoring.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.scoring.ReaderStudyExport;
import org.calibra.security.Role;

/**
 * Educators download a module's reads as a JAFROC reader study, to analyse in RJafroc or with {@code ./calibra fom}.
 * Each module says in words whether there is anything to export ({@link ReaderStudyExport#availability}, the same
 * selection the export makes), and offers the download only when it would succeed.
 */
@Route("studies")
@PageTitle("Reader studies — Calibra")
@Menu(order = 4, title = "Reader studies", icon = "vaadin:chart")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class ReaderStudiesView extends VerticalLayout {

    ReaderStudiesView(CurriculumService curricula, ReaderStudyExport export, org.calibra.security.CurrentUser currentUser) {
        setId("reader-studies");
        addClassName("page");
        add(new H1("Reader studies"), new Paragraph("Each module's reads as a JAFROC/RJafroc data set: truth.csv, nl.csv and ll.csv "
                + "with integer case ids, cases.csv saying which case each id stands for, and a README. Residents appear under "
                + "pseudonyms (R + account number); the AI is a reader of its own. Second-reader modules give two modalities, unaided "
                + "and with-ai. The design is fully crossed: only residents who read at least the module's minimum of cases in their "
                + "latest attempt are included, over the cases they all read."));
        for (var c : curricula.overseenBy(currentUser.require())) {
            add(new H3(c.title()));
            for (var m : c.modules()) {
                add(row(m, export.availability(m.id())));
            }
        }
    }

    private static Div row(ModuleInfo m, ReaderStudyExport.Availability availability) {
        var status = new Paragraph(availability.inWords());
        status.setId("export-status-" + m.slug());
        var row = new Div(new Span(m.title() + " · " + m.readingMode().displayName() + " · " + m.caseSlugs().size() + " cases"), status);
        if (availability.exportable()) {
            var link = new Anchor("export/modules/" + m.id() + "/jafroc.zip", "Download JAFROC data");
            link.getElement().setAttribute("download", true);
            link.getElement().setAttribute("aria-label", "Download JAFROC data of " + m.title());
            link.setId("export-" + m.slug());
            row.add(link);
        }
        row.addClassName("case-row");
        return row;
    }
}
