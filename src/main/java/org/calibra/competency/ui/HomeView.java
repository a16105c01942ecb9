package org.calibra.competency.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import org.calibra.competency.CompetencyService;
import org.calibra.competency.ModuleProgress;
import org.calibra.curriculum.CurriculumInfo;
import org.calibra.curriculum.CurriculumService;
import org.calibra.reading.ReadingService;
import org.calibra.security.CurrentUser;
import org.calibra.shared.HomeCertificates;
import org.calibra.shared.Routes;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The start page. A resident's is a dashboard: the next step, progress per curriculum and module (the counts the module
 * page shows), certificates (revoked ones with the reason) and recent feedback. Other roles see their work in a few links.
 * It lives here rather than in the shell so that no module shows another module's wording.
 */
@Route(Routes.HOME)
@PageTitle("Home — Calibra")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PermitAll
class HomeView extends VerticalLayout {

    private static final int RECENT_FEEDBACK = 3;

    HomeView(CurrentUser currentUser, CurriculumService curricula, CompetencyService competency, ReadingService reading,
             ObjectProvider<HomeCertificates> certificates) {
        setId("home-view");
        addClassName("page");
        var user = currentUser.require();
        add(new H1("Welcome, " + user.displayName()));
        switch (user.role()) {
            case RESIDENT -> resident(curricula.listCurriculaOf(user.institutionId()), competency, reading, certificates.getIfAvailable());
            case EDUCATOR -> work(List.of(
                    new Link("Review queue", "cases/reviews", "cases other educators sent for your approval"),
                    new Link("Case library", "cases", "your drafts and the published cases"),
                    new Link("Curricula", "curricula", "build, change and publish modules"),
                    new Link("Trainees", "trainees", "your residents, module by module, down to each decision record")));
            case VERIFIER -> work(List.of(new Link("Verify a certificate", Routes.VERIFY, "check a clinician's certificate by its ID or link")));
            case ADMIN -> work(List.of(new Link("Users", "users", "accounts, their roles and institutions"),
                    new Link("Case library", "cases", "every institution's cases"), new Link("Curricula", "curricula", "every curriculum")));
        }
    }

    private void resident(List<CurriculumInfo> list, CompetencyService competency, ReadingService reading, HomeCertificates certificates) {
        if (list.isEmpty()) {
            var empty = new Paragraph("No curricula are available yet. Your educators publish them; check back later.");
            empty.addClassName("empty-state");
            add(empty);
            return;
        }
        var progress = new ArrayList<ModuleProgress>();
        var sections = new ArrayList<Div>();
        for (CurriculumInfo c : list) {
            var modules = c.modules().stream().map(m -> competency.progress(m.id())).toList();
            progress.addAll(modules);
            long passed = modules.stream().filter(ModuleProgress::passed).count();
            var card = new Div(new H3(c.title()), new Span(passed + " of " + modules.size() + " modules passed"));
            card.addClassName("curriculum-card");
            card.setId("curriculum-" + c.slug());
            modules.forEach(p -> card.add(moduleRow(p)));
            sections.add(card);
        }
        add(nextStep(progress));
        add(new H2("Your progress"));
        sections.forEach(this::add);
        if (certificates != null) {
            add(certificates(certificates.mine()));
        }
        recentFeedback(progress, reading);
    }

    /** The one thing to do now: the module in progress, else the first that can start, else a retake; or all done. */
    static Div nextStep(List<ModuleProgress> modules) {
        var box = new Div(new H2("Next step"));
        box.setId("next-step");
        box.addClassName("next-step");
        var next = modules.stream().filter(p -> p.started() && !p.passed() && !p.finishedWithoutPassing()).findFirst()
                .or(() -> modules.stream().filter(p -> !p.started() && !p.locked()).findFirst())
                .or(() -> modules.stream().filter(ModuleProgress::finishedWithoutPassing).findFirst());
        if (next.isEmpty()) {
            boolean allPassed = modules.stream().allMatch(ModuleProgress::passed);
            box.add(new Paragraph(allPassed ? "You have passed every module. Your certificates are under My certificates."
                    : "Nothing to start yet: the remaining modules wait for a module you have not passed."));
            return box;
        }
        var p = next.get();
        var m = p.module();
        String verb = !p.started() ? "Start" : p.finishedWithoutPassing() ? "Try again:" : "Continue";
        var text = new Paragraph(m.curriculumTitle() + " · " + ProgressText.status(p));
        var go = new Button(verb + " " + m.title(), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(Routes.module(m.id()))));
        go.setId("next-step-button");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(text, go);
        return box;
    }

    /** A module's line: title, the status with its counts, a bar of cases read out of the attempt's, and a way in. */
    private static Div moduleRow(ModuleProgress p) {
        var m = p.module();
        var title = new Span(m.title());
        title.addClassName("module-title");
        var status = new Span(ProgressText.status(p));
        status.addClassName("module-status");
        status.setId("module-status-" + m.slug());
        var row = new Div(title, status);
        row.addClassName("module-row");
        if (p.locked()) {
            return row; // no way in until the prerequisite is passed; the status names it
        }
        var bar = new ProgressBar(0, Math.max(1, p.casesTotal()), Math.min(p.casesRead(), p.casesTotal()));
        bar.getElement().setAttribute("aria-label", m.title() + ": " + p.casesRead() + " of " + p.casesTotal() + " cases read");
        var open = new Button(p.started() ? "Open" : "Start", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(Routes.module(m.id()))));
        open.setId("open-module-" + m.slug());
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        row.add(bar, open);
        return row;
    }

    private static Div certificates(List<HomeCertificates.Certificate> mine) {
        var box = new Div(new H2("Certificates"));
        box.setId("home-certificates");
        if (mine.isEmpty()) {
            box.add(new Paragraph("None yet: a certificate is issued when every module of a curriculum is passed."));
            return box;
        }
        var list = new UnorderedList();
        for (var c : mine) {
            var item = new ListItem(c.title() + " — " + c.state() + (c.reason() == null || c.reason().isBlank() ? "" : ". Reason: " + c.reason()));
            item.addClassName(c.good() ? "good" : "bad");
            list.add(item);
        }
        box.add(list, new Anchor(Routes.CERTIFICATES, "My certificates"));
        return box;
    }

    /** The last few reads, newest first, each a way back to its feedback. */
    private void recentFeedback(List<ModuleProgress> modules, ReadingService reading) {
        record Recent(String title, String module, java.time.Instant at, long readId) {}
        var recent = new ArrayList<Recent>();
        for (var p : modules) {
            if (!p.started()) {
                continue;
            }
            for (var c : reading.cases(p.module().id())) {
                if (c.isRead()) {
                    reading.read(c.readId()).ifPresent(r -> recent.add(new Recent(c.title(), p.module().title(), r.submittedAt(), r.readId())));
                }
            }
        }
        if (recent.isEmpty()) {
            return;
        }
        recent.sort(java.util.Comparator.comparing(Recent::at).reversed());
        var list = new UnorderedList();
        list.setId("recent-feedback");
        recent.stream().limit(RECENT_FEEDBACK).forEach(r -> list.add(new ListItem(
                new Anchor(Routes.feedback(r.readId()), "Feedback on " + r.title()), new Span(" · " + r.module()))));
        add(new H2("Recent feedback"), list);
    }

    private record Link(String text, String route, String what) {}

    private void work(List<Link> links) {
        add(new H2("Your work"));
        var list = new UnorderedList();
        list.setId("home-work");
        links.forEach(l -> list.add(new ListItem(new Anchor(l.route(), l.text()), new Span(": " + l.what()))));
        add(list);
    }
}
