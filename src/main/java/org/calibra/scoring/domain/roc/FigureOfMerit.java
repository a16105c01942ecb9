package org.calibra.scoring.domain.roc;

import java.util.OptionalDouble;

/** A scalar figure of merit computed from one reader's FROC dataset. */
public interface FigureOfMerit {

    /** Short name, e.g. "wAFROC", as RJafroc's {@code UtilFigureOfMerit} spells it. */
    String label();

    /** Whether the dataset has the cases this figure needs (e.g. normal cases for AFROC). */
    boolean isDefinedFor(FrocDataset dataset);

    /** @throws IllegalArgumentException if {@link #isDefinedFor} is false */
    double valueOf(FrocDataset dataset);

    /** The value, or empty when it is undefined for the dataset; never NaN. */
    default OptionalDouble evaluate(FrocDataset dataset) {
        return isDefinedFor(dataset) ? OptionalDouble.of(valueOf(dataset)) : OptionalDouble.empty();
    }
}
