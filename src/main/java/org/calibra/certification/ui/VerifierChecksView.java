package org.calibra.certification.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.calibra.certification.CheckedCredential;
import org.calibra.certification.CredentialService;
import org.calibra.certification.verification.VerificationWords;
import org.calibra.security.Role;

/**
 * A verifier's checks, newest first, with each credential's status as it is now (re-checked on opening). Items checked
 * together in a bulk run say so, and which run, so a run of 40 reads as one run rather than 40 unrelated checks.
 */
@Route("verifier/checks")
@PageTitle("Credentials I checked — Calibra")
@Menu(order = 7, title = "Credentials I checked", icon = "vaadin:clipboard-check")
@RolesAllowed(Role.VERIFIER_NAME)
class VerifierChecksView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    VerifierChecksView(CredentialService credentials) {
        setId("verifier-checks-view");
        addClassName("page");
        setSizeFull();
        var mine = credentials.myChecks();
        // a run is named by when it started: its earliest item (the list is newest first)
        Map<String, Instant> runStarted = new HashMap<>();
        mine.stream().filter(c -> c.bulkRun() != null).forEach(c -> runStarted.merge(c.bulkRun().id(), c.checkedAt(),
                (a, b) -> a.isBefore(b) ? a : b));
        var grid = new Grid<CheckedCredential>();
        grid.setId("checks-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(c -> TIME.format(c.checkedAt())).setHeader("Checked").setAutoWidth(true);
        grid.addColumn(c -> c.bulkRun() == null ? "On its own" : "In a bulk check of " + c.bulkRun().items() + " started "
                + TIME.format(runStarted.get(c.bulkRun().id()))).setHeader("How").setAutoWidth(true);
        grid.addColumn(c -> c.holderName() == null ? "—" : c.holderName()).setHeader("Holder").setAutoWidth(true);
        grid.addColumn(c -> c.title() == null ? "—" : c.title()).setHeader("Certificate").setFlexGrow(1);
        grid.addColumn(c -> c.outcomeThenKnown() == null ? "—" : VerificationWords.word(c.outcomeThenKnown())).setHeader("Then").setAutoWidth(true);
        grid.addColumn(c -> c.outcomeNow() == null ? "—" : VerificationWords.word(c.outcomeNow())).setHeader("Now").setAutoWidth(true);
        grid.addColumn(c -> c.publicId() == null ? "—" : c.publicId()).setHeader("Certificate ID").setAutoWidth(true);
        grid.setItems(mine);
        var bulk = new Anchor(BulkVerifyView.ROUTE, "Check many certificates at once");
        bulk.setId("checks-bulk-link");
        add(new H1("Credentials I checked"), new Paragraph(mine.isEmpty()
                ? "Nothing yet. Checks you make while signed in (verification pages, pasted credentials, bulk checks) are listed here."
                : "Your latest checks, newest first. 'Now' is the status as of opening this page."), bulk, grid);
    }
}
