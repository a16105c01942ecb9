package org.calibra.certification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.calibra.shared.Routes;

/** Where a hospital verifier types or pastes a certificate ID. */
@Route(Routes.VERIFY)
@PageTitle("Verify a certificate — Calibra")
@Menu(order = 5, title = "Verify a certificate", icon = "vaadin:check-circle")
@AnonymousAllowed
class VerifyLookupView extends VerticalLayout {

    VerifyLookupView() {
        setId("verify-lookup");
        addClassName("page");
        var id = new TextField("Certificate ID");
        id.setId("certificate-id-input");
        id.setWidth("28em");
        id.setHelperText("The ID printed on the certificate, or the last part of its link.");
        var check = new Button("Verify", e -> {
            // a pasted link may carry a query or fragment (e.g. from a QR scanner app) or a trailing slash: the id is the last segment
            String value = id.getValue().strip().replaceFirst("[?#].*$", "").replaceFirst("/+$", "").replaceFirst(".*/", "");
            if (!value.isEmpty()) {
                e.getSource().getUI().ifPresent(ui -> ui.navigate(Routes.verify(value)));
            }
        });
        check.setId("verify-button");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        add(new H1("Verify a certificate"), new Paragraph("Anyone can check a Calibra certificate: no account is needed."), id, check);
    }
}
