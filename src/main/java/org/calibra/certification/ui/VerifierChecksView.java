package org.calibra.certification.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.calibra.certification.CheckedCredential;
import org.calibra.certification.CredentialService;
import org.calibra.certification.credential.Verification.Outcome;
import org.calibra.certification.verification.CheckFilter;
import org.calibra.certification.verification.VerificationWords;
import org.calibra.security.Role;

/**
 * A verifier's checks, newest first, with each credential's status as it is now (re-checked on opening). Items checked
 * together in a bulk run say so, and which run, so a run of 40 reads as one run rather than 40 unrelated checks. The list
 * grows with every check, so it can be searched (holder, certificate, ID), filtered by result, status and day
 * ({@link CheckFilter}), and sorted.
 */
@Route("verifier/checks")
@PageTitle("Credentials I checked — Calibra")
@Menu(order = 7, title = "Credentials I checked", icon = "vaadin:clipboard-check")
@RolesAllowed(Role.VERIFIER_NAME)
class VerifierChecksView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String LISTED_HERE = "Checks you make while signed in (verification pages, pasted credentials, bulk checks) are listed"
            + " here, newest first.";

    private final List<CheckedCredential> mine;
    private final ListDataProvider<CheckedCredential> rows;
    private final Grid<CheckedCredential> grid = new Grid<>();
    private final Paragraph count = new Paragraph();
    private CheckFilter filter = CheckFilter.NONE;

    VerifierChecksView(CredentialService credentials) {
        setId("verifier-checks-view");
        addClassName("page");
        setSizeFull();
        mine = credentials.myChecks();
        rows = new ListDataProvider<>(mine);
        // a run is named by when it started: its earliest item (the list is newest first)
        Map<String, Instant> runStarted = new HashMap<>();
        mine.stream().filter(c -> c.bulkRun() != null).forEach(c -> runStarted.merge(c.bulkRun().id(), c.checkedAt(),
                (a, b) -> a.isBefore(b) ? a : b));
        grid.setId("checks-grid");
        grid.setAriaLabel("Credentials I checked");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // seven facts in six columns of fixed width (wrapping inside): 'how' is the checked time's second line, so the
        // certificate and its ID stay on screen at 1280 px
        var checked = grid.addComponentColumn(c -> whenAndHow(c, runStarted)).setHeader("Checked").setWidth("12rem").setFlexGrow(0)
                .setComparator(Comparator.comparing(CheckedCredential::checkedAt));
        grid.addColumn(c -> orDash(c.holderName())).setHeader("Holder").setWidth("9rem").setFlexGrow(0)
                .setComparator(c -> orDash(c.holderName()));
        grid.addColumn(c -> orDash(c.title())).setHeader("Certificate").setFlexGrow(1).setComparator(c -> orDash(c.title()));
        grid.addColumn(c -> outcome(c.outcomeThenKnown())).setHeader("Then").setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(c -> outcome(c.outcomeNow())).setHeader("Now").setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(c -> orDash(c.publicId())).setHeader("Certificate ID").setWidth("16rem").setFlexGrow(0);
        grid.setItems(rows);
        grid.sort(List.of(new GridSortOrder<>(checked, SortDirection.DESCENDING)));
        count.setId("checks-count");
        count.getElement().setAttribute("aria-live", "polite");
        var bulk = new Anchor(BulkVerifyView.ROUTE, "Check many certificates at once");
        bulk.setId("checks-bulk-link");
        add(new H1("Credentials I checked"), new Paragraph(mine.isEmpty() ? LISTED_HERE
                : "Your latest checks, newest first (sort by any column's heading). 'Now' is the status as of opening this page."), bulk);
        if (!mine.isEmpty()) {
            add(filters());
        }
        add(count, grid);
        apply(CheckFilter.NONE);
    }

    private static Div whenAndHow(CheckedCredential c, Map<String, Instant> runStarted) {
        var how = new Span(c.bulkRun() == null ? "on its own" : "in a bulk check of " + c.bulkRun().items() + " started "
                + TIME.format(runStarted.get(c.bulkRun().id())));
        how.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
        return new Div(new Span(TIME.format(c.checkedAt())), how);
    }

    private HorizontalLayout filters() {
        var search = new TextField("Search");
        search.setId("checks-search");
        search.setPlaceholder("Holder, certificate or ID");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("18em");
        search.addValueChangeListener(e -> apply(filter.withText(e.getValue())));
        var then = outcomes("checks-then-filter", "Result when checked", "Any result", CheckedCredential::outcomeThenKnown);
        then.addValueChangeListener(e -> apply(filter.withThen(e.getValue())));
        var now = outcomes("checks-now-filter", "Status now", "Any status", CheckedCredential::outcomeNow);
        now.addValueChangeListener(e -> apply(filter.withNow(e.getValue())));
        var from = new DatePicker("Checked from (UTC day)");
        from.setId("checks-from");
        from.setClearButtonVisible(true);
        var to = new DatePicker("Checked until (UTC day)");
        to.setId("checks-to");
        to.setClearButtonVisible(true);
        from.addValueChangeListener(e -> {
            to.setMin(e.getValue());
            apply(filter.withFrom(e.getValue()));
        });
        to.addValueChangeListener(e -> {
            from.setMax(e.getValue());
            apply(filter.withTo(e.getValue()));
        });
        var bar = new HorizontalLayout(search, then, now, from, to);
        bar.setWrap(true);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    /** A menu of the outcomes that occur in the list (in the order verification knows them), in words. */
    private Select<Outcome> outcomes(String id, String label, String any, Function<CheckedCredential, Outcome> of) {
        var select = new Select<Outcome>();
        select.setId(id);
        select.setLabel(label);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(any);
        select.setItems(Stream.of(Outcome.values()).filter(o -> mine.stream().map(of).filter(Objects::nonNull).anyMatch(o::equals)).toList());
        select.setItemLabelGenerator(o -> o == null ? any : VerificationWords.word(o));
        return select;
    }

    private void apply(CheckFilter f) {
        filter = f;
        rows.setFilter(filter::test);
        long shown = mine.stream().filter(filter).count();
        count.setText(mine.isEmpty() ? "" : shown == mine.size() ? checks(mine.size()) : shown + " of " + checks(mine.size()));
        grid.setEmptyStateText(mine.isEmpty() ? "Nothing yet: you have not checked a credential while signed in." : filter.datesReversed()
                ? "The 'from' day is after the 'until' day, so no check can fall between them: change one of the two days."
                : "None of your checks matches the search and filters. Clear the search or choose 'Any' to see more.");
    }

    private static String checks(int n) {
        return n == 1 ? "1 check" : n + " checks";
    }

    private static String outcome(Outcome o) {
        return o == null ? "—" : VerificationWords.word(o);
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }
}
