package org.calibra.oversight.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.List;
import java.util.stream.Stream;
import org.calibra.institution.InstitutionService;
import org.calibra.oversight.CaseStatisticsReport;
import org.calibra.oversight.CohortOverview;
import org.calibra.oversight.TraineeOverview;
import org.calibra.oversight.domain.CaseStatisticsCsv;
import org.calibra.reading.AttemptInfo;
import org.calibra.reading.SubmittedRead;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.security.UserService;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 14: the Trainees page was empty for every module even after a resident had read in it (the rows were built but never
 * given to the grid). Here a resident reads three cases of the demo module, another never starts; the educator's overview and
 * the page's grid list both, with the reader's attempt, status, figures and the link to the decision record; case statistics
 * and the cohort see the reads; an educator of another institution sees none of it.
 */
@IntegrationTest
class TraineesPageIT {

    @Autowired ApplicationContext context;
    @Autowired TraineeOverview overview;
    @Autowired CaseStatisticsReport caseStatistics;
    @Autowired CohortOverview cohorts;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void the_educator_sees_every_resident_with_attempts_figures_and_decision_record_links_on_the_page() {
        TestAccounts.create(context, "trainees-reader", Role.RESIDENT);
        TestAccounts.create(context, "trainees-idle", Role.RESIDENT);
        SignedIn.as("trainees-reader", "RESIDENT");
        var scenario = new ReadingScenario(context);
        var cases = scenario.cases();
        scenario.readCorrectly(cases.get(0));
        scenario.readCorrectly(cases.get(1));
        SubmittedRead wrong = scenario.readWrongly(cases.get(2));
        long attemptId = wrong.attemptId();
        String module = scenario.module().slug();

        SignedIn.as("educator", "EDUCATOR");
        var rows = overview.overview().stream().flatMap(c -> c.modules().stream()).filter(m -> m.module().slug().equals(module))
                .findFirst().orElseThrow().rows();

        var reader = row(rows, "Test trainees-reader");
        assertThat(reader.attempts()).singleElement().satisfies(a -> {
            assertThat(a.attemptId()).isEqualTo(attemptId);
            assertThat(a.status()).isEqualTo(AttemptInfo.Status.IN_PROGRESS);
            assertThat(a.decisionRecordRoute()).isEqualTo("decisions/" + attemptId);
        });
        var latest = reader.latest().orElseThrow();
        assertThat(latest.metrics().casesRead()).isEqualTo(3);
        assertThat(latest.thresholds()).extracting(t -> t.threshold().metric()).containsExactly("sensitivity", "specificity");
        assertThat(reader.readingTime()).isPositive();
        var idle = row(rows, "Test trainees-idle");
        assertThat(idle.started()).isFalse();
        assertThat(idle.latest()).isEmpty();

        // the page: the rows reach the module's grid, and the reader's row links to the decision record
        var page = new TraineesView(overview);
        Grid<TraineeOverview.Row> grid = find(page, "trainees-" + module);
        var shown = grid.getGenericDataView().getItems().toList();
        assertThat(shown).extracting(TraineeOverview.Row::resident).contains("Test trainees-reader", "Test trainees-idle");
        var links = rendered(grid, 6, row(shown, "Test trainees-reader"));
        assertThat(descendants(links).filter(Anchor.class::isInstance).map(c -> ((Anchor) c).getHref()))
                .containsExactly("decisions/" + attemptId);
        assertThat(grid.getColumns().get(2).getHeaderText()).isEqualTo("Latest status");
        var figures = descendants(rendered(grid, 3, row(shown, "Test trainees-reader")))
                .map(c -> c.getElement().getText()).filter(t -> !t.isEmpty()).toList();
        assertThat(figures).contains("Cases counted: 3 (abnormal " + latest.metrics().sensitivity().trials() + ", normal "
                + latest.metrics().specificity().trials() + ")");
        assertThat(figures).anyMatch(t -> t.startsWith("Sensitivity at least 60% — "));
        var idleLinks = rendered(grid, 6, row(shown, "Test trainees-idle"));
        assertThat(descendants(idleLinks).filter(Anchor.class::isInstance)).isEmpty();
        assertThat(page.getElement().toString()).as("the module's case statistics and cohort are linked from the page")
                .contains("modules/" + scenario.module().id() + "/case-statistics").contains("modules/" + scenario.module().id() + "/cohort");

        // case statistics and the cohort are built from the same reads
        var report = caseStatistics.of(scenario.module().id()).orElseThrow();
        var wrongRead = context.getBean(org.calibra.casebank.CaseService.class).forReading(wrong.caseVersionId()).orElseThrow();
        String wrongSlug = wrongRead.slug();
        var wrongCase = report.cases().stream().filter(s -> s.caseSlug().equals(wrongSlug)).findFirst().orElseThrow();
        assertThat(wrongCase.caseTitle()).as("named by its title, as educators read it").isEqualTo(wrongRead.title());
        assertThat(wrongCase.timesRead()).isPositive();
        assertThat(wrongCase.correct().trials() - wrongCase.correct().successes()).as("the wrong read counts as wrong").isPositive();
        assertThat(report.cases()).extracting(s -> s.caseSlug()).containsAll(scenario.module().caseSlugs());
        String csv = caseStatistics.csv(scenario.module().id()).orElseThrow();
        // the statistics' columns, then the calibrated-case columns (issue 17)
        assertThat(csv).startsWith(String.join(",", CaseStatisticsCsv.HEADER) + "," + String.join(",", CaseStatisticsCsv.CALIBRATION_HEADER) + "\r\n");
        String csvTitle = wrongRead.title().contains(",") || wrongRead.title().contains("\"")
                ? "\"" + wrongRead.title().replace("\"", "\"\"") + "\"" : wrongRead.title();
        assertThat(csv).as("the title first, the slug as the case id").contains("\r\n" + csvTitle + "," + wrongSlug + ",");
        assertThat(csv.split("\r\n")).hasSize(1 + report.cases().size());
        var cohort = cohorts.of(scenario.module().id()).orElseThrow();
        assertThat(cohort.residents()).isPositive();
        assertThat(cohort.distributions()).extracting(d -> d.metric()).containsExactly("sensitivity", "specificity");
        assertThat(cohort.distributions().getFirst().limit()).hasValue(0.6);
    }

    @Test
    void an_educator_of_another_institution_sees_none_of_it() {
        SignedIn.as("admin", "ADMIN");
        var institutions = context.getBean(InstitutionService.class);
        long adminId = context.getBean(UserService.class).findByUsername("admin").orElseThrow().id();
        var other = institutions.bySlug("trainees-elsewhere").orElseGet(() -> institutions.createByAdmin("Trainees Elsewhere", adminId));
        TestAccounts.create(context, "trainees-other-educator", Role.EDUCATOR, other.id());
        long module = new ReadingScenario(context).module().id();

        SignedIn.as("trainees-other-educator", "EDUCATOR");

        assertThat(overview.overview()).isEmpty();
        assertThat(overview.module(module)).isEmpty();
        assertThat(caseStatistics.of(module)).isEmpty();
        assertThat(caseStatistics.csv(module)).isEmpty();
        assertThat(cohorts.of(module)).isEmpty();
    }

    private static TraineeOverview.Row row(List<TraineeOverview.Row> rows, String resident) {
        return rows.stream().filter(r -> r.resident().equals(resident)).findFirst().orElseThrow(() -> new AssertionError(resident + " not in " + rows));
    }

    @SuppressWarnings("unchecked")
    private static Component rendered(Grid<TraineeOverview.Row> grid, int column, TraineeOverview.Row row) {
        return ((ComponentRenderer<? extends Component, TraineeOverview.Row>) grid.getColumns().get(column).getRenderer()).createComponent(row);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T find(Component root, String id) {
        return (T) descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no element " + id));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(TraineesPageIT::descendants));
    }
}
