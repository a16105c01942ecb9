package org.calibra.certification.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.calibra.certification.VerificationReport;
import org.calibra.certification.verification.VerificationWords;

/**
 * "Valid" explained for the person relying on it: what the check established (signature, status, dates, to whom for what)
 * and how much evidence stands behind the certificate (modules, cases, thresholds, curriculum version). Empty for a
 * credential whose signature did not hold: nothing in it is presented as fact.
 */
class VerifyExplanation extends Div {

    VerifyExplanation(VerificationReport report) {
        setId("verification-explanation");
        addClassName("verification-explanation");
        var checked = VerificationWords.whatWasChecked(report);
        if (checked.isEmpty()) {
            setVisible(false);
            return;
        }
        var list = new UnorderedList();
        list.setId("what-was-checked");
        checked.forEach(line -> list.add(new ListItem(line)));
        add(new H2("What was checked"), list);
        var c = report.certificate();
        String summary = VerificationWords.evidenceSummary(c);
        if (!summary.isEmpty()) {
            // the per-module figures follow in the certificate card; here the totals, so "valid" has a size
            var evidence = new Paragraph(summary + " Each module's figures, with their 95% confidence intervals, are listed under Evidence below.");
            evidence.setId("evidence-summary");
            add(new H2("The evidence behind it"), evidence);
        }
    }
}
