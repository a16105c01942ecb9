package org.calibra.competency.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.calibra.curriculum.CurriculumService;
import org.calibra.reading.AttemptInfo;
import org.calibra.reading.AttemptOversight;
import org.calibra.security.CurrentUser;
import org.calibra.security.Role;
import org.calibra.security.UserService;
import org.calibra.security.UserSummary;

/**
 * Where an educator follows their residents: for each module of their institution's curricula, every resident's
 * latest attempt and its status, with the decision record behind it. Admins see every institution's.
 */
@Route("trainees")
@PageTitle("Trainees — Calibra")
@Menu(order = 3, title = "Trainees", icon = "vaadin:academy-cap")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class TraineesView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

    record Row(String resident, AttemptInfo attempt) {}

    TraineesView(CurriculumService curricula, AttemptOversight oversight, UserService users, CurrentUser currentUser) {
        setId("trainees-view");
        addClassName("page");
        add(new H2("Trainees"), new Paragraph("Each resident's latest attempt at each module of your institution's curricula. "
                + "The decision record shows every read that counted and how each threshold was evaluated."));
        UserSummary me = currentUser.require();
        for (var c : curricula.overseenBy(me)) {
            add(new H3(c.title()));
            for (var m : c.modules()) {
                var rows = oversight.latestAttemptInfosOfModule(m.id()).stream()
                        .map(a -> new Row(users.findById(a.userId()).map(UserSummary::displayName).orElse("account " + a.userId()), a)).toList();
                var grid = new Grid<Row>();
                grid.setId("trainees-" + m.slug());
                grid.setAllRowsVisible(true);
                grid.addColumn(Row::resident).setHeader(m.title()).setFlexGrow(1);
                grid.addColumn(r -> "attempt " + r.attempt().number()).setHeader("Attempt").setAutoWidth(true);
                grid.addColumn(r -> switch (r.attempt().status()) {
                    case IN_PROGRESS -> "in progress";
                    case PASSED -> "passed";
                    case NOT_PASSED -> "not passed";
                }).setHeader("Status").setAutoWidth(true);
                grid.addColumn(r -> DAY.format(r.attempt().startedAt())).setHeader("Started").setAutoWidth(true);
                grid.addComponentColumn(r -> new Anchor("decisions/" + r.attempt().id(), "Decision record")).setHeader("").setAutoWidth(true);
                grid.setEmptyStateText("No resident has started this module yet.");
                add(grid);
            }
        }
    }
}
