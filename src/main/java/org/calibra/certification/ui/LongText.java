package org.calibra.certification.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * A long item as a verifier pasted it (a verification link, a file name, a whole signed credential) shown so it reads:
 * a line may break only after a URL separator, never inside an ID; a part still too long for its column (a credential's
 * payload) ends in an ellipsis. The whole text stays in the page, so screen readers and copying get all of it, and in a
 * tooltip.
 */
final class LongText {

    /**
     * After these a line may break: the separators of links, file names and signed credentials. Not '_' or '-', which
     * certificate IDs (base64url) contain.
     */
    private static final String BREAK_AFTER = "/.?&=#:";

    private LongText() {
    }

    /** The text cut after each run of separators: "https://x/verify/abc" → "https://", "x/", "verify/", "abc". */
    static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        var part = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            part.append(c);
            boolean nextIsSeparator = i + 1 < text.length() && BREAK_AFTER.indexOf(text.charAt(i + 1)) >= 0;
            if (BREAK_AFTER.indexOf(c) >= 0 && !nextIsSeparator) {
                parts.add(part.toString());
                part.setLength(0);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }

    /** A span of the text's parts, each kept on one line, with a line-break opportunity ({@code <wbr>}) between them. */
    static Span of(String text) {
        var span = new Span();
        span.addClassName("long-text");
        span.getElement().setAttribute("title", text);
        var parts = parts(text);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                span.getElement().appendChild(new Element("wbr"));
            }
            // each part on one line: the browser would otherwise also break after a hyphen inside an ID
            var part = new Span(parts.get(i));
            part.addClassName("long-text-part");
            span.add(part);
        }
        return span;
    }
}
