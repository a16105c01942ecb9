package org.calibra.certification.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.calibra.certification.CheckedCredential;
import org.calibra.certification.CredentialService;
import org.calibra.security.Role;

/** A verifier's checks, newest first, with each credential's status as it is now (re-checked on opening). */
@Route("verifier/checks")
@PageTitle("Calibra — Credentials I checked")
@Menu(order = 7, title = "Credentials I checked", icon = "vaadin:clipboard-check")
@RolesAllowed(Role.VERIFIER_NAME)
class VerifierChecksView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    VerifierChecksView(CredentialService credentials) {
        setId("verifier-checks-view");
        addClassName("page");
        setSizeFull();
        var grid = new Grid<CheckedCredential>();
        grid.setId("checks-grid");
        grid.addColumn(c -> TIME.format(c.checkedAt())).setHeader("Checked").setAutoWidth(true);
        grid.addColumn(c -> c.holderName() == null ? "—" : c.holderName()).setHeader("Holder").setAutoWidth(true);
        grid.addColumn(c -> c.title() == null ? "—" : c.title()).setHeader("Certificate").setFlexGrow(1);
        grid.addColumn(CheckedCredential::outcomeThen).setHeader("Then").setAutoWidth(true);
        grid.addColumn(c -> c.outcomeNow() == null ? "—" : c.outcomeNow().name()).setHeader("Now").setAutoWidth(true);
        grid.addColumn(c -> c.publicId() == null ? "—" : c.publicId()).setHeader("Certificate ID").setAutoWidth(true);
        var mine = credentials.myChecks();
        grid.setItems(mine);
        add(new H1("Credentials I checked"), new Paragraph(mine.isEmpty()
                ? "Nothing yet. Checks you make while signed in (verification pages, pasted credentials) are listed here."
                : "Your checks, newest first. 'Now' is the status as of opening this page."), grid);
    }
}
