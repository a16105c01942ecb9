package org.calibra.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.calibra.casebank.CaseService;
import org.calibra.content.ContentLoader;
import org.calibra.curriculum.CurriculumService;
import org.calibra.reading.ReadingService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.CaseZips;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retiring a case (ADR 0021): no new draw or tag pool takes it; the reads made on it, their scores and feedback stay; an
 * attempt that drew it before still reads it; un-retiring takes it back; the loader warns about modules listing it by id.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RetireIT {

    @Autowired AuthoringService authoring;
    @Autowired CaseService cases;
    @Autowired CurriculumService curricula;
    @Autowired ReadingService reading;
    @Autowired ContentLoader loader;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private java.util.List<String> importedPool() {
        return curricula.listCurricula().stream().filter(c -> c.slug().equals("imported-cases")).findFirst().orElseThrow()
                .modules().getFirst().caseSlugs();
    }

    @Test
    void a_retired_case_is_drawn_no_more_and_the_reads_made_on_it_stay() throws Exception {
        SignedIn.as("curator", "EDUCATOR");
        var d = authoring.upload("retire.zip", CaseZips.caseZip("case-to-retire", false)).draft();
        authoring.sendForReview(d.id(), d.revision());
        SignedIn.as("educator", "EDUCATOR");
        long version = authoring.approve(d.id(), d.revision(), false, null).publishedVersionId();

        TestAccounts.create(context, "retire-reader", Role.RESIDENT);
        TestAccounts.create(context, "retire-newcomer", Role.RESIDENT);
        SignedIn.as("retire-reader", "RESIDENT");
        var scenario = new ReadingScenario(context, "imported-reads");
        var entry = scenario.cases().stream().filter(c -> c.slug().equals("case-to-retire")).findFirst().orElseThrow();
        var read = scenario.readCorrectly(entry);

        SignedIn.as("educator", "EDUCATOR");
        authoring.retire("case-to-retire");

        assertThat(cases.retired()).contains("case-to-retire");
        assertThat(importedPool()).doesNotContain("case-to-retire").contains("ct-thoracic-spine-staging-normal");
        assertThat(authoring.caseDetails("case-to-retire").orElseThrow().state()).isEqualTo(CaseState.RETIRED);
        assertThat(authoring.library()).filteredOn(c -> c.slug().equals("case-to-retire")).singleElement()
                .satisfies(c -> assertThat(c.stateInWords()).isEqualTo("retired"));
        SignedIn.as("retire-newcomer", "RESIDENT");
        assertThat(reading.cases(scenario.module().id())).extracting(e -> e.slug()).as("a new draw").doesNotContain("case-to-retire");
        SignedIn.as("retire-reader", "RESIDENT");
        assertThat(reading.read(read.readId())).as("the read stays the resident's, on its version").hasValueSatisfying(r ->
                assertThat(r.caseVersionId()).isEqualTo(version));
        assertThat(reading.cases(scenario.module().id())).extracting(e -> e.slug()).as("the attempt that drew it keeps it").contains("case-to-retire");
        assertThat(cases.latestVersionId("case-to-retire")).as("what that attempt reads").contains(version);
        assertThat(jdbc.queryForObject("select count(*) from read_score where read_id = ?", Integer.class, read.readId())).isEqualTo(1);

        SignedIn.as("educator", "EDUCATOR");
        authoring.unretire("case-to-retire");
        assertThat(importedPool()).contains("case-to-retire");
        assertThat(jdbc.queryForList("select action from audit_entry where subject = 'case:case-to-retire' and action like 'case.%retired' order by seq",
                String.class)).containsExactly("case.retired", "case.unretired");
    }

    @Test
    void a_bundled_case_is_retired_by_an_admin_and_the_loader_warns_about_modules_that_list_it(CapturedOutput output) {
        SignedIn.as("educator", "EDUCATOR");
        assertThatThrownBy(() -> authoring.retire("mra-neck-0932")).isInstanceOf(DraftRefused.class).hasMessageContaining("by an admin");

        SignedIn.as("admin", "ADMIN");
        authoring.retire("mra-neck-0932");
        try {
            assertThat(curricula.listCurricula().stream().flatMap(c -> c.modules().stream()).flatMap(m -> m.caseSlugs().stream()))
                    .doesNotContain("mra-neck-0932");
            loader.load(Path.of("cases"), Path.of("curricula"));
            assertThat(output).contains("lists case 'mra-neck-0932', which is retired: draws leave it out");
            assertThat(cases.retired()).as("loading the repository again does not un-retire it").contains("mra-neck-0932");
        } finally {
            authoring.unretire("mra-neck-0932");
        }
    }
}
