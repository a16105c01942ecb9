package org.calibra.scoring.domain.roc;

import static org.calibra.scoring.domain.roc.Psi.UNMARKED;

import java.util.List;

/**
 * The fictitious 9-case FROC dataset of Chakraborty's RJafroc FROC book, chapter "Empirical plots
 * from FROC data", section "AFROC vs. wAFROC" (github.com/dpc10ster/RJafrocFrocBook, file
 * {@code 03-empirical.md}): K1 = 4 normal and K2 = 5 abnormal cases, lesions per abnormal case
 * 1, 1, 2, 2, 3, with the weights set there. The book prints, from RJafroc's
 * {@code UtilFigureOfMerit}: AFROC = 0.8472222, wAFROC = 0.7425, and (Appendix 3) FROC area
 * 0.4074074; and the AFROC/wAFROC operating points listed in {@link FrocCurvesTest}.
 */
final class ChakrabortyNineCaseExample {

    private ChakrabortyNineCaseExample() {
    }

    static FrocDataset dataset() {
        return FrocDataset.of(List.of(
                FrocCase.normal("N1"),
                FrocCase.normal("N2", 0.5),
                FrocCase.normal("N3", 0.7, 0.6),
                FrocCase.normal("N4", -0.3),
                new FrocCase("D1", true, List.of(1.5), List.of(new FrocLesion("1", 1.0, 0.9))),
                new FrocCase("D2", true, List.of(), List.of(new FrocLesion("1", 1.0, -0.2))),
                new FrocCase("D3", true, List.of(), List.of(new FrocLesion("1", 0.1, 1.6), new FrocLesion("2", 0.9, UNMARKED))),
                new FrocCase("D4", true, List.of(), List.of(new FrocLesion("1", 0.9, 3.0), new FrocLesion("2", 0.1, 2.0))),
                new FrocCase("D5", true, List.of(), List.of(new FrocLesion("1", 0.3, 1.0), new FrocLesion("2", 0.4, 2.5),
                        new FrocLesion("3", 0.3, 1.0)))));
    }
}
