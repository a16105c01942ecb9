package org.calibra.scoring.jafroc;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.jafroc.FigureOfMeritCli.Fom;
import org.calibra.scoring.mrmc.CovarianceMethod;
import org.calibra.scoring.mrmc.DorfmanBerbaumMetz;
import org.calibra.scoring.mrmc.MrmcReport;
import org.calibra.scoring.mrmc.ObuchowskiRockette;
import org.calibra.scoring.mrmc.StudyFoms;

/** {@code fom --mrmc}: the OR and DBM analyses of each chosen figure of merit, printed as tables. */
final class MrmcCommand {

    static final double ALPHA = 0.05;

    private MrmcCommand() {
    }

    static int run(ReaderStudy study, Path folder, List<Fom> foms, CovarianceMethod cov, PrintStream out, PrintStream err) {
        out.printf(Locale.ROOT, "MRMC comparison of modalities, study %s: %d modalities x %d readers; %d cases (%d normal, %d abnormal)%n",
                folder, study.modalities().size(), study.readers().size(), study.normalCount() + study.abnormalCount(),
                study.normalCount(), study.abnormalCount());
        out.println("Intervals are " + Math.round(100 * (1 - ALPHA)) + "%; differences are the first modality minus the second,"
                + " figures of merit averaged over readers.");
        for (Fom fom : foms) {
            try {
                // Wilcoxon here is the AUC of the inferred ROC ratings, which is RJafroc's HrAuc (its Wilcoxon for ROC data).
                var values = StudyFoms.of(study, fom.froc != null ? fom.froc : FrocFom.HR_AUC, fom.label);
                out.println();
                MrmcReport.print(ObuchowskiRockette.analyse(values, cov, ALPHA), out);
                out.println();
                MrmcReport.print(DorfmanBerbaumMetz.analyse(values, ALPHA), out);
            } catch (IllegalArgumentException e) {
                err.println("error: " + fom.label + ": " + e.getMessage());
                return FigureOfMeritCli.BAD_INPUT;
            }
        }
        return FigureOfMeritCli.OK;
    }
}
