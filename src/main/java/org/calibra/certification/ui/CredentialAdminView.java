package org.calibra.certification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.calibra.certification.CertificateRecord;
import org.calibra.certification.CredentialAdminRow;
import org.calibra.certification.CredentialAdministration;
import org.calibra.security.Role;

/** Administrators revoke, suspend and reinstate certificates (always with a reason) and rotate the signing key. */
@Route("admin/credentials")
@PageTitle("Credentials — Calibra")
@Menu(order = 8, title = "Credentials", icon = "vaadin:key")
@RolesAllowed(Role.ADMIN_NAME)
class CredentialAdminView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CredentialAdministration credentials;
    private final VerticalLayout rows = new VerticalLayout();
    private final VerticalLayout keys = new VerticalLayout();
    private final TextField filter = new TextField();

    CredentialAdminView(CredentialAdministration credentials) {
        this.credentials = credentials;
        setId("credential-admin-view");
        addClassName("page");
        filter.setPlaceholder("Filter by holder, title or ID");
        filter.setId("credential-filter");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> refresh());
        filter.setWidth("24em");
        rows.setPadding(false);
        keys.setPadding(false);
        add(new H1("Certificates and credentials"), filter, rows, new H3("Signing keys"), new Paragraph(
                "New credentials are signed with the current key. Old keys stay published, so credentials they signed keep verifying."), keys);
        refresh();
    }

    private void refresh() {
        rows.removeAll();
        String f = filter.getValue().strip().toLowerCase(Locale.ROOT);
        var all = credentials.all().stream().filter(r -> f.isEmpty() || (r.holderName() + " " + r.title() + " " + r.publicId())
                .toLowerCase(Locale.ROOT).contains(f)).toList();
        if (all.isEmpty()) {
            rows.add(new Paragraph("No certificates."));
        }
        all.forEach(r -> rows.add(row(r)));
        keys.removeAll();
        credentials.signingKeys().forEach(k -> {
            var line = new Span(k.keyId() + " · " + k.algorithm() + (k.created() == null ? "" : " · created " + TIME.format(k.created()))
                    + (k.current() ? " · current" : ""));
            line.addClassName(k.current() ? "key-current" : "key-old");
            keys.add(line);
        });
        var algorithm = new Select<String>();
        algorithm.setLabel("Algorithm of the new key");
        algorithm.setItems("RS256", "ES256", "EdDSA");
        algorithm.setValue("RS256");
        algorithm.setId("rotate-algorithm");
        var rotate = new Button("Rotate signing key", e -> {
            var k = credentials.rotateKey(algorithm.getValue());
            Notification.show("New signing key " + k.keyId() + " (" + k.algorithm() + ") signs from now on.");
            refresh();
        });
        rotate.setId("rotate-key");
        var bar = new HorizontalLayout(algorithm, rotate);
        bar.setAlignItems(Alignment.BASELINE);
        keys.add(bar);
    }

    private Div row(CredentialAdminRow r) {
        var row = new Div();
        row.addClassName("credential-row");
        row.setId("credential-row-" + r.publicId());
        var status = new Span(r.status().name().toLowerCase(Locale.ROOT));
        status.addClassNames("cert-status", r.status().name().toLowerCase(Locale.ROOT));
        status.addClassName("credential-row-status");
        var text = new Span(r.holderName() + " — " + r.title() + " · issued " + DATE.format(r.issuedAt()) + ", valid until "
                + DATE.format(r.expiresAt()) + " · ID " + r.publicId() + (r.reason() == null ? "" : " · reason: " + r.reason()));
        row.add(status, new Span(" "), text);
        var actions = new HorizontalLayout();
        if (r.status() != CertificateRecord.Status.REVOKED) {
            actions.add(action("Revoke", "revoke", r, true));
            if (r.status() == CertificateRecord.Status.SUSPENDED) {
                actions.add(action("Reinstate", "reinstate", r, false));
            } else {
                actions.add(action("Suspend", "suspend", r, false));
            }
        }
        row.add(actions);
        return row;
    }

    private Button action(String label, String verb, CredentialAdminRow r, boolean danger) {
        var b = new Button(label, e -> confirm(label, verb, r));
        b.setId(verb + "-" + r.publicId());
        b.addClassName(verb + "-button");
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (danger) {
            b.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return b;
    }

    /** A reason is required; it is kept with the change and shown to administrators. */
    private void confirm(String label, String verb, CredentialAdminRow r) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(label + ": " + r.holderName() + " — " + r.title());
        var reason = new TextArea("Reason");
        reason.setId("status-reason");
        reason.setRequired(true);
        reason.setMaxLength(1000);
        reason.setWidth("30em");
        var ok = new Button(label, e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Give a reason: it is kept with the change.");
                return;
            }
            switch (verb) {
                case "revoke" -> credentials.revoke(r.publicId(), reason.getValue());
                case "suspend" -> credentials.suspend(r.publicId(), reason.getValue());
                default -> credentials.reinstate(r.publicId(), reason.getValue());
            }
            dialog.close();
            Notification.show("Certificate " + r.publicId() + ": " + verb + "d.");
            refresh();
        });
        ok.setId("confirm-status-change");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (verb.equals("revoke")) {
            ok.addThemeVariants(ButtonVariant.LUMO_ERROR);
            dialog.add(new Paragraph("Revocation is permanent: the credential will verify as revoked everywhere from now on."));
        }
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
        reason.focus();
    }
}
