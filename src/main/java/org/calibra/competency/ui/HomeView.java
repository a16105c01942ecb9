package org.calibra.competency.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.calibra.competency.CompetencyService;
import org.calibra.competency.ModuleProgress;
import java.util.List;
import org.calibra.curriculum.CurriculumInfo;
import org.calibra.curriculum.CurriculumService;
import org.calibra.security.CurrentUser;
import org.calibra.shared.Routes;

/**
 * The start page: a resident's curricula and progress (which is competency's to say); for the other roles, where
 * their work is. It lives here rather than in the shell so that no module shows another module's wording.
 */
@Route(Routes.HOME)
@PageTitle("Calibra — Home")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PermitAll
class HomeView extends VerticalLayout {

    HomeView(CurrentUser currentUser, CurriculumService curricula, CompetencyService competency) {
        setId("home-view");
        addClassName("page");
        var user = currentUser.require();
        add(new H1("Welcome, " + user.displayName()));
        switch (user.role()) {
            case RESIDENT -> resident(curricula.listCurriculaOf(user.institutionId()), competency);
            case EDUCATOR -> pointer("Follow your institution's residents, module by module, down to each decision record.", "Trainees", "trainees");
            case VERIFIER -> pointer("Check a clinician's Calibra certificate by its ID or link.", "Verify a certificate", Routes.VERIFY);
            case ADMIN -> pointer("Manage the installation's accounts, their roles and institutions.", "Users", "users");
        }
    }

    private void resident(List<CurriculumInfo> list, CompetencyService competency) {
        if (list.isEmpty()) {
            var empty = new Paragraph("No curricula are available yet. Your educators publish them; check back later.");
            empty.addClassName("empty-state");
            add(empty);
            return;
        }
        add(new Paragraph("Work through each module: read the cases, compare with the AI, learn from the feedback."));
        for (CurriculumInfo c : list) {
            var card = new Div(new H3(c.title()), new Paragraph(c.description()));
            card.addClassName("curriculum-card");
            card.setId("curriculum-" + c.slug());
            c.modules().forEach(m -> card.add(moduleRow(competency.progress(m.id()))));
            add(card);
        }
    }

    private static Div moduleRow(ModuleProgress p) {
        var m = p.module();
        var title = new Span(m.title());
        title.addClassName("module-title");
        var status = new Span(ProgressText.status(p) + " · " + p.casesRead() + "/" + m.minimumCases() + " cases");
        status.addClassName("module-status");
        var bar = new ProgressBar(0, Math.max(1, m.minimumCases()), Math.min(p.casesRead(), m.minimumCases()));
        bar.getElement().setAttribute("aria-label", m.title() + ": cases read");
        var open = new Button(p.started() ? "Open" : "Start", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(Routes.module(m.id()))));
        open.setId("open-module-" + m.slug());
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var row = new Div(title, status, bar, open);
        row.addClassName("module-row");
        return row;
    }

    private void pointer(String text, String linkText, String route) {
        add(new Paragraph(text), new Anchor(route, linkText));
    }
}
