package org.calibra.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.calibra.casebank.CaseUploadService;
import org.calibra.casebank.PendingCase;

/** Versions the upload page held for review of burned-in text before uploads became drafts: publish or reject each. */
class LegacyHeldVersions extends VerticalLayout {

    private final CaseUploadService uploads;
    private final long userId;

    LegacyHeldVersions(CaseUploadService uploads, long userId) {
        this.uploads = uploads;
        this.userId = userId;
        setId("pending-reviews");
        setPadding(false);
        refresh();
    }

    boolean hasAny() {
        return getComponentCount() > 1;
    }

    private void refresh() {
        removeAll();
        add(new H3("Held for review (uploaded before drafts existed)"));
        uploads.pendingReview().forEach(p -> add(row(p)));
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
        var row = new HorizontalLayout(new Span(p.slug() + " v" + p.version() + " — " + p.title()), publish, reject,
                new Details("De-identification report", text));
        row.setId("pending-" + key);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private void decide(PendingCase p, boolean publish) {
        if (publish) {
            uploads.publish(p.versionId(), userId);
        } else {
            uploads.reject(p.versionId(), userId);
        }
        Notification.show(p.slug() + " v" + p.version() + (publish ? " is published" : " is rejected and will never be used"));
        refresh();
    }
}
