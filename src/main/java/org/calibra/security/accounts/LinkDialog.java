package org.calibra.security.accounts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import org.calibra.security.AccountAdministration.IssuedLink;
import org.calibra.security.AccountOverview;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Shows a one-time set-password link once, for the admin to copy and hand over. Calibra has no mail server, so it never
 * sends the link itself; only its hash is stored, so it cannot be shown again (issue a new one instead).
 */
public final class LinkDialog extends Dialog {

    public LinkDialog(IssuedLink issued, boolean invitation) {
        String link = linkFor(issued.token());
        AccountOverview who = issued.account();
        setHeaderTitle(invitation ? "Invitation for " + who.displayName() : "Password reset link for " + who.displayName());
        var field = new TextField(invitation ? "Invitation link" : "Password reset link");
        field.setValue(link);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId("one-time-link");
        var copy = new Button("Copy link", e -> {
            field.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", link);
            Notification.show("Link copied.");
        });
        copy.setId("copy-link");
        var done = new Button("Done", e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("link-done");
        add(new Paragraph("Calibra sends no e-mail: copy this link and give it to " + who.displayName() + " yourself, by a channel you trust. "
                + "It works once, until " + AccountOverviewWords.when(issued.expiresAt()) + ". It is shown only now; if it is lost, issue a new one."),
                field);
        if (!invitation) {
            add(new Paragraph("Their current password keeps working until they set a new one."));
        }
        getFooter().add(copy, done);
        setWidth("min(40rem, 95vw)");
    }

    /** The link on the address this admin reached Calibra by (the invitee's browser must reach the same one). */
    static String linkFor(String token) {
        var request = VaadinServletRequest.getCurrent();
        String base = request == null ? "" : ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest()).toUriString();
        return base + "/invite/" + token;
    }
}
