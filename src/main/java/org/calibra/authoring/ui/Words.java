package org.calibra.authoring.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.calibra.authoring.Change;
import org.calibra.authoring.DraftProblem;

/** Small pieces of wording shared by the authoring pages. */
final class Words {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Words() {
    }

    static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    static Span badge(String words, String id) {
        var s = new Span(words);
        s.addClassName("state-badge");
        s.getElement().setAttribute("data-state", words);
        if (id != null) {
            s.setId(id);
        }
        return s;
    }

    static UnorderedList problems(List<DraftProblem> problems, String id) {
        var list = new UnorderedList();
        list.setId(id);
        problems.forEach(p -> list.add(new ListItem(p.toString())));
        return list;
    }

    static UnorderedList changes(List<Change> changes) {
        var list = new UnorderedList();
        changes.forEach(c -> list.add(new ListItem(c.words())));
        return list;
    }

    /** A number as people write it: 0.5, 0.3333, 1 (at most 4 decimals, no trailing zeros). */
    static String number(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
