package org.calibra.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.audit.PersonalDataService;
import org.calibra.security.Role;
import org.calibra.security.UserService;
import org.calibra.security.UserSummary;

/** Admins erase a user's personal data; reads stay, anonymised (docs/security.md, "Personal data"). */
@Route("erasure")
@PageTitle("Erase personal data — Calibra")
@Menu(order = 11, title = "Erase personal data", icon = "vaadin:eraser")
@RolesAllowed(Role.ADMIN_NAME)
class ErasureView extends VerticalLayout {

    private final Grid<UserSummary> grid = new Grid<>();
    private final UserService users;

    ErasureView(UserService users, PersonalDataService personalData, org.calibra.security.CurrentUser currentUser) {
        this.users = users;
        long me = currentUser.require().id();
        setId("erasure-view");
        addClassName("page");
        setSizeFull();
        grid.addColumn(UserSummary::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setFlexGrow(1);
        grid.addColumn(u -> u.role().displayName()).setHeader("Role").setAutoWidth(true);
        grid.addComponentColumn(u -> {
            if (u.id() == me) { // no accidental self-erasure; the service refuses it too
                return new com.vaadin.flow.component.html.Span("Your own account: another administrator erases it");
            }
            var erase = new Button("Erase…", e -> confirm(u, personalData));
            erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            erase.setEnabled(u.enabled() || !u.username().startsWith("erased-"));
            erase.setId("erase-" + u.username());
            return erase;
        }).setHeader("Erase").setAutoWidth(true);
        refresh();
        add(new H1("Erase personal data"), new Paragraph("Replaces the user's name and username by a pseudonym and disables the account "
                + "for good. Their reads and scores stay, anonymised, because certificates and statistics rest on them. "
                + "With Keycloak, also delete the user there."), grid);
    }

    /**
     * Asks before erasing. A plain dialog, not Vaadin's ConfirmDialog, because that one focuses its confirm button on
     * opening: here Enter or Space right after the click must cancel, not erase an account for good.
     */
    private void confirm(UserSummary u, PersonalDataService personalData) {
        var dialog = new Dialog("Erase " + u.displayName() + "?");
        dialog.add(new Paragraph("This cannot be undone. The account becomes 'erased-" + u.id() + "' and is disabled."));
        var cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("erase-cancel");
        var erase = new Button("Erase", e -> {
            try {
                personalData.erase(u.id());
            } catch (IllegalArgumentException refused) { // e.g. the admin's own account
                dialog.close();
                Notification.show(refused.getMessage());
                return;
            }
            dialog.close();
            Notification.show("Personal data of " + u.displayName() + " erased.");
            refresh();
        });
        erase.setId("erase-confirm");
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, erase);
        dialog.open();
        cancel.focus();
    }

    private void refresh() {
        grid.setItems(users.listUsers());
    }
}
