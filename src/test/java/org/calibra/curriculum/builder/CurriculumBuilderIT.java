package org.calibra.curriculum.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.calibra.curriculum.CurriculumService;
import org.calibra.curriculum.content.CurriculumReader;
import org.calibra.institution.InstitutionService;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.security.UserService;
import org.calibra.security.UserSummary;
import org.calibra.support.IntegrationTest;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The builder's service layer end to end: a new curriculum is checked (every problem on its field, in words, an
 * unreachable threshold refused with the reason), fixed, published through the lead's publish (version 1), opened again,
 * changed and published as version 2; its YAML downloaded, changed and uploaded as version 3; another institution's
 * educator may neither see nor open it.
 */
@IntegrationTest
class CurriculumBuilderIT {

    /** Demo cases of the shared library: two normal, two abnormal. */
    private static final List<String> CASES = List.of("ct-thoracic-spine-staging-normal", "mr-iac-schwannoma-detected", "mr-brain-0417",
            "mr-iac-schwannoma-ai-missed");

    @Autowired ApplicationContext context;
    @Autowired CurriculumBuilder builder;
    @Autowired CurriculumService curricula;
    @Autowired UserService users;
    @Autowired InstitutionService institutions;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private UserSummary educator(String name, Long institution) {
        if (institution == null) {
            TestAccounts.create(context, name, Role.EDUCATOR);
        } else {
            TestAccounts.create(context, name, Role.EDUCATOR, institution);
        }
        SignedIn.as(name, "EDUCATOR");
        return users.findByUsername(name).orElseThrow();
    }

    @Test
    void create_check_fix_publish_reopen_change_and_upload() {
        var edu = educator("builder-edu", null);
        var draft = builder.newDraft(edu);
        assertThat(draft.institution).isEqualTo(institutions.defaultInstitution().slug());
        draft.title = "Builder test: reading with AI";
        draft.description = "Made in the builder.";
        draft.competencies = List.of("Reads with an AI");
        draft.creditHours = 2.5;
        var first = draft.modules.getFirst();
        first.title = "Builder first reads";
        first.description = "Four cases.";
        first.cases = new java.util.ArrayList<>(CASES);
        first.minimumCases = 4;
        var threshold = first.thresholds.getFirst();
        threshold.metric = "sensitivity";
        threshold.limit = 0.9;
        threshold.setInterval(true);

        // the pool summary, from the case bank's facts
        var summary = PoolSummary.of(draft.toManifestModule(first), builder.cases(draft, edu));
        assertThat(summary.abnormal()).isEqualTo(2);
        assertThat(summary.normal()).isEqualTo(2);
        assertThat(summary.unknown()).isEmpty();

        var check = builder.check(draft, edu);
        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).extracting(CurriculumBuilder.Problem::field)
                .containsExactlyInAnyOrder("certificate.title", "modules[0].thresholds[0].min");
        assertThat(check.problems()).extracting(CurriculumBuilder.Problem::inWords).contains("Certificate · Title: must not be empty",
                "Module 1 (Builder first reads) · Threshold 1 · Limit: can never be met in module 'Builder first reads': the lower 95% bound of sensitivity"
                        + " must be at least 90%, but an attempt reads at most 2 abnormal cases, and even 2 of 2 right gives a lower bound of 34%;"
                        + " reaching it needs at least 35 abnormal cases per attempt, or a lower limit, or the point estimate");
        assertThat(builder.publish(draft, edu).ok()).isFalse();
        assertThat(curricula.versions("builder-test-reading-with-ai")).isEmpty();

        // fix: a certificate title, the estimate instead of the interval; and a second module that needs the first
        draft.certificateTitle = "Builder test certificate";
        threshold.setInterval(false);
        var second = draft.addModule();
        second.title = "Builder second opinion";
        second.description = "The same cases, AI as second reader.";
        second.readingMode = "second-reader";
        second.caseTags = List.of(List.of("no-such-tag-anywhere"));
        second.prerequisites.add(first);
        var again = builder.check(draft, edu);
        assertThat(again.problems()).extracting(CurriculumBuilder.Problem::inWords)
                .containsExactly("Module 2 (Builder second opinion) · Tag rules: matches no case in the case library: the module has no cases");
        second.caseTags = List.of();
        second.cases = List.of(CASES.get(0), CASES.get(1));
        second.minimumCases = 2;
        assertThat(builder.check(draft, edu).problems()).isEmpty();

        var v1 = builder.publish(draft, edu);
        assertThat(v1.problems()).isEmpty();
        assertThat(v1.published().slug()).isEqualTo("builder-test-reading-with-ai");
        assertThat(v1.published().version()).isEqualTo(1);
        assertThat(draft.isPublished()).isTrue();
        assertThat(builder.editable(edu)).extracting(CurriculumBuilder.CurriculumRow::slug).contains("builder-test-reading-with-ai");

        // opened again: the same manifest, credit hours and prerequisite included
        var opened = builder.open("builder-test-reading-with-ai", edu).orElseThrow();
        assertThat(opened.toManifest(Set.of())).isEqualTo(draft.toManifest(Set.of()));
        assertThat(opened.creditHours).isEqualTo(2.5);
        assertThat(opened.modules.get(1).prerequisites).containsExactly(opened.modules.getFirst());

        // renaming a module keeps its id; raising the threshold is version 2, with what changed
        opened.modules.getFirst().title = "Builder first reads, renamed";
        opened.modules.getFirst().thresholds.getFirst().limit = 0.95;
        var v2 = builder.publish(opened, edu);
        assertThat(v2.ok()).isTrue();
        assertThat(v2.published().version()).isEqualTo(2);
        assertThat(v2.published().changes()).isNotEmpty();
        assertThat(builder.versions("builder-test-reading-with-ai", edu)).extracting(v -> v.version()).containsExactly(2, 1);
        assertThat(builder.open("builder-test-reading-with-ai", edu).orElseThrow().modules.getFirst().id).isEqualTo("builder-first-reads");

        // the YAML door: download, change, upload; an upload with problems publishes nothing
        String yaml = builder.source("builder-test-reading-with-ai", edu).orElseThrow();
        assertThat(CurriculumReader.parse(yaml.getBytes(StandardCharsets.UTF_8), "x").certificate().creditHours()).isEqualTo(2.5);
        var broken = builder.upload(yaml.replace("minimumCases: 4", "minimumCases: 9").getBytes(StandardCharsets.UTF_8), edu);
        assertThat(broken.ok()).isFalse();
        assertThat(broken.problems()).extracting(CurriculumBuilder.Problem::where).containsExactly("Module 1 (Builder first reads, renamed) · Minimum cases");
        var v3 = builder.upload(yaml.replace("Builder test certificate", "Builder test certificate, uploaded").getBytes(StandardCharsets.UTF_8), edu);
        assertThat(v3.problems()).isEmpty();
        assertThat(v3.published().version()).isEqualTo(3);

        // another institution's educator: not on their list, cannot open, and cannot take the id
        long other = institutions.namedOrCreated("Builder Other Hospital").id();
        var stranger = educator("builder-edu-other", other);
        assertThat(builder.editable(stranger)).extracting(CurriculumBuilder.CurriculumRow::slug).doesNotContain("builder-test-reading-with-ai");
        assertThat(builder.open("builder-test-reading-with-ai", stranger)).isEmpty();
        var theirs = builder.upload(yaml.getBytes(StandardCharsets.UTF_8), stranger);
        assertThat(theirs.ok()).isFalse();
        assertThat(curricula.versions("builder-test-reading-with-ai")).hasSize(3);
    }
}
