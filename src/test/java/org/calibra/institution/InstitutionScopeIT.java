package org.calibra.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.calibra.content.ContentLoader;
import org.calibra.curriculum.CurriculumService;
import org.calibra.reading.ReadRejectedException;
import org.calibra.reading.ReadingService;
import org.calibra.scoring.ReaderStudyExport;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.security.UserService;
import org.calibra.shared.content.ContentException;
import org.calibra.support.ContentCopy;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Institutions at the service boundary: who sees which programmes, what admins may change, what content may name. */
@IntegrationTest
class InstitutionScopeIT {

    @Autowired ApplicationContext context;
    @Autowired InstitutionService institutions;
    @Autowired CurriculumService curricula;
    @Autowired UserService users;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private long adminId() {
        return users.findByUsername("admin").orElseThrow().id();
    }

    private InstitutionInfo second(String name) {
        SignedIn.as("admin", "ADMIN");
        return institutions.bySlug(Slugs.of(name)).orElseGet(() -> institutions.createByAdmin(name, adminId()));
    }

    @Test
    void a_resident_of_another_institution_sees_none_of_the_demo_programmes_and_cannot_read_in_them() {
        var b = second("Scope Hospital");
        TestAccounts.create(context, "scope-resident", Role.RESIDENT, b.id());
        long demoModule = new ReadingScenario(context, "first-reads").module().id();

        assertThat(curricula.listCurriculaOf(b.id())).isEmpty();
        assertThat(curricula.listCurriculaOf(institutions.defaultInstitution().id())).isNotEmpty();
        SignedIn.as("scope-resident", "RESIDENT");
        var reading = context.getBean(ReadingService.class);
        assertThat(reading.module(demoModule)).isEmpty();
        assertThatThrownBy(() -> reading.startOrResume(demoModule)).isInstanceOf(ReadRejectedException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> reading.cases(demoModule)).isInstanceOf(ReadRejectedException.class);
    }

    @Test
    void an_educator_oversees_only_their_institutions_modules() {
        var b = second("Oversight Hospital");
        TestAccounts.create(context, "oversight-educator", Role.EDUCATOR, b.id());
        long demoModule = new ReadingScenario(context, "first-reads").module().id();

        SignedIn.as("oversight-educator", "EDUCATOR");
        var me = users.findByUsername("oversight-educator").orElseThrow();
        assertThat(curricula.overseenBy(me)).isEmpty();
        assertThatThrownBy(() -> context.getBean(ReaderStudyExport.class).export(demoModule)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> context.getBean(org.calibra.reading.AttemptOversight.class).latestAttemptsOfModule(demoModule)).isInstanceOf(AccessDeniedException.class);

        SignedIn.as("educator", "EDUCATOR");
        assertThat(curricula.overseenBy(users.findByUsername("educator").orElseThrow())).isNotEmpty();
        assertThat(context.getBean(org.calibra.reading.AttemptOversight.class).latestAttemptInfosOfModule(demoModule)).isNotNull();
    }

    @Test
    void only_admins_create_rename_and_move_and_every_change_is_audited() {
        SignedIn.as("educator", "EDUCATOR");
        assertThatThrownBy(() -> institutions.createByAdmin("Sneaky Clinic", 1)).isInstanceOf(AuthorizationDeniedException.class);

        var b = second("Renamed Hospital");
        SignedIn.as("admin", "ADMIN");
        institutions.rename(b.id(), "Renamed Hospital of the North", adminId());
        assertThat(institutions.byId(b.id()).orElseThrow().slug()).as("the slug stays").isEqualTo("renamed-hospital");
        assertThatThrownBy(() -> institutions.createByAdmin("renamed hospital of the north", adminId()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> institutions.createByAdmin("  ", adminId())).isInstanceOf(IllegalArgumentException.class);

        TestAccounts.create(context, "moving-resident", Role.RESIDENT);
        long id = users.findByUsername("moving-resident").orElseThrow().id();
        users.changeInstitution(id, b.id(), adminId());
        assertThat(users.findById(id).orElseThrow().institutionId()).isEqualTo(b.id());
        assertThat(jdbc.queryForList("select action from audit_entry where subject = ? order by seq", String.class, "institution:" + b.id()))
                .containsExactly("institution.created", "institution.renamed");
        assertThat(jdbc.queryForList("select action from audit_entry where subject = ? order by seq", String.class, "user:" + id))
                .contains("account.institution_changed");
    }

    @Test
    void a_curriculum_naming_an_unknown_institution_is_rejected_with_file_field_and_the_known_ones(@TempDir Path tmp) throws IOException {
        ContentCopy.into(tmp);
        Path curriculum = tmp.resolve("curricula/ai-second-opinion.yaml");
        Files.writeString(curriculum, Files.readString(curriculum).replaceFirst("\nmodules:", "\ninstitution: no-such-hospital\nmodules:"));

        assertThatThrownBy(() -> context.getBean(ContentLoader.class).load(tmp.resolve("cases"), tmp.resolve("curricula")))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("curricula/ai-second-opinion.yaml");
                    assertThat(p.field()).isEqualTo("institution");
                    assertThat(p.message()).contains("'no-such-hospital' is not an institution").contains("calibra-demo-institution");
                }));
    }

    @Test
    void slugs_are_ascii_lower_case_and_hyphenated() {
        assertThat(Slugs.of("St. Example Hospital")).isEqualTo("st-example-hospital");
        assertThat(Slugs.of("Hôpital Saint-Éloi (Montpellier)")).isEqualTo("hopital-saint-eloi-montpellier");
        assertThatThrownBy(() -> Slugs.of("—")).isInstanceOf(IllegalArgumentException.class);
    }
}
