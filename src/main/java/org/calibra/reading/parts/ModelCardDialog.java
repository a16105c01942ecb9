package org.calibra.reading.parts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import org.calibra.casebank.CaseForReading;

/** The AI's model card: what it is for, what it was trained on, how it fails. */
class ModelCardDialog extends Dialog {

    ModelCardDialog(CaseForReading.ModelCard card) {
        setHeaderTitle("Model card — " + card.name() + " " + card.version());
        setId("model-card");
        add(section("Intended use", card.intendedUse()), section("Training data", card.trainingData()),
                section("Known failure modes", card.knownFailureModes()), section("Reported performance", card.reportedPerformance()));
        getFooter().add(new Button("Close", e -> close()));
        setMaxWidth("640px");
    }

    private static Div section(String title, String text) {
        return new Div(new H4(title), new Paragraph(text));
    }
}
