package org.calibra.curriculum.builder.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calibra.curriculum.builder.PoolSummary.PoolCase;
import org.calibra.shared.DisplayWords;

/**
 * A case as the builder's case picker offers it: by its title, then its examination, version and what a pool needs to
 * know in words; the id the curriculum files use only on a quieter line of its own (a chip shows the title alone). A
 * picked case the institution may no longer use has no title here, so its id is all that can name it. Typing finds a
 * case by any of these words, or by its id.
 */
final class CaseChoice {

    private CaseChoice() {
    }

    /** The chip of a picked case, and what screen readers announce for it. */
    static String label(String slug, Map<String, PoolCase> cases) {
        var c = cases.get(slug);
        return c == null ? "Not available to your institution (id in curriculum files: " + slug + ")" : c.title() + ", version " + c.version();
    }

    /** The line under the title: "CT · version 2 · abnormal · AI wrong on purpose". */
    static String facts(String slug, Map<String, PoolCase> cases) {
        var c = cases.get(slug);
        if (c == null) {
            return "Not available to your institution: it is not counted in the pool";
        }
        List<String> parts = new ArrayList<>();
        String modality = DisplayWords.modality(c.modality());
        if (!modality.isEmpty()) {
            parts.add(modality);
        }
        parts.add("version " + c.version());
        parts.add(c.abnormal() ? "abnormal" : "normal");
        if (!c.aiErrorKinds().isEmpty()) {
            parts.add("AI wrong on purpose");
        }
        return String.join(" · ", parts);
    }

    /** Whether what the educator typed is in the case's title, its facts or its id (any case, accents ignored). */
    static boolean matches(String slug, String typed, Map<String, PoolCase> cases) {
        String needle = folded(typed);
        var c = cases.get(slug);
        return needle.isEmpty() || folded(slug).contains(needle) || folded(facts(slug, cases)).contains(needle)
                || c != null && folded(c.title()).contains(needle);
    }

    /**
     * The picked cases after a change of the picker's selection, in the order they were picked (the reading order of a
     * fixed module): those still picked keep their places, newly picked ones follow by id.
     */
    static List<String> inPickOrder(List<String> before, java.util.Set<String> selected) {
        var now = new ArrayList<>(before);
        now.retainAll(selected);
        selected.stream().filter(c -> !now.contains(c)).sorted().forEach(now::add);
        return now;
    }

    /** Title on the first line, facts and then the id on quieter lines below it. */
    static LitRenderer<String> renderer(Map<String, PoolCase> cases) {
        return LitRenderer.<String>of("""
                        <div>
                          <div>${item.title}</div>
                          <div style="${item.quiet}">${item.facts}</div>
                          <div style="${item.quiet}">id in curriculum files: ${item.slug}</div>
                        </div>""")
                .withProperty("title", slug -> cases.containsKey(slug) ? cases.get(slug).title() : "A case not available to your institution")
                .withProperty("facts", slug -> facts(slug, cases))
                .withProperty("slug", slug -> slug)
                // the overlay's items may sit in a shadow root, out of reach of the page's style sheet
                .withProperty("quiet", slug -> "font-size: var(--lumo-font-size-s); color: var(--lumo-secondary-text-color)");
    }

    private static String folded(String s) {
        return s == null ? "" : Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
