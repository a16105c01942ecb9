package org.calibra.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.CaseDraft;
import org.calibra.authoring.DraftRefused;
import org.calibra.authoring.DraftSeries;
import org.calibra.authoring.SaveOutcome;
import org.calibra.authoring.StackOrder;
import org.calibra.authoring.StackOrder.ImageOrder;
import org.calibra.security.Role;

/**
 * The stack of a draft chosen from its series: which series are in it, in which order (Move up / Move down, buttons a
 * keyboard reaches, focus staying on the moved series), and how each series' images are ordered — by Instance Number
 * or by slice position. Saving writes the draft's images list as a new revision; the server checks every entry.
 */
@Route("cases/drafts/:draftId/stack")
@PageTitle("Stack order — Calibra")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class StackOrderView extends VerticalLayout implements BeforeEnterObserver {

    /** A series as the page holds it while the educator chooses. */
    private static final class Row {
        final DraftSeries series;
        boolean included;
        ImageOrder order = ImageOrder.INSTANCE_NUMBER;

        Row(DraftSeries series) {
            this.series = series;
            this.included = series.inStack();
        }
    }

    private final AuthoringService authoring;
    private final List<Row> rows = new ArrayList<>();
    private final OrderedList list = new OrderedList();
    private final Div status = new Div();
    private CaseDraft draft;

    StackOrderView(AuthoringService authoring) {
        this.authoring = authoring;
        setId("stack-order");
        addClassName("page");
        list.setId("stack-series");
        status.setId("stack-status");
        status.getElement().setAttribute("role", "alert");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("draftId").orElse(-1L);
        draft = authoring.draft(id).orElseThrow(() -> new NotFoundException("No such draft."));
        rows.clear();
        authoring.series(id).forEach(s -> rows.add(new Row(s)));
        removeAll();
        var back = new RouterLink("Back to the draft", DraftView.class, draftParameters());
        back.setId("stack-back");
        add(back, new H1("Choose the stack of '" + draft.slug() + "'"),
                new Paragraph(rows.size() + (rows.size() == 1 ? " series was" : " series were") + " found among the draft's images. Tick the series"
                        + " the reader scrolls through, put them in order with Move up and Move down, and choose how each series' images are"
                        + " ordered. Series descriptions are removed by de-identification (they may name a patient), so each series is"
                        + " described by its number, modality, images and size."));
        boolean marks = !draft.content().manifest().truth().findings().isEmpty() || !draft.content().manifest().ai().findings().isEmpty();
        if (marks) {
            var warning = new Paragraph("Truth and AI marks name images by their position in the stack: after changing the stack, check each"
                    + " mark on the draft's page.");
            warning.setId("stack-marks-warning");
            add(warning);
        }
        var save = new Button("Save the stack", e -> save());
        save.setId("stack-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(new H3("Series, in stack order"), list, status, save);
        render(null);
    }

    private RouteParameters draftParameters() {
        return new RouteParameters("draftId", Long.toString(draft.id()));
    }

    /** Lists the rows; {@code focus}: the button to keep the keyboard's focus on after a move. */
    private void render(String focus) {
        list.removeAll();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String words = row.series.words();
            String n = Integer.toString(i + 1);
            var include = new Checkbox("Include " + words, row.included);
            include.setId("stack-include-" + n);
            include.addValueChangeListener(e -> row.included = e.getValue());
            var order = new RadioButtonGroup<ImageOrder>("Image order of " + words);
            order.setId("stack-order-" + n);
            order.setItems(ImageOrder.values());
            order.setItemLabelGenerator(o -> o == ImageOrder.INSTANCE_NUMBER ? "By Instance Number (as the scanner numbered them)"
                    : "By slice position" + (row.series.hasPositions() ? "" : " (these images do not say where their slices lie)"));
            order.setItemEnabledProvider(o -> o == ImageOrder.INSTANCE_NUMBER || row.series.hasPositions());
            order.setValue(row.order);
            order.addValueChangeListener(e -> row.order = e.getValue() == null ? ImageOrder.INSTANCE_NUMBER : e.getValue());
            int index = i;
            var up = new Button("Move up", e -> move(index, -1, "stack-up-"));
            up.setId("stack-up-" + n);
            up.setEnabled(i > 0);
            up.getElement().setAttribute("aria-label", "Move " + words + " up");
            var down = new Button("Move down", e -> move(index, 1, "stack-down-"));
            down.setId("stack-down-" + n);
            down.setEnabled(i < rows.size() - 1);
            down.getElement().setAttribute("aria-label", "Move " + words + " down");
            var item = new ListItem(include, order, new Div(up, down));
            item.addClassName("panel-section");
            item.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "flex-start").set("gap", "0.25rem");
            list.add(item);
            if (up.getId().orElse("").equals(focus)) {
                up.focus();
            } else if (down.getId().orElse("").equals(focus)) {
                down.focus();
            }
        }
    }

    private void move(int index, int by, String idPrefix) {
        int to = index + by;
        if (to < 0 || to >= rows.size()) {
            return;
        }
        rows.add(to, rows.remove(index));
        // keep the focus on the series just moved; at the top or bottom its button in that direction is gone, so the other one
        String focus = (to == 0 && by < 0) ? "stack-down-1" : (to == rows.size() - 1 && by > 0) ? "stack-up-" + rows.size() : idPrefix + (to + 1);
        render(focus);
        status.removeAll();
        status.add(new Paragraph(rows.get(to).series.words() + " is now number " + (to + 1) + " of " + rows.size() + "."));
    }

    private void save() {
        status.removeAll();
        List<StackOrder.Choice> choices = rows.stream().filter(r -> r.included).map(r -> new StackOrder.Choice(r.series.key(), r.order)).toList();
        try {
            var outcome = authoring.saveStack(draft.id(), draft.revision(), choices);
            if (outcome instanceof SaveOutcome.Saved) {
                getUI().ifPresent(ui -> ui.navigate(DraftView.class, draftParameters()));
            } else {
                status.add(new Paragraph("Someone else saved this draft since you opened this page; your stack was kept as a copy on the"
                        + " draft's page. Open the draft to see what changed, or reload this page and choose again."));
            }
        } catch (DraftRefused e) {
            status.add(new Paragraph("Not saved: " + e.getMessage()));
        }
    }
}
