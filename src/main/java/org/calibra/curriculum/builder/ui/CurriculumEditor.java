package org.calibra.curriculum.builder.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.calibra.curriculum.CurriculumVersionInfo;
import org.calibra.curriculum.MetricLabels;
import org.calibra.curriculum.ModuleInfo;
import org.calibra.curriculum.ReadingMode;
import org.calibra.curriculum.ThresholdTrial;
import org.calibra.curriculum.builder.CurriculumBuilder;
import org.calibra.curriculum.builder.CurriculumDraft;
import org.calibra.curriculum.builder.CurriculumDraft.ModuleDraft;
import org.calibra.curriculum.builder.CurriculumDraft.ThresholdDraft;
import org.calibra.curriculum.builder.PoolSummary;
import org.calibra.curriculum.builder.Simulation;
import org.calibra.security.CurrentUser;

/**
 * The builder's form over one {@link CurriculumDraft}: every input writes into the draft as it changes, structural edits
 * (modules and thresholds added, removed, moved) draw the modules again from the draft. "Check" shows every problem at
 * once, listed at the top and placed on its field; "Publish" makes the next version. Only displays: the checks, pools
 * and ids are the builder service's and the draft's.
 */
class CurriculumEditor extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CurriculumBuilder builder;
    private final CurrentUser currentUser;
    private CurriculumDraft draft;
    private Map<String, PoolSummary.PoolCase> cases = Map.of();
    private final Div problems = new Div();
    private final Div result = new Div();
    private final VerticalLayout modules = new VerticalLayout();
    private final Div history = new Div();
    private final Div downloads = new Div();
    private final H1 heading = new H1();
    /** The reader's field paths and the inputs they are on, filled as the form is drawn. */
    private final Map<String, HasValidation> fields = new HashMap<>();
    private final List<Runnable> poolRefreshers = new ArrayList<>();
    /** The modules as published, by id, looked up once per drawing: which ones have attempts to simulate. */
    private Map<String, ModuleInfo> publishedModules = Map.of();

    CurriculumEditor(CurriculumBuilder builder, CurrentUser currentUser) {
        this.builder = builder;
        this.currentUser = currentUser;
        setId("curriculum-editor");
        addClassName("page");
        problems.setId("curriculum-problems");
        result.setId("curriculum-result");
        history.setId("curriculum-versions");
        modules.setPadding(false);
    }

    void edit(CurriculumDraft draft) {
        this.draft = draft;
        this.cases = builder.cases(draft, currentUser.require());
        removeAll();
        fields.clear();
        heading.setText(draft.isPublished() ? "Edit curriculum: " + draft.title : "New curriculum");
        add(heading, new Paragraph("Ids are made from the titles. Check shows every problem at once, each on its field; Publish makes a"
                + " new version (attempts already started keep theirs)."), problems, curriculumFields(), new H3("Modules"), modules, actions(),
                result, downloads, new H3("Versions"), history);
        drawModules();
        showHistory();
    }

    private Component curriculumFields() {
        var title = text("curriculum-title", "Curriculum title", draft.title, v -> {
            draft.title = v;
            heading.setText(draft.isPublished() ? "Edit curriculum: " + v : "New curriculum");
        });
        fields.put("title", title);
        fields.put("id", title);
        var description = area("curriculum-description", "Description", draft.description, v -> draft.description = v);
        fields.put("description", description);
        var certTitle = text("certificate-title", "Certificate title", draft.certificateTitle, v -> draft.certificateTitle = v);
        fields.put("certificate.title", certTitle);
        var competencies = area("certificate-competencies", "Competencies the certificate attests (one per line)",
                String.join("\n", draft.competencies), v -> draft.competencies = lines(v));
        fields.put("certificate.competencies", competencies);
        var validity = integer("certificate-validity", "Certificate valid for (months)", draft.validityMonths, v -> draft.validityMonths = v);
        validity.setMin(1);
        validity.setMax(120);
        fields.put("certificate.validityMonths", validity);
        var credits = decimal("certificate-credit-hours", "CPD/CME credit hours", draft.creditHours, v -> draft.creditHours = v);
        credits.setHelperText("Optional");
        fields.put("certificate.creditHours", credits);
        fields.put("certificate", certTitle);
        var layout = new VerticalLayout(title, description, new H4("Certificate"), certTitle, competencies, new HorizontalLayout(validity, credits));
        layout.setPadding(false);
        return layout;
    }

    private Component actions() {
        var add = new Button("Add a module", e -> {
            draft.addModule();
            drawModules();
        });
        add.setId("add-module");
        var check = new Button("Check", e -> check());
        check.setId("check-curriculum");
        var publish = new Button("Publish", e -> publish());
        publish.setId("publish-curriculum");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new HorizontalLayout(add, check, publish);
    }

    private void drawModules() {
        publishedModules = builder.publishedModules(draft);
        modules.removeAll();
        poolRefreshers.clear();
        fields.keySet().removeIf(k -> k.startsWith("modules"));
        for (int i = 0; i < draft.modules.size(); i++) {
            modules.add(module(i, draft.modules.get(i)));
        }
        if (draft.modules.isEmpty()) {
            modules.add(new Paragraph("No modules yet: a curriculum needs at least one."));
        }
    }

    private Component module(int i, ModuleDraft m) {
        String id = "module-" + i;
        String at = "modules[" + i + "]";
        var box = new VerticalLayout();
        box.setId(id);
        box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)");
        var heading = new H4("Module " + (i + 1) + (m.title.isBlank() ? "" : ": " + m.title));
        var up = button(id + "-up", "Move up", () -> draft.move(m, -1));
        up.setEnabled(i > 0);
        var down = button(id + "-down", "Move down", () -> draft.move(m, 1));
        down.setEnabled(i < draft.modules.size() - 1);
        var remove = button(id + "-remove", "Remove module", () -> draft.removeModule(m));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var top = new HorizontalLayout(heading, up, down, remove);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);

        var title = text(id + "-title", "Module title", m.title, v -> {
            m.title = v;
            heading.setText("Module " + (i + 1) + (v.isBlank() ? "" : ": " + v));
        });
        fields.put(at + ".title", title);
        fields.put(at + ".id", title);
        var description = area(id + "-description", "Description", m.description, v -> m.description = v);
        fields.put(at + ".description", description);

        var mode = select(id + "-reading-mode", "How the AI is offered (reading mode)", List.of(ReadingMode.values()), CurriculumEditor::modeWords,
                ReadingMode.fromCode(m.readingMode).orElse(ReadingMode.UNAIDED), v -> m.readingMode = v == null ? null : v.code());
        fields.put(at + ".readingMode", mode);
        var order = select(id + "-order", "Order of the cases", List.of("random", "fixed"),
                o -> o.equals("fixed") ? "The pool's order, the same for everyone" : "Random, drawn for each trainee and attempt",
                m.order == null ? "random" : m.order, v -> m.order = "fixed".equals(v) ? "fixed" : (m.order == null ? null : "random"));
        fields.put(at + ".order", order);

        // the case pool: picked cases and tag rules, with the pool summary drawn live
        var picked = new MultiSelectComboBox<String>("Picked cases (type to search)");
        picked.setId(id + "-cases");
        var items = new ArrayList<>(cases.keySet());
        m.cases.stream().filter(c -> !cases.containsKey(c)).forEach(items::add);
        picked.setItems((slug, typed) -> CaseChoice.matches(slug, typed, cases), items);
        picked.setItemLabelGenerator(slug -> CaseChoice.label(slug, cases));
        picked.setRenderer(CaseChoice.renderer(cases));
        picked.setWidthFull();
        picked.setValue(new LinkedHashSet<>(m.cases));
        fields.put(at + ".cases", picked);
        var tags = area(id + "-tag-rules", "Tag rules: one per line, tags separated by commas; a case with every tag of a line joins the pool",
                String.join("\n", m.caseTags.stream().map(q -> String.join(", ", q)).toList()), v -> m.caseTags = tagRules(v));
        fields.put(at + ".caseTags", tags);
        var summary = new Paragraph();
        summary.setId(id + "-pool-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        Runnable refresh = () -> summary.setText("Pool: " + PoolSummary.of(draft.toManifestModule(m), cases).inWords());
        poolRefreshers.add(refresh);
        picked.addValueChangeListener(e -> {
            m.cases = CaseChoice.inPickOrder(m.cases, e.getValue());
            refresh.run();
        });
        tags.addValueChangeListener(e -> refresh.run());

        var perAttempt = integer(id + "-cases-per-attempt", "Cases per attempt", m.casesPerAttempt, v -> {
            m.casesPerAttempt = v;
            refresh.run();
        });
        perAttempt.setHelperText("Empty: the whole pool");
        fields.put(at + ".casesPerAttempt", perAttempt);
        var minimum = integer(id + "-minimum-cases", "Minimum cases before a decision", m.minimumCases, v -> m.minimumCases = v);
        fields.put(at + ".minimumCases", minimum);
        var minAbnormal = integer(id + "-minimum-abnormal", "Of which at least abnormal", m.minimumAbnormalCases, v -> m.minimumAbnormalCases = v);
        fields.put(at + ".minimumAbnormalCases", minAbnormal);
        var minNormal = integer(id + "-minimum-normal", "Of which at least normal", m.minimumNormalCases, v -> m.minimumNormalCases = v);
        fields.put(at + ".minimumNormalCases", minNormal);
        var timeLimit = integer(id + "-time-limit", "Time limit (minutes)", m.timeLimitMinutes, v -> m.timeLimitMinutes = v);
        timeLimit.setHelperText("Empty: no limit");
        fields.put(at + ".timeLimitMinutes", timeLimit);
        var cooldown = decimal(id + "-cooldown", "Cool-down after a fail (hours)", m.cooldownHours, v -> m.cooldownHours = v);
        cooldown.setHelperText("Empty: may retake at once");
        fields.put(at + ".retake.cooldownHours", cooldown);
        fields.put(at + ".retake", cooldown);

        var prerequisites = new MultiSelectComboBox<ModuleDraft>("Prerequisites: earlier modules to pass first");
        prerequisites.setId(id + "-prerequisites");
        prerequisites.setItems(draft.modules.subList(0, i));
        prerequisites.setItemLabelGenerator(p -> p.title.isBlank() ? "Module " + (draft.modules.indexOf(p) + 1) : p.title);
        prerequisites.setValue(new LinkedHashSet<>(m.prerequisites));
        prerequisites.setEnabled(i > 0);
        prerequisites.addValueChangeListener(e -> {
            m.prerequisites.clear();
            draft.modules.subList(0, Math.min(i, draft.modules.size())).stream().filter(e.getValue()::contains).forEach(m.prerequisites::add);
        });
        prerequisites.setWidthFull();
        fields.put(at + ".prerequisites", prerequisites);

        var thresholds = new VerticalLayout();
        thresholds.setPadding(false);
        for (int t = 0; t < m.thresholds.size(); t++) {
            thresholds.add(threshold(i, t, m, m.thresholds.get(t)));
        }
        var addThreshold = button(id + "-add-threshold", "Add a threshold", () -> {
            var t = new ThresholdDraft();
            t.limit = 0.8;
            m.thresholds.add(t);
        });

        // SIMULATION PANEL: the last N attempts of the published module, decided under its published rules and under the editor's
        var simulation = simulationPanel(id, m);

        box.add(top, title, description, wrapping(mode, order), new H4("Case pool"), picked, tags, summary,
                wrapping(perAttempt, minimum, minAbnormal, minNormal), wrapping(timeLimit, cooldown), prerequisites,
                new H4("Thresholds: all must hold to pass"), thresholds, addThreshold, simulation);
        if (m.adaptive != null) {
            // the builder has no form for the adaptive block; say it is kept, so no one thinks saving drops it
            var adaptive = new Paragraph("This module is adaptive: each next case is the most informative one for the trainee, "
                    + "and the attempt stops when the pass or fail decision is certain enough. Its pass level, error rates and the "
                    + "calibrated parameters of " + m.adaptive.items().size() + " cases are kept as the curriculum file gives them; "
                    + "they are edited in the file (docs/curriculum-format.md). The thresholds are shown to trainees but do not decide.");
            adaptive.setId(id + "-adaptive");
            box.addComponentAtIndex(4, adaptive);
        }
        refresh.run();
        return box;
    }

    /**
     * "Simulate on the last N attempts": pass counts and rates under the published rules and under the thresholds and
     * minimums in the editor, side by side, and each attempt's two decisions; the editor's problems instead, when it has
     * any. A module not yet published says in words that there is nothing to simulate.
     */
    private Component simulationPanel(String id, ModuleDraft m) {
        var panel = new Div();
        panel.setId(id + "-simulation");
        panel.add(new H4("Before publishing: how would recent attempts be decided?"));
        var result = new Div();
        result.setId(id + "-simulation-result");
        result.getElement().setAttribute("aria-live", "polite");
        if (CurriculumBuilder.publishedOf(publishedModules, m).isEmpty()) {
            var p = new Paragraph("This module is new: it has not been published, so nobody has attempted it and there is nothing to"
                    + " simulate. Once it is published and trainees have attempted it, you can see here how their attempts would have"
                    + " been decided under the thresholds in the editor.");
            p.setId(id + "-simulation-unavailable");
            panel.add(p);
            return panel;
        }
        var lastN = new IntegerField("Attempts to look at (the most recent, 1 to " + ThresholdTrial.MAX_ATTEMPTS + ")");
        lastN.setId(id + "-simulate-count");
        lastN.setMin(1);
        lastN.setMax(ThresholdTrial.MAX_ATTEMPTS);
        lastN.setStepButtonsVisible(true);
        lastN.setValue(20);
        var simulate = new Button("Simulate on the last 20 attempts");
        simulate.setId(id + "-simulate");
        lastN.addValueChangeListener(e -> simulate.setText("Simulate on the last " + (e.getValue() == null ? "N" : e.getValue()) + " attempts"));
        simulate.addClickListener(e -> showSimulation(id, result, builder.simulate(draft, m, lastN.getValue(), currentUser.require())));
        var row = new HorizontalLayout(lastN, simulate);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        panel.add(new Paragraph("Judges the module's most recent attempts again, from their stored reads, under the rules published now and"
                + " under the thresholds and minimums in this editor. Nothing is saved and no attempt changes."), row, result);
        return panel;
    }

    private void showSimulation(String id, Div result, Simulation s) {
        result.removeAll();
        if (s.note() != null) {
            result.add(new Paragraph(s.note()));
            return;
        }
        if (!s.problems().isEmpty()) {
            result.add(new Paragraph("Not simulated: the thresholds in the editor have " + s.problems().size() + " problem(s) to fix first:"));
            var list = new UnorderedList();
            s.problems().forEach(p -> list.add(new ListItem(p)));
            result.add(list);
            return;
        }
        var trial = s.trial();
        if (trial.attemptsConsidered() == 0) {
            result.add(new Paragraph("No attempt of this module has a counted read yet: there is nothing to simulate."));
            return;
        }
        var current = side("Under the published rules", s.publishedRules(), s.currentInWords());
        current.setId(id + "-simulation-current");
        var proposed = side("Under the thresholds in this editor", s.editorRules(), s.proposedInWords());
        proposed.setId(id + "-simulation-proposed");
        var sides = new HorizontalLayout(current, proposed);
        sides.setWidthFull();
        var grid = new Grid<ThresholdTrial.TrialAttempt>();
        grid.setId(id + "-simulation-table");
        grid.addColumn(ThresholdTrial.TrialAttempt::reader).setHeader("Reader (pseudonym)").setAutoWidth(true);
        grid.addColumn(a -> Simulation.decision(a.passedUnderCurrent())).setHeader("Under the published rules").setAutoWidth(true);
        grid.addColumn(a -> Simulation.decision(a.passedUnderProposed())).setHeader("Under the editor's thresholds").setAutoWidth(true);
        grid.addColumn(a -> a.failedProposed().isEmpty() ? "nothing" : String.join("; ", a.failedProposed()))
                .setHeader("What would not be met").setFlexGrow(1);
        grid.setItems(trial.attempts());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Recent attempts under the published rules and under the editor's thresholds, newest first");
        result.add(sides, new Paragraph(s.differenceInWords() + " Newest attempts first; an attempt still in progress is judged on its"
                + " reads so far."), grid);
    }

    private static Component side(String heading, List<String> rules, String passes) {
        var box = new Div();
        box.getStyle().set("flex", "1").set("padding", "var(--lumo-space-s)").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        var count = new Paragraph(passes);
        count.getStyle().set("font-weight", "bold");
        var list = new UnorderedList();
        rules.forEach(r -> list.add(new ListItem(r)));
        box.add(new H4(heading), count, list);
        return box;
    }

    private Component threshold(int i, int t, ModuleDraft m, ThresholdDraft th) {
        String id = "module-" + i + "-threshold-" + t;
        String at = "modules[" + i + "].thresholds[" + t + "]";
        var metric = select(id + "-metric", "Threshold " + (t + 1) + ": metric", MetricLabels.KEYS, MetricLabels::of,
                MetricLabels.KEYS.contains(th.metric) ? th.metric : null, v -> th.metric = v);
        fields.put(at + ".metric", metric);
        var direction = select(id + "-direction", "Must be", List.of(false, true), b -> b ? "at most" : "at least", th.atMost,
                v -> th.setAtMost(Boolean.TRUE.equals(v)));
        var limit = decimal(id + "-limit", "Limit", th.limit, v -> th.limit = v);
        limit.setMin(-1); // the AI's effect is a difference of AUCs, so it may be negative; the reader checks every other metric
        limit.setHelperText("0 to 1 for proportions and AUCs: 0.8 is 80%; −1 to 1 for the AI's effect");
        limit.setStep(0.01);
        fields.put(at + ".min", limit);
        fields.put(at + ".max", limit);
        fields.put(at, limit);
        var bound = select(id + "-bound", "Compared on", List.of(false, true),
                b -> b ? "the near end of its 95% interval" : "the estimate", th.interval(), v -> th.setInterval(Boolean.TRUE.equals(v)));
        bound.setWidth("17em"); // the longer choice whole at 1280 px
        fields.put(at + ".bound", bound);
        var remove = button(id + "-remove", "Remove", () -> m.thresholds.remove(th));
        var row = wrapping(metric, direction, limit, bound, remove);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setId(id);
        return row;
    }

    private void check() {
        var check = builder.check(draft, currentUser.require());
        result.removeAll();
        show(check.problems());
        if (check.ok()) {
            result.add(new Paragraph("No problems: this curriculum can be published."));
        }
    }

    private void publish() {
        var outcome = builder.publish(draft, currentUser.require());
        result.removeAll();
        show(outcome.problems());
        if (outcome.ok()) {
            var p = outcome.published();
            result.add(new Paragraph("Published as version " + p.version() + "."));
            if (!p.changes().isEmpty()) {
                var list = new UnorderedList();
                p.changes().forEach(c -> list.add(new ListItem(c)));
                result.add(list);
            }
            heading.setText("Edit curriculum: " + draft.title);
            showHistory();
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "curricula/" + p.slug() + "/edit"));
        }
    }

    /** Every problem listed at the top and placed on its field (the most specific field the path leads to). */
    private void show(List<CurriculumBuilder.Problem> list) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        problems.removeAll();
        if (list.isEmpty()) {
            return;
        }
        problems.add(new Paragraph(list.size() + " problem(s) to fix before publishing:"));
        var ul = new UnorderedList();
        Map<HasValidation, List<String>> byField = new HashMap<>();
        for (var p : list) {
            ul.add(new ListItem(p.inWords()));
            var field = fieldOf(p.field());
            if (field != null) {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(p.message());
            }
        }
        problems.add(ul);
        byField.forEach((f, messages) -> {
            f.setErrorMessage(String.join("; ", messages.stream().map(CurriculumEditor::brief).toList()));
            f.setInvalid(true);
        });
    }

    /**
     * A problem as its field shows it: long reasons (an unreachable threshold's arithmetic) are cut at their first clause
     * and point to the list at the top, which has them in full — a narrow field cannot hold a paragraph.
     */
    static String brief(String message) {
        if (message.length() <= 90) {
            return message;
        }
        int cut = message.indexOf(": ");
        return (cut > 0 && cut <= 90 ? message.substring(0, cut) : message.substring(0, 87).strip() + "…") + " (the list above says why)";
    }

    private HasValidation fieldOf(String path) {
        String p = path == null ? "" : path;
        while (!p.isEmpty()) {
            if (fields.containsKey(p)) {
                return fields.get(p);
            }
            p = p.endsWith("]") ? p.substring(0, p.lastIndexOf('[')) : (p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "");
        }
        return null;
    }

    private void showHistory() {
        history.removeAll();
        downloads.removeAll();
        if (!draft.isPublished()) {
            history.add(new Paragraph("Not published yet."));
            return;
        }
        var download = CurriculaView.downloadLink(builder, currentUser, draft.id, "Download YAML of the latest version");
        download.setId("download-yaml");
        downloads.add(download);
        var grid = new Grid<CurriculumVersionInfo>();
        grid.addColumn(v -> "version " + v.version()).setHeader("Version").setAutoWidth(true);
        grid.addColumn(v -> WHEN.format(v.publishedAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(v -> v.publishedBy() == null ? "loaded from " + v.source() : v.publishedBy()).setHeader("By whom").setAutoWidth(true);
        grid.addColumn(v -> v.changes().isEmpty() ? "first version" : String.join("; ", v.changes())).setHeader("What changed").setFlexGrow(1);
        grid.setItems(builder.versions(draft.id, currentUser.require()));
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Versions of this curriculum");
        history.add(grid);
    }

    static String modeWords(ReadingMode mode) {
        return switch (mode) {
            case UNAIDED -> "Unaided: the AI is never shown";
            case CONCURRENT -> "Concurrent: the AI is shown from the start";
            case SECOND_READER -> "Second reader: a first read without the AI, then the AI";
            case ON_REQUEST -> "On request: the AI is shown when the trainee asks";
        };
    }

    private Button button(String id, String text, Runnable change) {
        var b = new Button(text, e -> {
            change.run();
            drawModules();
        });
        b.setId(id);
        return b;
    }

    /**
     * Every input of the form is made the same way: its id (the journeys find it by it), its value from the draft, and a
     * listener that writes each change back into the draft.
     */
    /** A row of fields that wraps onto a second line rather than pushing the page wider than the window. */
    private static HorizontalLayout wrapping(Component... fields) {
        var row = new HorizontalLayout(fields);
        row.setWrap(true);
        return row;
    }

    private static <V, F extends AbstractField<?, V>> F field(F f, String id, V value, Consumer<V> onChange) {
        f.setId(id);
        f.setValue(value);
        f.addValueChangeListener(e -> onChange.accept(e.getValue()));
        return f;
    }

    private static TextField text(String id, String label, String value, Consumer<String> onChange) {
        var f = field(new TextField(label), id, value == null ? "" : value, onChange);
        f.setWidthFull();
        return f;
    }

    private static TextArea area(String id, String label, String value, Consumer<String> onChange) {
        var f = field(new TextArea(label), id, value == null ? "" : value, onChange);
        f.setWidthFull();
        return f;
    }

    /** A whole number, 0 or more unless the caller narrows it. */
    private static IntegerField integer(String id, String label, Integer value, Consumer<Integer> onChange) {
        var f = field(new IntegerField(label), id, value, onChange);
        f.setMin(0);
        return f;
    }

    /** A decimal number, 0 or more. */
    private static NumberField decimal(String id, String label, Double value, Consumer<Double> onChange) {
        var f = field(new NumberField(label), id, value, onChange);
        f.setMin(0);
        return f;
    }

    /** A choice among fixed items, each shown in words. */
    private static <T> Select<T> select(String id, String label, List<T> items, ItemLabelGenerator<T> words, T value, Consumer<T> onChange) {
        var f = new Select<T>();
        f.setLabel(label);
        f.setItems(items);
        f.setItemLabelGenerator(words);
        return field(f, id, value, onChange);
    }

    static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** "chest, ct" per line → [[chest, ct]]; tags are lower-cased, as the format's tags are. */
    static List<List<String>> tagRules(String text) {
        return lines(text).stream().map(line -> Arrays.stream(line.split(",")).map(s -> s.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().toList()).filter(q -> !q.isEmpty()).toList();
    }
}
