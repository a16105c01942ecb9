package org.calibra.security;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Admins see the accounts. Managing them (and Keycloak) comes with the access-control issue. */
@Route("users")
@PageTitle("Users — Calibra")
@Menu(order = 9, title = "Users", icon = "vaadin:users")
@RolesAllowed(Role.ADMIN_NAME)
class UsersView extends VerticalLayout {

    UsersView(UserService users) {
        setId("users-view");
        addClassName("page");
        setSizeFull();
        var grid = new Grid<UserSummary>();
        grid.addColumn(UserSummary::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setFlexGrow(1);
        grid.addColumn(u -> u.role().displayName()).setHeader("Role").setAutoWidth(true);
        grid.addColumn(u -> u.enabled() ? "active" : "disabled").setHeader("Status").setAutoWidth(true);
        grid.setItems(users.listUsers());
        add(new H2("Users"), grid);
    }
}
