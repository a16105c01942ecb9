package org.calibra.certification.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.calibra.certification.VerificationReport;

/** The answer in one word and one sentence, coloured; {@code data-outcome} carries the machine-readable outcome. */
class VerdictBanner extends Div {

    VerdictBanner(VerificationReport report) {
        setId("verification-verdict");
        addClassNames("verdict", report.valid() ? "verdict-valid" : "verdict-invalid");
        getElement().setAttribute("data-outcome", report.outcome().name());
        var word = new Span(switch (report.outcome()) {
            case VALID -> "Valid";
            case EXPIRED -> "Expired";
            case NOT_YET_VALID -> "Not yet valid";
            case REVOKED -> "Revoked";
            case SUSPENDED -> "Suspended";
            case NOT_FOUND -> "Not found";
            case TAMPERED -> "Tampered";
            case UNKNOWN_ISSUER -> "Unknown issuer";
            case UNKNOWN_KEY -> "Unknown signing key";
            case MALFORMED -> "Not a credential";
        });
        word.setId("verdict-word");
        word.addClassName("verdict-word");
        var message = new Paragraph(report.message());
        message.setId("verdict-message");
        add(word, message);
    }
}
