package org.calibra.curriculum.builder.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.curriculum.builder.CurriculumBuilder;
import org.calibra.security.CurrentUser;
import org.calibra.security.Role;

/** A new curriculum of the educator's institution, in the builder. */
@Route("curricula/new")
@PageTitle("New curriculum — Calibra")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class NewCurriculumView extends CurriculumEditor {

    NewCurriculumView(CurriculumBuilder builder, CurrentUser currentUser) {
        super(builder, currentUser);
        edit(builder.newDraft(currentUser.require()));
    }
}
