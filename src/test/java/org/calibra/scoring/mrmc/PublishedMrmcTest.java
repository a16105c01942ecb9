package org.calibra.scoring.mrmc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Properties;
import org.calibra.scoring.domain.roc.FrocFom;
import org.calibra.scoring.jafroc.JafrocCsv;
import org.calibra.scoring.jafroc.ReaderStudy;
import org.calibra.scoring.mrmc.MrmcResult.Analysis;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reproduces the published OR and DBM results (Iowa OR-DBM MRMC program, RJafroc; MRMCaov for
 * DeLong covariances) for Van Dyke and FED, to the digits they were printed with. The numbers and their sources are in
 * {@code src/test/resources/mrmc/published.properties}; each group's count of numbers is fixed here,
 * so a misspelt or dropped key cannot make a check vanish unnoticed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublishedMrmcTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "vandyke, Wilcoxon, OR, 49",
            "vandyke, Wilcoxon, DBM, 40",
            "fed, Wilcoxon, OR, 31",
            "fed, wAFROC, OR, 42",
            "fed, wAFROC, DBM, 28",
            "vandyke, Wilcoxon, OR-DeLong, 23",
    })
    void the_analysis_reproduces_every_published_number(String data, String fom, String method, int count) throws IOException {
        MrmcResult r = analyse(data, fom, method);
        String prefix = data + "." + fom + "." + method + ".";
        var mismatches = new ArrayList<String>();
        int checked = 0;
        Properties published = published();
        for (String key : published.stringPropertyNames().stream().sorted().toList()) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            String printed = published.getProperty(key).strip();
            double computed = valueOf(r, key.substring(prefix.length()));
            BigDecimal p = new BigDecimal(printed);
            double tolerance = 0.5 * Math.pow(10, -p.scale());
            if (!(Math.abs(computed - p.doubleValue()) <= tolerance * (1 + 1e-9))) {
                mismatches.add(key + ": published " + printed + ", computed " + computed);
            }
            checked++;
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).isEqualTo(count);
    }

    static MrmcResult analyse(String data, String fom, String method) {
        var foms = StudyFoms.of(study(data), fom.equals("Wilcoxon") ? FrocFom.HR_AUC : FrocFom.WAFROC);
        return switch (method) {
            case "OR" -> ObuchowskiRockette.analyse(foms, CovarianceMethod.JACKKNIFE, 0.05);
            case "OR-DeLong" -> ObuchowskiRockette.analyse(foms, CovarianceMethod.DELONG, 0.05);
            case "DBM" -> DorfmanBerbaumMetz.analyse(foms, 0.05);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** The value a key names: "RRRC.F", "FRRC.diff.1-3.lower", "RRFC.modality.2.df", "cov2", "mean.1", ... */
    private static double valueOf(MrmcResult r, String key) {
        String[] part = key.split("\\.");
        switch (part[0]) {
            case "mean":
                return r.modalityMean(r.modalities().indexOf(part[1]));
            case "msT", "msTR", "msTC", "msTRC", "var", "cov1", "cov2", "cov3":
                return r.components().get(componentName(part[0]));
            default:
                break;
        }
        Analysis a = switch (part[0]) {
            case "RRRC" -> r.randomReadersRandomCases();
            case "FRRC" -> r.fixedReadersRandomCases();
            case "RRFC" -> r.randomReadersFixedCases();
            default -> throw new IllegalArgumentException("unknown key " + key);
        };
        return switch (part[1]) {
            case "F" -> a.test().f();
            case "chisq" -> a.test().f() * a.test().ndf();
            case "ddf" -> a.test().ddf();
            case "p" -> a.test().p();
            case "diff" -> {
                String[] pair = part[2].split("-");
                var d = a.differences().stream().filter(x -> x.first().equals(pair[0]) && x.second().equals(pair[1]))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("no difference " + part[2]));
                yield part.length == 3 ? d.estimate() : pick(part[3], d.stdErr(), d.p(), d.df(), d.ci().lower(), d.ci().upper());
            }
            case "modality" -> {
                var m = a.modalities().stream().filter(x -> x.modality().equals(part[2])).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no modality " + part[2]));
                yield pick(part[3], m.stdErr(), Double.NaN, m.df(), m.ci().lower(), m.ci().upper());
            }
            default -> throw new IllegalArgumentException("unknown key " + key);
        };
    }

    private static double pick(String what, double stdErr, double p, double df, double lower, double upper) {
        return switch (what) {
            case "stdErr" -> stdErr;
            case "p" -> p;
            case "df" -> df;
            case "lower" -> lower;
            case "upper" -> upper;
            default -> throw new IllegalArgumentException("unknown quantity " + what);
        };
    }

    private static String componentName(String key) {
        return switch (key) {
            case "msT" -> "MS(T)";
            case "msTR" -> "MS(T×R)";
            case "msTC" -> "MS(T×C)";
            case "msTRC" -> "MS(T×R×C)";
            case "var" -> "Var";
            default -> "Cov" + key.substring(3);
        };
    }

    static Properties published() throws IOException {
        var p = new Properties();
        try (InputStream in = PublishedMrmcTest.class.getResourceAsStream("/mrmc/published.properties")) {
            p.load(in);
        }
        return p;
    }

    static ReaderStudy study(String name) {
        var url = PublishedMrmcTest.class.getResource("/mrmc/" + name + "/truth.csv");
        try {
            return JafrocCsv.read(Path.of(url.toURI()).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

}
