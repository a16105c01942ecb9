package org.calibra.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import org.calibra.audit.AuditChain;
import org.calibra.audit.AuditEntry;
import org.calibra.audit.AuditLog;
import org.calibra.audit.ChainVerification;
import java.util.Map;
import java.util.stream.Collectors;
import org.calibra.security.Role;
import org.calibra.security.UserService;
import org.calibra.security.UserSummary;

/** Admins read the latest audit entries and verify the whole hash chain. */
@Route("audit")
@PageTitle("Calibra — Audit trail")
@Menu(order = 10, title = "Audit trail", icon = "vaadin:records")
@RolesAllowed(Role.ADMIN_NAME)
class AuditView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Paragraph result = new Paragraph();

    AuditView(AuditLog log, AuditChain chain, UserService users) {
        setId("audit-view");
        addClassName("page");
        setSizeFull();
        var verify = new Button("Verify the chain", e -> show(chain.verify()));
        verify.setId("verify-chain");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("chain-result");
        var grid = new Grid<AuditEntry>();
        grid.setId("audit-entries");
        grid.addColumn(AuditEntry::seq).setHeader("#").setAutoWidth(true);
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader("When (UTC)").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("What").setAutoWidth(true);
        // the chain holds account ids only; names are looked up now (an erased user shows as erased-<id>)
        Map<Long, String> names = users.listUsers().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::username));
        grid.addColumn(e -> e.actorId() == null ? "system" : names.getOrDefault(e.actorId(), "user " + e.actorId())).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditEntry::subject).setHeader("About").setAutoWidth(true);
        grid.addColumn(AuditEntry::ip).setHeader("From").setAutoWidth(true);
        grid.addColumn(AuditEntry::details).setHeader("Details").setFlexGrow(1);
        grid.addColumn(e -> e.entryHash().substring(0, 12) + "…").setHeader("Hash").setAutoWidth(true);
        grid.setItems(log.latest(500));
        add(new H1("Audit trail"), new Paragraph("The latest 500 entries. Each entry carries the hash of the one before it; "
                + "verifying recomputes every hash from the first entry on."), verify, result, grid);
    }

    private void show(ChainVerification v) {
        result.setText(v.intact() ? "Intact: %d %s verified.".formatted(v.entriesChecked(), v.entriesChecked() == 1 ? "entry" : "entries")
                : "BROKEN at entry %d: %s (%d entries before it verified).".formatted(v.firstBrokenSeq(), v.problem(), v.entriesChecked()));
        result.getElement().setAttribute("data-intact", Boolean.toString(v.intact()));
    }
}
