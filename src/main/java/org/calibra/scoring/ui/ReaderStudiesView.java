package org.calibra.scoring.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.curriculum.CurriculumService;
import org.calibra.security.Role;

/** Educators download a module's reads as a JAFROC reader study, to analyse in RJafroc or with {@code ./calibra fom}. */
@Route("studies")
@PageTitle("Reader studies — Calibra")
@Menu(order = 4, title = "Reader studies", icon = "vaadin:chart")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class ReaderStudiesView extends VerticalLayout {

    ReaderStudiesView(CurriculumService curricula, org.calibra.security.CurrentUser currentUser) {
        setId("reader-studies");
        addClassName("page");
        add(new H2("Reader studies"), new Paragraph("Each module's reads as a JAFROC/RJafroc data set: truth.csv, nl.csv and ll.csv "
                + "with a README. Residents appear under pseudonyms (R + account number); the AI is a reader of its own. Second-reader "
                + "modules give two modalities, unaided and with-ai. Only residents who read every case are included (a fully crossed "
                + "design), so a module can be exported once at least one resident has finished it."));
        for (var c : curricula.overseenBy(currentUser.require())) {
            add(new H3(c.title()));
            for (var m : c.modules()) {
                var link = new Anchor("export/modules/" + m.id() + "/jafroc.zip", "Download JAFROC data");
                link.getElement().setAttribute("download", true);
                link.setId("export-" + m.slug());
                var row = new Div(new Span(m.title() + " · " + m.readingMode().displayName() + " · " + m.caseSlugs().size() + " cases"), link);
                row.addClassName("case-row");
                add(row);
            }
        }
    }
}
