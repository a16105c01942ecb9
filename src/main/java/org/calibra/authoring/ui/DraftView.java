package org.calibra.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.CaseDraft;
import org.calibra.authoring.DraftNotFound;
import org.calibra.authoring.DraftRefused;
import org.calibra.authoring.DraftState;
import org.calibra.authoring.SaveOutcome;
import org.calibra.security.Role;
import org.calibra.viewer.AuthoringLayer;

/**
 * A draft: its images in the viewer (truth and AI layers, a banner for each image flagged for burned-in text), its
 * problems in words, the draft form, and the steps its state allows — save, send for review, discard; or, in review,
 * approve and publish (a second educator) or send back with a comment. A save that another beat shows what they changed,
 * and keeps this one as a copy to re-apply.
 */
@Route("cases/drafts/:draftId")
@PageTitle("Case draft — Calibra")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class DraftView extends Div implements BeforeEnterObserver {

    private final AuthoringService authoring;
    private final DraftForm form = new DraftForm(this::captureKeyImage);
    /** The viewer of the revision shown (each revision gets a new stage). */
    private CaseStage stage;
    private final DraftAiSection aiSection; // the AI's output (issue 13); a drawing section, bound to each stage by the form
    private final Div conflict = new Div();
    private CaseDraft draft;
    /** The layer the educator chose to draw, kept across saves (each revision gets a new stage). */
    private AuthoringLayer drawing = AuthoringLayer.NONE;

    DraftView(AuthoringService authoring) {
        this.authoring = authoring;
        form.addSection(aiSection = new DraftAiSection(new AiImportPanel(authoring, () -> draft, form::edited, this::show)));
        setId("draft-view");
        addClassName("reading-view");
        conflict.setId("draft-conflict");
        conflict.addClassName("conflict-panel");
        conflict.getElement().setAttribute("role", "alert");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("draftId").orElse(-1L);
        show(authoring.draft(id).orElseThrow(() -> new NotFoundException("No such draft.")));
    }

    private void show(CaseDraft d) {
        this.draft = d;
        removeAll();
        conflict.removeAll();
        conflict.setVisible(false);
        var stage = new CaseStage(CaseStage.stored(d.stack()), d.content().manifest(), d.content().files());
        this.stage = stage;
        if (d.state() == DraftState.DRAFT) {
            stage.viewer().addKeyImageCapturedListener(e -> {
                byte[] png;
                try {
                    png = e.pngBytes();
                } catch (RuntimeException notPng) { // not a base64 PNG data URL: nothing to store
                    notify("The viewer did not send a PNG picture; capture the view again.", true);
                    return;
                }
                addKeyImage(png, e.imageIndex());
            });
        }
        stage.flag(d.flagged().stream().flatMap(f -> f.imageIndexes().stream()).toList());
        var panel = new Div(header(d), problems(d), flags(d), conflict, actions(d), formSection(d), comments(), history());
        panel.addClassName("side-panel");
        panel.getElement().setAttribute("role", "complementary");
        panel.getElement().setAttribute("aria-label", "Draft of " + d.slug());
        add(stage, panel);
        stage.offerDrawing(d.state() == DraftState.DRAFT);
        form.bind(stage);
        stage.draw(drawing);
        stage.addDrawingListener(layer -> drawing = layer);
    }

    private Div header(CaseDraft d) {
        var title = new H1(d.title() == null ? d.slug() : d.title());
        var back = new RouterLink("Case library", CaseLibraryView.class);
        var meta = new Span("Draft " + d.id() + " of '" + d.slug() + "' · " + (d.baseVersionId() == null ? "a new case" : "next version of a published case")
                + " · revision " + d.revision() + " · saved by " + d.updatedBy().name() + ", " + Words.when(d.updatedAt()));
        meta.addClassName("meta");
        meta.setId("draft-meta");
        var state = Words.badge(d.state().words(), "draft-state");
        if (d.publishedVersionId() != null) {
            state.getElement().setAttribute("data-version-id", Long.toString(d.publishedVersionId()));
        }
        var section = new Div(back, title, state, meta, new RouterLink("Choose the stack (series and their order)", StackOrderView.class, new RouteParameters("draftId", Long.toString(d.id()))));
        section.addClassName("panel-section");
        return section;
    }

    private Div problems(CaseDraft d) {
        var section = new Div();
        section.addClassName("panel-section");
        section.setId("draft-problems-section");
        if (d.problems().isEmpty()) {
            var ok = new Paragraph("No problems: the same checks as the loader found nothing to fix.");
            ok.setId("draft-no-problems");
            section.add(ok);
        } else {
            section.add(new H3(d.problems().size() + " problem(s) to fix before review"), Words.problems(d.problems(), "draft-problems"));
        }
        return section;
    }

    /** The images de-identification flagged for burned-in text, and why; the viewer shows a banner over each. */
    private static Div flags(CaseDraft d) {
        var section = new Div();
        section.addClassName("panel-section");
        section.setVisible(!d.flagged().isEmpty());
        var list = new com.vaadin.flow.component.html.UnorderedList();
        list.setId("draft-flags");
        d.flagged().forEach(f -> list.add(new com.vaadin.flow.component.html.ListItem(f.whereInWords() + ": " + f.reason())));
        section.add(new H3("May show burned-in text"), new Paragraph("Look at each for names, dates or identifiers before approving;"
                + " the viewer shows a banner over them."), list);
        return section;
    }

    private Div formSection(CaseDraft d) {
        form.show(d.content(), d.stack(), d.problems());
        form.setReadOnly(d.state() != DraftState.DRAFT);
        form.lockId(d.baseVersionId() != null);
        var section = new Div(form);
        section.addClassName("panel-section");
        return section;
    }

    private Div actions(CaseDraft d) {
        var section = new Div();
        section.addClassName("panel-section");
        section.setId("draft-actions");
        var export = new Anchor("/export/cases/drafts/" + d.id() + "/bundle.zip", "Export as a bundle (.zip)");
        export.setRouterIgnore(true);
        export.setId("draft-export");
        if (d.state() == DraftState.DRAFT) {
            var save = new Button("Save", e -> save());
            save.setId("draft-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var submit = new Button("Send for review", e -> act(() -> authoring.sendForReview(draft.id(), draft.revision()), "Sent for review"));
            submit.setId("draft-submit");
            submit.setEnabled(d.readyForReview());
            submit.setTooltipText(d.readyForReview() ? "A second educator of your institution approves it" : "Fix the problems first");
            var discard = new Button("Discard draft", e -> {
                run(() -> authoring.discard(draft.id(), draft.revision()));
                getUI().ifPresent(ui -> ui.navigate(CaseLibraryView.class));
            });
            discard.setId("draft-discard");
            discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            var buttons = new HorizontalLayout(save, submit, discard);
            buttons.setWrap(true);
            section.add(buttons);
        } else if (d.state() == DraftState.IN_REVIEW) {
            section.add(review(d));
        } else if (d.state() == DraftState.PUBLISHED) {
            var page = new RouterLink("Published: open the case's page", CasePageView.class, new RouteParameters("slug", d.slug()));
            page.setId("draft-case-page");
            section.add(page);
        } else {
            section.add(new Paragraph("This draft is " + d.state().words() + "."));
        }
        section.add(export);
        section.add(new com.vaadin.flow.component.html.Div(DraftPreviewView.link(d.id()))); // issue 13: preview as a trainee
        return section;
    }

    private Div review(CaseDraft d) {
        var box = new Div(new H3("Review"), new Paragraph("Sent for review by " + d.submittedBy().name() + ", " + Words.when(d.submittedAt()) + "."));
        box.setId("draft-review");
        String why = authoring.whyNotReviewer(d.id());
        var note = new TextArea("Comment");
        note.setId("review-comment");
        note.setWidthFull();
        note.setHelperText("Required to send the draft back; kept with the approval otherwise");
        var checked = new Checkbox("I looked at every flagged image: none shows a name, a date or another identifier");
        checked.setId("review-flags-checked");
        checked.setVisible(!d.flagged().isEmpty());
        var approve = new Button("Approve and publish", e -> act(() -> authoring.approve(draft.id(), draft.revision(), checked.getValue(), note.getValue()),
                "Approved: the case is published"));
        approve.setId("review-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        var sendBack = new Button("Send back with this comment", e -> act(() -> authoring.sendBack(draft.id(), draft.revision(), note.getValue()),
                "Sent back to its authors"));
        sendBack.setId("review-send-back");
        if (why != null) {
            var p = new Paragraph(why);
            p.setId("review-not-allowed");
            approve.setEnabled(false);
            box.add(p);
        }
        var buttons = new HorizontalLayout(approve, sendBack);
        buttons.setWrap(true);
        box.add(note, checked, buttons);
        return box;
    }

    private Div comments() {
        var section = new Div(new H3("Review comments"));
        section.addClassName("panel-section");
        section.setId("draft-comments");
        var list = authoring.comments(draft.id());
        if (list.isEmpty()) {
            section.add(new Paragraph("None yet."));
        }
        list.forEach(c -> {
            var p = new Paragraph(c.author().name() + " " + c.kind().words() + " (" + Words.when(c.at()) + ", revision " + c.revision() + "): " + c.text());
            p.addClassName("review-comment");
            section.add(p);
        });
        if (draft.state().open()) {
            var text = new TextArea("Add a comment");
            text.setWidthFull();
            text.setId("comment-text");
            var add = new Button("Comment", e -> {
                run(() -> authoring.comment(draft.id(), text.getValue()));
                reload();
            });
            add.setId("comment-add");
            section.add(text, add);
        }
        return section;
    }

    private Details history() {
        var revisions = authoring.history(draft.id());
        var body = new Div();
        revisions.reversed().forEach(r -> {
            body.add(new Paragraph((r.conflictCopy() ? "Refused save (kept as a copy) on revision " : "Revision ") + r.revision() + " — "
                    + r.savedBy().name() + ", " + Words.when(r.savedAt())));
            if (!r.changes().isEmpty()) {
                body.add(Words.changes(r.changes()));
            }
        });
        var details = new Details("History (" + revisions.size() + ")", body);
        details.setId("draft-history");
        return details;
    }

    private void save() {
        try {
            switch (authoring.save(draft.id(), draft.revision(), form.edited())) {
                case SaveOutcome.Saved saved -> {
                    notify("Saved (revision " + saved.draft().revision() + ")", false);
                    show(saved.draft());
                }
                case SaveOutcome.Conflict c -> showConflict(c);
            }
        } catch (DraftRefused e) {
            notify(e.getMessage(), true);
        }
    }

    private void captureKeyImage() {
        if (stage != null) {
            stage.viewer().captureKeyImage();
        }
    }

    /** A captured view stored as a key image together with the form as the educator left it: one revision (ADR 0024). */
    private void addKeyImage(byte[] png, int imageIndex) {
        try {
            switch (authoring.addKeyImage(draft.id(), draft.revision(), form.edited(), png, imageIndex)) {
                case SaveOutcome.Saved saved -> {
                    notify("Key image of image " + (imageIndex + 1) + " added (revision " + saved.draft().revision() + "); write its caption", false);
                    show(saved.draft());
                }
                case SaveOutcome.Conflict c -> showConflict(c);
            }
        } catch (DraftRefused e) {
            notify(e.getMessage(), true);
        }
    }

    private void showConflict(SaveOutcome.Conflict c) {
        conflict.removeAll();
        var message = new Paragraph(c.message());
        message.setId("draft-conflict-message");
        var reapply = new Button("Re-apply my changes on top of theirs", e -> {
            try {
                switch (authoring.reapply(draft.id(), c.copyId(), c.current().revision())) {
                    case SaveOutcome.Saved saved -> {
                        notify("Your changes are re-applied (revision " + saved.draft().revision() + ")", false);
                        show(saved.draft());
                    }
                    case SaveOutcome.Conflict again -> showConflict(again);
                }
            } catch (DraftRefused ex) {
                notify(ex.getMessage(), true);
            }
        });
        reapply.setId("draft-reapply");
        reapply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var theirs = new Button("Continue from theirs (mine stays in the history)", e -> show(c.current()));
        theirs.setId("draft-take-theirs");
        var buttons = new HorizontalLayout(reapply, theirs);
        buttons.setWrap(true);
        conflict.add(new H3("Someone saved first"), message, buttons);
        conflict.setVisible(true);
    }

    private void act(java.util.function.Supplier<CaseDraft> step, String done) {
        try {
            var d = step.get();
            notify(done, false);
            show(d);
        } catch (DraftRefused e) {
            notify(e.getMessage() + (e.problems().isEmpty() ? "" : " " + e.problems().stream().map(Object::toString).toList()), true);
            reload();
        } catch (DraftNotFound e) {
            notify("This draft is no longer there.", true);
        }
    }

    private void run(Runnable step) {
        try {
            step.run();
        } catch (DraftRefused e) {
            notify(e.getMessage(), true);
        }
    }

    private void reload() {
        authoring.draft(draft.id()).ifPresent(this::show);
    }

    private static void notify(String text, boolean error) {
        var n = Notification.show(text, error ? 8000 : 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }
}
