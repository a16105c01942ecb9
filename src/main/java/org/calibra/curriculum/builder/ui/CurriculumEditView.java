package org.calibra.curriculum.builder.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.curriculum.builder.CurriculumBuilder;
import org.calibra.security.CurrentUser;
import org.calibra.security.Role;

/** The latest version of a curriculum in the builder, for an educator of its institution (or an admin). */
@Route("curricula/:slug/edit")
@PageTitle("Edit curriculum — Calibra")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class CurriculumEditView extends CurriculumEditor implements BeforeEnterObserver {

    private final CurriculumBuilder builder;
    private final CurrentUser currentUser;

    CurriculumEditView(CurriculumBuilder builder, CurrentUser currentUser) {
        super(builder, currentUser);
        this.builder = builder;
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        var draft = builder.open(slug, currentUser.require());
        if (draft.isPresent()) {
            edit(draft.get());
        } else {
            removeAll();
            var p = new Paragraph("There is no curriculum '" + slug + "' that you may edit: only educators of the institution that owns a"
                    + " curriculum may change it.");
            p.setId("curriculum-not-editable");
            add(p);
        }
    }
}
