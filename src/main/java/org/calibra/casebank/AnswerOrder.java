package org.calibra.casebank;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The order in which a trainee is offered a case's diagnoses and finding labels. An author tends to write the right
 * answer first (in every bundled abnormal case it was the first option after "normal"), so the authored order is never
 * shown: options come alphabetically, with "normal" first. The order then depends only on the options' names, which
 * the trainee sees anyway, so it carries no information about the answer (issue 11).
 */
public final class AnswerOrder {

    public static final String NORMAL = "normal";

    private AnswerOrder() {
    }

    /** "normal" first (the case-level "no", where every trainee expects it), then the others alphabetically. */
    public static List<String> diagnoses(List<String> authored) {
        List<String> others = alphabetical(authored.stream().filter(d -> !d.equals(NORMAL)).toList());
        List<String> result = new ArrayList<>(others.size() + 1);
        if (authored.contains(NORMAL)) {
            result.add(NORMAL);
        }
        result.addAll(others);
        return List.copyOf(result);
    }

    /** Finding labels alphabetically; the first one is what a new mark starts with, so it must not be the author's first. */
    public static List<String> labels(List<String> authored) {
        return alphabetical(authored);
    }

    private static List<String> alphabetical(List<String> options) {
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.SECONDARY);
        List<String> sorted = new ArrayList<>(options);
        sorted.sort((a, b) -> {
            int c = collator.compare(a, b);
            return c != 0 ? c : a.compareTo(b);
        });
        return List.copyOf(sorted);
    }
}
