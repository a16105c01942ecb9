package org.calibra.certification.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.calibra.certification.VerificationReport;
import org.calibra.certification.verification.VerificationWords;

/**
 * The answer in one word and one sentence (with the issuer's reason when revoked or suspended), coloured; {@code data-outcome}
 * carries the machine-readable outcome for tests, never shown.
 */
class VerdictBanner extends Div {

    VerdictBanner(VerificationReport report) {
        setId("verification-verdict");
        addClassNames("verdict", report.valid() ? "verdict-valid" : "verdict-invalid");
        getElement().setAttribute("data-outcome", report.outcome().name());
        var word = new Span(VerificationWords.word(report.outcome()));
        word.setId("verdict-word");
        word.addClassName("verdict-word");
        var message = new Paragraph(VerificationWords.sentence(report));
        message.setId("verdict-message");
        add(word, message);
    }
}
