package org.calibra.scoring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import java.util.Optional;
import java.util.stream.Stream;
import org.calibra.curriculum.CurriculumService;
import org.calibra.reading.ReadingService;
import org.calibra.scoring.ReaderStudyExport;
import org.calibra.security.CurrentUser;
import org.calibra.security.Role;
import org.calibra.security.TestAccounts;
import org.calibra.support.IntegrationTest;
import org.calibra.support.ReadingScenario;
import org.calibra.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The Reader studies page says per module whether there is anything to export, and links only to exports that succeed. */
@IntegrationTest
class ReaderStudiesViewIT {

    @Autowired ApplicationContext context;
    @Autowired CurriculumService curricula;
    @Autowired ReaderStudyExport export;
    @Autowired CurrentUser currentUser;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void a_module_nobody_finished_says_so_in_words_and_offers_no_link_and_a_finished_one_offers_the_download() {
        var finished = new ReadingScenario(context, "first-reads");
        readWholeModule("studies-view-reader", finished);

        SignedIn.as("educator", "EDUCATOR");
        var view = new ReaderStudiesView(curricula, export, currentUser);

        var unread = new ReadingScenario(context, "ask-when-needed").module();
        var status = find(view, "export-status-" + unread.slug()).orElseThrow();
        assertThat(((HasText) status).getText()).isEqualTo(export.availability(unread.id()).inWords())
                .startsWith("Nothing to export yet: no resident has read the module's minimum of");
        assertThat(find(view, "export-" + unread.slug())).as("no link to an export that would answer 409").isEmpty();

        var ready = find(view, "export-status-" + finished.module().slug()).orElseThrow();
        assertThat(((HasText) ready).getText()).startsWith("Ready to export:");
        var link = find(view, "export-" + finished.module().slug()).orElseThrow();
        assertThat(link.getElement().getAttribute("href")).isEqualTo("export/modules/" + finished.module().id() + "/jafroc.zip");
        assertThat(link.getElement().getAttribute("aria-label")).isEqualTo("Download JAFROC data of " + finished.module().title());
    }

    private void readWholeModule(String user, ReadingScenario scenario) {
        TestAccounts.create(context, user, Role.RESIDENT);
        SignedIn.as(user, "RESIDENT");
        var reading = context.getBean(ReadingService.class);
        reading.startOrResume(scenario.module().id());
        for (var entry : scenario.cases()) {
            if (reading.currentAttempt(scenario.module().id()).orElseThrow().status() != org.calibra.reading.AttemptInfo.Status.IN_PROGRESS) {
                break;
            }
            scenario.readCorrectly(entry);
        }
        SignedIn.clear();
    }

    private static Optional<Component> find(Component root, String id) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(c -> find(c, id).stream()))
                .filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
    }
}
