package org.calibra.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.institution.InstitutionInfo;
import org.calibra.institution.InstitutionService;

/** Admins add institutions and rename them; the slug, which curricula name, never changes. */
@Route("admin/institutions")
@PageTitle("Institutions — Calibra")
@Menu(order = 10, title = "Institutions", icon = "vaadin:institution")
@RolesAllowed(Role.ADMIN_NAME)
class InstitutionsView extends VerticalLayout {

    private final Grid<InstitutionInfo> grid = new Grid<>();
    private final InstitutionService institutions;

    InstitutionsView(InstitutionService institutions, CurrentUser currentUser) {
        this.institutions = institutions;
        setId("institutions-view");
        addClassName("page");
        setSizeFull();
        long adminId = currentUser.require().id();
        grid.setId("institutions");
        grid.addComponentColumn(i -> {
            var name = new TextField();
            name.setValue(i.name());
            name.setId("name-" + i.slug());
            name.setAriaLabel("Name of " + i.name()); // a field in a table cell has no visible label of its own
            name.setWidthFull();
            name.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> institutions.rename(i.id(), e.getValue(), adminId), "Renamed to " + e.getValue().strip());
                }
            });
            return name;
        }).setHeader("Name").setFlexGrow(1);
        grid.addColumn(InstitutionInfo::slug).setHeader("Short name (used in curriculum files)").setAutoWidth(true);
        var newName = new TextField("New institution");
        newName.setId("new-institution");
        var add = new Button("Add", e -> act(() -> institutions.createByAdmin(newName.getValue(), adminId), "Added " + newName.getValue().strip()));
        add.setId("add-institution");
        var form = new HorizontalLayout(newName, add);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        refresh();
        add(new H1("Institutions"), new Paragraph("Each programme and each person belongs to one institution. Educators oversee only their "
                + "institution's curricula, cases and residents; residents see only their institution's curricula. Keycloak users join "
                + "the institution named by their group under /institutions."), form, grid);
    }

    private void act(Runnable change, String done) {
        try {
            change.run();
            Notification.show(done);
        } catch (IllegalArgumentException refused) {
            Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(institutions.list());
    }
}
