package org.calibra.oversight.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;
import org.calibra.oversight.CohortOverview;
import org.calibra.scoring.mrmc.AiEffectStudy;
import org.calibra.scoring.mrmc.MrmcResult;
import org.calibra.scoring.mrmc.PairedFomDifference;

/**
 * "Does the AI help this cohort?" on the cohort page of a second-reader module: the cohort's with-AI and unaided figures with
 * their intervals, the difference with its interval, F, ddf and p, one sentence saying it in words — or a sentence saying
 * what is missing — and a table of each resident's own change.
 */
final class AiEffectSection extends VerticalLayout {

    AiEffectSection(CohortOverview.AiEffect effect) {
        setId("ai-effect");
        setPadding(false);
        add(new H3("Does the AI help this cohort?"));
        var cohort = effect.cohort();
        var summary = new Paragraph(cohort.finding().map(AiEffectStudy.Finding::inWords).orElseGet(() -> cohort.missing().orElseThrow()));
        summary.setId("ai-effect-summary");
        add(summary);
        cohort.finding().ifPresent(f -> {
            add(cohortTable(f));
            var test = new Paragraph("Test of no difference between the two readings: F(" + f.test().ndf() + ", " + ddf(f.test().ddf()) + ") = "
                    + String.format(Locale.ROOT, "%.2f", f.test().f()) + ", p = " + AiEffectStudy.pValue(f.test().p())
                    + ". Obuchowski–Rockette analysis with Hillis' degrees of freedom, residents and cases both random, so the conclusion "
                    + "applies to residents and cases like these.");
            test.setId("ai-effect-test");
            add(test);
        });
        if (cohort.readersWithReads() > cohort.readersIncluded().size() && !cohort.readersIncluded().isEmpty()) {
            add(new Paragraph("The analysis needs every resident in it to have read the same cases: it holds the "
                    + cohort.readersIncluded().size() + " of " + cohort.readersWithReads() + " residents with cases read both ways who share the most "
                    + "cases (" + cohort.normalCases() + " normal and " + cohort.abnormalCases() + " abnormal)."));
        }
        add(traineeTable(effect.trainees()));
    }

    private static NativeTable cohortTable(AiEffectStudy.Finding f) {
        var table = table("ai-effect-table", "The cohort's " + f.figure() + ", averaged over " + f.readers() + " residents, on " + f.cases()
                + " cases read both ways", List.of("Reading", f.figure(), "95% interval"));
        row(table, List.of("Unaided", number(f.unaided().fom()), interval(f.unaided().ci())));
        row(table, List.of("With the AI", number(f.withAi().fom()), interval(f.withAi().ci())));
        row(table, List.of("With the AI minus unaided", signed(f.difference().estimate()), interval(f.difference().ci())));
        return table;
    }

    private static NativeTable traineeTable(List<CohortOverview.TraineeEffect> trainees) {
        var table = table("ai-effect-trainees", "Each resident's ROC AUC with the AI minus without, on the cases of their latest attempt "
                + "read both ways (paired DeLong 95% interval; what an AI-effect threshold compares)",
                List.of("Resident", "Cases read both ways", "Unaided", "With the AI", "Difference (95% interval)", "In words"));
        for (var t : trainees) {
            var e = t.effect();
            if (e.effect().isEmpty()) {
                row(table, List.of(t.resident(), Integer.toString(e.pairedCases()), "–", "–", "–",
                        "Not measurable yet: needs a normal and an abnormal case read both ways"));
                continue;
            }
            PairedFomDifference d = e.effect().get();
            String diff = signed(d.difference()) + d.ci95().map(ci -> " (" + signed(ci.lower()) + " to " + signed(ci.upper()) + ")").orElse("");
            row(table, List.of(t.resident(), Integer.toString(e.pairedCases()), number(d.first()), number(d.second()), diff, words(d)));
        }
        if (trainees.isEmpty()) {
            row(table, List.of("No resident yet", "0", "–", "–", "–", "No resident has started this module."));
        }
        return table;
    }

    private static String words(PairedFomDifference d) {
        if (d.ci95().isEmpty()) {
            return "No interval yet: needs 2 normal and 2 abnormal cases read both ways";
        }
        var ci = d.ci95().get();
        if (ci.lower() > 0) {
            return "Better with the AI";
        }
        if (ci.upper() < 0) {
            return "Worse with the AI";
        }
        return d.difference() == 0 && ci.lower() == 0 && ci.upper() == 0 ? "The same with and without the AI" : "No clear change";
    }

    private static NativeTable table(String id, String caption, List<String> headers) {
        var table = new NativeTable();
        table.setId(id);
        table.setCaptionText(caption);
        table.getStyle().set("border-collapse", "collapse").set("max-width", "100%");
        var head = new NativeTableRow();
        for (String h : headers) {
            var cell = new NativeTableHeaderCell(h);
            cell.getElement().setAttribute("scope", "col");
            head.add(padded(cell));
        }
        table.getHead().add(head);
        return table;
    }

    private static void row(NativeTable table, List<String> cells) {
        var tr = new NativeTableRow();
        var first = new NativeTableHeaderCell(cells.getFirst());
        first.getElement().setAttribute("scope", "row");
        first.getStyle().set("font-weight", "normal").set("text-align", "left");
        tr.add(padded(first));
        cells.stream().skip(1).forEach(c -> tr.add(padded(new NativeTableCell(c))));
        table.getBody().add(tr);
    }

    private static <T extends com.vaadin.flow.component.HasStyle> T padded(T cell) {
        cell.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("border-bottom", "1px solid var(--lumo-contrast-20pct)");
        return cell;
    }

    private static String interval(MrmcResult.Interval ci) {
        return Double.isNaN(ci.lower()) ? "no interval (no spread in this reading)" : signedIfNegative(ci.lower()) + " to " + signedIfNegative(ci.upper());
    }

    private static String ddf(double ddf) {
        return Double.isInfinite(ddf) ? "∞" : String.format(Locale.ROOT, "%.1f", ddf);
    }

    private static String number(double v) {
        return signedIfNegative(v);
    }

    private static String signedIfNegative(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replace("-", "\u2212");
    }

    private static String signed(double v) {
        return org.calibra.curriculum.MetricLabels.signed(v);
    }
}
