package org.calibra.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.calibra.casebank.CaseImageAccess;
import org.calibra.casebank.CaseService;
import org.calibra.content.ContentLoader;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.ContentCopy;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The one rule behind every image door: residents see what was drawn for them and what they have read — also an older
 * version of a case after it changed, for feedback — and nothing else; educators and admins all; verifiers and
 * anonymous callers nothing.
 */
@IntegrationTest
class CaseImageAccessIT {

    @Autowired ApplicationContext context;
    @Autowired CaseImageAccess access;
    @Autowired CaseService cases;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void residents_see_their_draw_and_their_reads_even_after_the_case_changed(@TempDir Path tmp) throws Exception {
        TestAccounts.create(context, "access-reader", Role.RESIDENT);
        TestAccounts.create(context, "access-stranger", Role.RESIDENT);
        SignedIn.as("access-reader", "RESIDENT");
        var scenario = new ReadingScenario(context);
        context.getBean(ReadingService.class).startOrResume(scenario.module().id());
        var first = scenario.cases().getFirst();
        long undrawn = cases.latestVersionId("synth-cxr-002").orElseThrow();
        assertThat(access.mayView(first.caseVersionId())).as("drawn for this resident").isTrue();
        assertThat(access.mayView(undrawn)).as("in no draw of theirs").isFalse();
        scenario.readCorrectly(first);

        ContentCopy.into(tmp);
        Path manifest = tmp.resolve("cases").resolve(first.slug()).resolve("case.yaml");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("teachingPoints:\n", "teachingPoints:\n  - \"Changed after the read.\"\n"));
        try {
            context.getBean(ContentLoader.class).load(tmp.resolve("cases"), tmp.resolve("curricula"));
            long newVersion = cases.latestVersionId(first.slug()).orElseThrow();
            assertThat(newVersion).isNotEqualTo(first.caseVersionId());
            assertThat(access.mayView(first.caseVersionId())).as("the version read, for its feedback").isTrue();
            assertThat(access.mayView(newVersion)).as("the latest version of a drawn case").isTrue();

            SignedIn.as("access-stranger", "RESIDENT");
            assertThat(access.mayView(first.caseVersionId())).as("another resident's read").isFalse();
            assertThat(access.mayView(newVersion)).as("no attempt, no draw").isFalse();
            SignedIn.as("verifier", "VERIFIER");
            assertThat(access.mayView(newVersion)).isFalse();
            SignedIn.as("educator", "EDUCATOR");
            assertThat(access.mayView(undrawn)).isTrue();
            SignedIn.as("admin", "ADMIN");
            assertThat(access.mayView(undrawn)).isTrue();
            SignedIn.clear();
            assertThat(access.mayView(undrawn)).as("not signed in").isFalse();
        } finally {
            context.getBean(ContentLoader.class).load(Path.of("cases"), Path.of("curricula")); // the repository content again
        }
    }
}
