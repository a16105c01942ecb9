package org.calibra.security;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Admins see the accounts and change local accounts' roles and institutions (audited; Keycloak accounts take both from Keycloak). */
@Route("users")
@PageTitle("Calibra — Users")
@Menu(order = 9, title = "Users", icon = "vaadin:users")
@RolesAllowed(Role.ADMIN_NAME)
class UsersView extends VerticalLayout {

    private final Grid<UserSummary> grid = new Grid<>();
    private final UserService users;

    UsersView(UserService users, CurrentUser currentUser, org.calibra.institution.InstitutionService institutions) {
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
        grid.addComponentColumn(u -> {
            var institution = new Select<org.calibra.institution.InstitutionInfo>();
            institution.setItems(institutions.list());
            institution.setItemLabelGenerator(org.calibra.institution.InstitutionInfo::name);
            institution.setValue(institutions.byId(u.institutionId()).orElse(null));
            institution.setEnabled(u.enabled());
            institution.setId("institution-" + u.username());
            institution.addValueChangeListener(e -> {
                if (!e.isFromClient() || e.getValue() == null) {
                    return;
                }
                try {
                    users.changeInstitution(u.id(), e.getValue().id(), currentUser.require().id());
                    Notification.show(u.username() + " now belongs to " + e.getValue().name());
                } catch (IllegalArgumentException refused) {
                    Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
                refresh();
            });
            return institution;
        }).setHeader("Institution").setAutoWidth(true);
        grid.addColumn(u -> u.enabled() ? "active" : "disabled").setHeader("Status").setAutoWidth(true);
        refresh();
        add(new H1("Users"), grid);
    }

    private void refresh() {
        grid.setItems(users.listUsers());
    }
}
