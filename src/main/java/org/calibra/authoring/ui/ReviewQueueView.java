package org.calibra.authoring.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.CaseDraft;
import org.calibra.security.Role;

/** The institution's drafts waiting for a second educator, longest waiting first; each opens for review on its draft page. */
@Route("cases/reviews")
@PageTitle("Review queue — Calibra")
@Menu(order = 3.6, title = "Review queue", icon = "vaadin:check-square-o")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class ReviewQueueView extends VerticalLayout {

    ReviewQueueView(AuthoringService authoring) {
        setId("review-queue");
        addClassName("page");
        add(new H1("Review queue"), new Paragraph("Drafts of your institution's cases sent for review. A second educator approves a draft —"
                + " which publishes it as the case's next version — or sends it back with a comment. You cannot approve a draft you wrote"
                + " or edited."));
        var drafts = authoring.reviewQueue();
        if (drafts.isEmpty()) {
            var none = new Paragraph("Nothing is waiting for review.");
            none.addClassName("empty-state");
            add(none);
        }
        drafts.forEach(d -> add(row(authoring, d)));
    }

    private static Div row(AuthoringService authoring, CaseDraft d) {
        var link = new RouterLink((d.title() == null ? d.slug() : d.title()), DraftView.class, new RouteParameters("draftId", Long.toString(d.id())));
        link.setId("review-open-" + d.slug());
        String why = authoring.whyNotReviewer(d.id());
        var meta = new Span("'" + d.slug() + "' · " + (d.baseVersionId() == null ? "new case" : "next version") + " · sent by "
                + d.submittedBy().name() + ", " + Words.when(d.submittedAt())
                + (d.flagged().isEmpty() ? "" : " · " + d.flagged().size() + " image(s) flagged for burned-in text")
                + (why == null ? "" : " · you cannot approve it (you wrote or edited it)"));
        meta.addClassName("meta");
        var row = new Div(link, meta);
        row.addClassName("panel-section");
        row.setId("review-row-" + d.slug());
        return row;
    }
}
