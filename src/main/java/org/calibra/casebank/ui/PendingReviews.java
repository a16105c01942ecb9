package org.calibra.casebank.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.calibra.casebank.CaseUploadService;
import org.calibra.casebank.PendingCase;
import org.calibra.security.CurrentUser;

/** Versions held for review of possible burned-in text, each with its report and a publish and a reject button. */
class PendingReviews extends VerticalLayout {

    private final CaseUploadService uploads;
    private final CurrentUser currentUser;

    PendingReviews(CaseUploadService uploads, CurrentUser currentUser) {
        this.uploads = uploads;
        this.currentUser = currentUser;
        setId("pending-reviews");
        setPadding(false);
    }

    void refresh() {
        removeAll();
        var list = uploads.pendingReview();
        if (list.isEmpty()) {
            add(new Paragraph("Nothing is waiting for review."));
        }
        list.forEach(p -> add(row(p)));
    }

    private HorizontalLayout row(PendingCase p) {
        String key = p.slug() + "-v" + p.version();
        var publish = new Button("Publish", e -> decide(p, true));
        publish.setId("publish-" + key);
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var reject = new Button("Reject", e -> decide(p, false));
        reject.setId("reject-" + key);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var text = new Pre(p.report());
        text.getStyle().set("white-space", "pre-wrap");
        var report = new Details("De-identification report", text);
        var row = new HorizontalLayout(new Span(p.slug() + " v" + p.version() + " — " + p.title()), publish, reject, report);
        row.setId("pending-" + key);
        row.getElement().setAttribute("data-version-id", Long.toString(p.versionId()));
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private void decide(PendingCase p, boolean publish) {
        long user = currentUser.require().id();
        if (publish) {
            uploads.publish(p.versionId(), user);
        } else {
            uploads.reject(p.versionId(), user);
        }
        Notification.show(p.slug() + " v" + p.version() + (publish ? " is published" : " is rejected and will never be used"));
        refresh();
    }
}
