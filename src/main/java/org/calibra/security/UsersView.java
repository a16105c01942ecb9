package org.calibra.security;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Admins see the accounts and change local accounts' roles (audited; Keycloak accounts take theirs from Keycloak). */
@Route("users")
@PageTitle("Users — Calibra")
@Menu(order = 9, title = "Users", icon = "vaadin:users")
@RolesAllowed(Role.ADMIN_NAME)
class UsersView extends VerticalLayout {

    private final Grid<UserSummary> grid = new Grid<>();
    private final UserService users;

    UsersView(UserService users, CurrentUser currentUser) {
        this.users = users;
        setId("users-view");
        addClassName("page");
        setSizeFull();
        grid.addColumn(UserSummary::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setFlexGrow(1);
        grid.addComponentColumn(u -> {
            var role = new Select<Role>();
            role.setItems(Role.values());
            role.setItemLabelGenerator(Role::displayName);
            role.setValue(u.role());
            role.setEnabled(u.enabled());
            role.setId("role-" + u.username());
            role.addValueChangeListener(e -> {
                if (!e.isFromClient() || e.getValue() == null) {
                    return;
                }
                try {
                    users.changeRole(u.id(), e.getValue(), currentUser.require().id());
                    Notification.show(u.username() + " is now " + e.getValue().displayName());
                } catch (IllegalArgumentException refused) {
                    Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
                refresh();
            });
            return role;
        }).setHeader("Role").setAutoWidth(true);
        grid.addColumn(u -> u.enabled() ? "active" : "disabled").setHeader("Status").setAutoWidth(true);
        refresh();
        add(new H2("Users"), grid);
    }

    private void refresh() {
        grid.setItems(users.listUsers());
    }
}
