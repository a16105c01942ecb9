package org.calibra.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.calibra.audit.AuditChain;
import org.calibra.audit.AuditEntry;
import org.calibra.audit.AuditSearch;
import org.calibra.audit.ChainVerification;
import org.calibra.security.Role;
import org.calibra.security.UserService;
import org.calibra.security.UserSummary;
import org.calibra.shared.JsonText;

/**
 * Admins search the audit trail (text, kind of event, person, UTC days), read it a page at a time newest or oldest
 * first, and verify the whole hash chain. Long details wrap so the table fits a 1280 px screen.
 */
@Route("audit")
@PageTitle("Audit trail — Calibra")
@Menu(order = 10, title = "Audit trail", icon = "vaadin:records")
@RolesAllowed(Role.ADMIN_NAME)
class AuditView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Paragraph result = new Paragraph();
    private final Span count = new Span();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final AuditSearch search;
    private final List<UserSummary> people;
    private final Map<Long, UserSummary> byId;
    private AuditSearch.Filter filter = AuditSearch.Filter.NONE;

    AuditView(AuditSearch search, AuditChain chain, UserService users) {
        this.search = search;
        setId("audit-view");
        addClassName("page");
        setSizeFull();
        // the chain holds account ids only; names are looked up now (an erased user shows as "Erased user <id>")
        people = users.listUsers();
        byId = people.stream().collect(Collectors.toMap(UserSummary::id, u -> u));
        var verify = new Button("Verify the chain", e -> show(chain.verify()));
        verify.setId("verify-chain");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("chain-result");
        count.setId("audit-count");

        grid.setId("audit-entries");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        var when = grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader("When (UTC)").setKey("when").setSortable(true)
                .setWidth("10.5rem").setFlexGrow(0);
        grid.addComponentColumn(this::what).setHeader("What").setFlexGrow(2);
        grid.addColumn(e -> e.actorId() == null ? "System" : name(e.actorId())).setHeader("Who").setFlexGrow(2);
        grid.addColumn(e -> about(e.subject())).setHeader("About").setFlexGrow(2);
        grid.addColumn(e -> e.ip() == null ? "" : e.ip()).setHeader("From").setFlexGrow(1);
        grid.addColumn(e -> details(e.details())).setHeader("Details").setFlexGrow(4);
        grid.addColumn(e -> "#" + e.seq() + " · " + e.entryHash().substring(0, 10) + "…").setHeader("Entry and hash").setWidth("9rem").setFlexGrow(0);
        grid.setItems(query -> search.page(filter, query.getOffset(), query.getLimit(), query.getSortOrders().isEmpty()
                || query.getSortOrders().getFirst().getDirection() == SortDirection.DESCENDING).stream(), query -> search.count(filter));
        grid.sort(List.of(new GridSortOrder<>(when, SortDirection.DESCENDING)));
        grid.setWidthFull();

        var heading = new HorizontalLayout(new H1("Audit trail"), verify);
        heading.setWidthFull();
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(heading, new Paragraph("Everything security-relevant, newest first; scroll to read further back. Each entry carries the hash of the one "
                + "before it; verifying recomputes every hash from the first entry on."), result, filters(), count, grid);
        expand(grid);
        refresh();
    }

    private HorizontalLayout filters() {
        var text = new TextField("Search");
        text.setId("audit-search");
        text.setPlaceholder("Word, name, address…");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> {
            String needle = e.getValue() == null ? "" : e.getValue().strip().toLowerCase(Locale.ROOT);
            var matching = needle.isEmpty() ? List.<Long>of() : people.stream().filter(u -> u.displayName().toLowerCase(Locale.ROOT).contains(needle)
                    || u.username().toLowerCase(Locale.ROOT).contains(needle)).map(UserSummary::id).toList();
            set(new AuditSearch.Filter(e.getValue(), matching, filter.kind(), filter.personId(), filter.from(), filter.to()));
        });
        var kind = new Select<AuditSearch.Kind>();
        kind.setLabel("Kind of event");
        kind.setId("audit-kind");
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("All kinds");
        kind.setItems(AuditSearch.Kind.values());
        kind.setItemLabelGenerator(k -> k == null ? "All kinds" : k.words);
        kind.addValueChangeListener(e -> set(new AuditSearch.Filter(filter.text(), filter.textPeople(), e.getValue(), filter.personId(), filter.from(),
                filter.to())));
        var person = new ComboBox<UserSummary>("Person");
        person.setId("audit-person");
        person.setItems(people);
        person.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        person.setClearButtonVisible(true);
        person.setWidth("16rem");
        person.addValueChangeListener(e -> set(new AuditSearch.Filter(filter.text(), filter.textPeople(), filter.kind(),
                e.getValue() == null ? null : e.getValue().id(), filter.from(), filter.to())));
        var from = new DatePicker("From (UTC day)");
        from.setId("audit-from");
        var to = new DatePicker("To (UTC day)");
        to.setId("audit-to");
        from.addValueChangeListener(e -> {
            to.setMin(e.getValue());
            set(new AuditSearch.Filter(filter.text(), filter.textPeople(), filter.kind(), filter.personId(), e.getValue(), filter.to()));
        });
        to.addValueChangeListener(e -> {
            from.setMax(e.getValue());
            set(new AuditSearch.Filter(filter.text(), filter.textPeople(), filter.kind(), filter.personId(), filter.from(), e.getValue()));
        });
        var bar = new HorizontalLayout(text, kind, person, from, to);
        bar.setWrap(true);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void set(AuditSearch.Filter f) {
        filter = f;
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        int n = search.count(filter);
        count.setText(n == 1 ? "1 entry" : n + " entries");
    }

    private Component what(AuditEntry e) {
        var words = new Div(AuditSearch.words(e.action()));
        var code = new Div(e.action());
        code.addClassName("audit-action-code");
        code.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        return new Div(words, code);
    }

    private String name(long id) {
        var u = byId.get(id);
        return u == null ? "Account " + id + " (no longer listed)" : u.displayName() + " (" + u.username() + ")";
    }

    /** "user:7" names the person; other subjects (read:42, case:slug/v2, certificate:…) read well enough as they are. */
    private String about(String subject) {
        if (subject == null) {
            return "";
        }
        if (subject.startsWith("user:")) {
            try {
                return name(Long.parseLong(subject.substring(5)));
            } catch (NumberFormatException notAnId) {
                return subject;
            }
        }
        return subject.replace(":", " ");
    }

    /** The details object as "key: value" pairs, the acting admin ("by") by name. */
    private String details(String json) {
        try {
            Map<?, ?> map = JsonText.read(json, Map.class);
            var out = new StringJoiner("; ");
            map.forEach((k, v) -> out.add(k + ": " + ("by".equals(k) && v instanceof Number n ? name(n.longValue()) : String.valueOf(v))));
            return out.toString();
        } catch (RuntimeException notAnObject) {
            return json;
        }
    }

    private void show(ChainVerification v) {
        result.setText(v.intact() ? "Intact: %d %s verified.".formatted(v.entriesChecked(), v.entriesChecked() == 1 ? "entry" : "entries")
                : "BROKEN at entry %d: %s (%d entries before it verified).".formatted(v.firstBrokenSeq(), v.problem(), v.entriesChecked()));
        result.getElement().setAttribute("data-intact", Boolean.toString(v.intact()));
    }
}
