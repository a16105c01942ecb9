package org.calibra.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.calibra.authoring.AuthoringService;
import org.calibra.authoring.CaseOverview;
import org.calibra.authoring.CaseState;
import org.calibra.security.Role;
import org.calibra.shared.DisplayWords;

/**
 * The staff case library: every case an educator may see — the shared bundled library and their institution's — with its
 * state (draft, in review, published, retired) and where it comes from; each opens on its page, a draft on the draft's.
 * The list grows, so it is searched (title, id, tags), filtered (modality, state, tag) and sorted by any column, and its
 * columns wrap to fit 1280 px.
 */
@Route("cases")
@PageTitle("Case library — Calibra")
@Menu(order = 3, title = "Case library", icon = "vaadin:records")
@RolesAllowed({Role.EDUCATOR_NAME, Role.ADMIN_NAME})
class CaseLibraryView extends VerticalLayout {

    static final String ANY = "";

    private final TextField search = new TextField("Search");
    private final Select<String> modality = new Select<>();
    private final Select<String> state = new Select<>();
    private final Select<String> tag = new Select<>();
    private final Paragraph count = new Paragraph();
    private final List<CaseOverview> items;
    private final ListDataProvider<CaseOverview> data;

    CaseLibraryView(AuthoringService authoring) {
        setId("case-library");
        addClassName("page");
        setSizeFull();
        items = authoring.library();
        data = new ListDataProvider<>(items);
        var grid = new Grid<CaseOverview>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        var caseColumn = grid.addComponentColumn(CaseLibraryView::open).setHeader("Case").setFlexGrow(4)
                .setComparator(Comparator.comparing((CaseOverview c) -> title(c).toLowerCase(Locale.ROOT)));
        grid.addColumn(CaseOverview::stateInWords).setHeader("State").setFlexGrow(2).setComparator(CaseOverview::stateInWords);
        grid.addColumn(c -> c.version() == null ? "not yet published" : "version " + c.version()).setHeader("Version").setFlexGrow(1)
                .setComparator(Comparator.comparing((CaseOverview c) -> c.version() == null ? 0 : c.version()));
        grid.addColumn(c -> DisplayWords.modality(c.modality())).setHeader("Modality").setFlexGrow(1)
                .setComparator(c -> DisplayWords.modality(c.modality()));
        grid.addColumn(c -> String.join(", ", c.tags())).setHeader("Tags").setFlexGrow(2);
        grid.addColumn(c -> (c.bundled() ? "Bundled library" : "Made in the app") + (c.synthetic() ? ", synthetic images" : ""))
                .setHeader("Comes from").setFlexGrow(2).setComparator(c -> c.bundled() ? 0 : 1);
        grid.addColumn(c -> Words.when(c.updatedAt())).setHeader("Last change").setFlexGrow(2)
                .setComparator(Comparator.comparing(CaseOverview::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        grid.setItems(data);
        grid.sort(List.of(new GridSortOrder<>(caseColumn, com.vaadin.flow.data.provider.SortDirection.ASCENDING)));
        grid.setEmptyStateText(items.isEmpty() ? "No cases yet. Import one (Import a case), or add case folders to the bundled library."
                : "No case matches these filters.");
        grid.setAriaLabel("Cases");
        grid.setId("library-grid");

        search.setId("library-search");
        search.setPlaceholder("Title, id or tag");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        filter(modality, "library-modality", "Modality", "All modalities",
                items.stream().map(c -> DisplayWords.modality(c.modality())).filter(m -> !m.isBlank()).distinct().sorted().toList());
        filter(state, "library-state", "State", "All states",
                java.util.Arrays.stream(CaseState.values()).map(CaseState::words).filter(w -> items.stream().anyMatch(c -> c.state().words().equals(w))).toList());
        filter(tag, "library-tag", "Tag", "Any tag", items.stream().flatMap(c -> c.tags().stream()).distinct().sorted().toList());
        search.addValueChangeListener(e -> applyFilters());
        modality.addValueChangeListener(e -> applyFilters());
        state.addValueChangeListener(e -> applyFilters());
        tag.addValueChangeListener(e -> applyFilters());
        var filters = new HorizontalLayout(search, modality, state, tag);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        count.setId("library-count");
        applyFilters();

        var importLink = new Button("Import a case", e -> getUI().ifPresent(ui -> ui.navigate(CaseImportView.class)));
        importLink.setId("library-import");
        var reviews = new Button("Review queue", e -> getUI().ifPresent(ui -> ui.navigate(ReviewQueueView.class)));
        reviews.setId("library-reviews");
        add(new H1("Case library"), new Paragraph("Cases of the bundled library are changed in the repository; cases made in"
                + " the app are changed through drafts that a second educator reviews before they are published."),
                new HorizontalLayout(importLink, reviews), filters, count, grid);
    }

    private static void filter(Select<String> select, String id, String label, String all, List<String> options) {
        select.setId(id);
        select.setLabel(label);
        var values = new java.util.ArrayList<String>();
        values.add(ANY);
        values.addAll(options);
        select.setItems(values);
        select.setItemLabelGenerator(v -> v.equals(ANY) ? all : v);
        select.setValue(ANY);
        select.addClassName("wide-select");
        select.setWidth("13em");
    }

    private void applyFilters() {
        data.setFilter(c -> matches(c, search.getValue(), modality.getValue(), state.getValue(), tag.getValue()));
        long shown = items.stream().filter(c -> matches(c, search.getValue(), modality.getValue(), state.getValue(), tag.getValue())).count();
        count.setText(shown == items.size() ? DisplayWords.count(items.size(), "case", "cases")
                : shown + " of " + DisplayWords.count(items.size(), "case", "cases") + " shown");
    }

    /** Whether a case passes the filters: words of the search in its title, id or tags, and the chosen modality, state and tag. */
    static boolean matches(CaseOverview c, String text, String modality, String state, String tag) {
        String haystack = (title(c) + " " + c.slug() + " " + String.join(" ", c.tags())).toLowerCase(Locale.ROOT);
        boolean words = text == null || java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).allMatch(haystack::contains);
        return words && (modality == null || modality.equals(ANY) || DisplayWords.modality(c.modality()).equals(modality))
                && (state == null || state.equals(ANY) || c.state().words().equals(state))
                && (tag == null || tag.equals(ANY) || c.tags().contains(tag));
    }

    private static RouterLink open(CaseOverview c) {
        var link = c.openDraftId() != null && c.version() == null
                ? new RouterLink(title(c), DraftView.class, new RouteParameters("draftId", Long.toString(c.openDraftId())))
                : new RouterLink(title(c), CasePageView.class, new RouteParameters("slug", c.slug()));
        link.setId("case-link-" + c.slug());
        return link;
    }

    private static String title(CaseOverview c) {
        return c.title() == null || c.title().isBlank() ? "Untitled case (" + c.slug() + ")" : c.title();
    }
}
