package org.calibra.curriculum.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.calibra.curriculum.content.CurriculumManifest;
import org.calibra.curriculum.content.CurriculumReader;
import org.junit.jupiter.api.Test;

class CurriculumDraftTest {

    @Test
    void every_curriculum_in_curricula_opens_as_a_draft_and_comes_back_equal() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("curricula"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                CurriculumManifest m = CurriculumReader.parse(Files.readAllBytes(f), f.toString());
                assertThat(CurriculumDraft.from(m).toManifest(Set.of(m.id()))).as(f.toString()).isEqualTo(m);
            }
        }
    }

    @Test
    void ids_follow_the_titles_until_published_then_stay() {
        var d = new CurriculumDraft();
        d.title = "Chest CT — first reads";
        var a = d.addModule();
        a.title = "Nodules: détection";
        var b = d.addModule();
        b.title = "Nodules: détection";
        var c = d.addModule();
        var m = d.toManifest(Set.of("chest-ct-first-reads"));
        assertThat(m.id()).isEqualTo("chest-ct-first-reads-2"); // taken by another curriculum
        assertThat(m.modules()).extracting(CurriculumManifest.Module::id).containsExactly("nodules-detection", "nodules-detection-2", "module");
        a.title = "Renamed";
        assertThat(d.toManifest(Set.of()).modules().getFirst().id()).isEqualTo("renamed");
        d.fixIds();
        a.title = "Renamed again";
        d.title = "Another title";
        var after = d.toManifest(Set.of());
        assertThat(after.id()).isEqualTo("chest-ct-first-reads");
        assertThat(after.modules().getFirst().id()).isEqualTo("renamed");
        // a module added after publishing gets its own id, unique among the kept ones
        var e = d.addModule();
        e.title = "Renamed";
        assertThat(d.toManifest(Set.of()).modules().getLast().id()).isEqualTo("renamed-2");
        assertThat(c.id).isEqualTo("module");
        assertThat(CurriculumDraft.slug("A", "x")).isEqualTo("a");
        var shortTitle = new CurriculumDraft();
        shortTitle.title = "AI";
        assertThat(shortTitle.toManifest(Set.of()).id()).isEqualTo("ai-curriculum"); // ids need 3 characters
    }

    @Test
    void prerequisites_are_modules_and_moving_a_module_drops_those_that_would_come_later() {
        var d = new CurriculumDraft();
        var a = d.addModule();
        a.title = "A";
        var b = d.addModule();
        b.title = "B";
        b.prerequisites.add(a);
        assertThat(d.toManifest(Set.of()).modules().get(1).prerequisites()).containsExactly("a");
        d.move(b, -1); // B first: A can no longer be its prerequisite
        assertThat(d.modules).containsExactly(b, a);
        assertThat(b.prerequisites).isEmpty();
        a.prerequisites.add(b);
        d.removeModule(b);
        assertThat(a.prerequisites).isEmpty();
    }

    @Test
    void a_threshold_interval_follows_its_direction() {
        var t = new CurriculumDraft.ThresholdDraft();
        t.setInterval(true);
        assertThat(t.bound).isEqualTo("lower");
        t.setAtMost(true);
        assertThat(t.bound).isEqualTo("upper");
        t.setInterval(false);
        assertThat(t.bound).isEqualTo("point");
        var spec = new CurriculumDraft();
        spec.addModule().thresholds.set(0, t);
        t.limit = 0.25;
        t.metric = "overReliance";
        assertThat(spec.toManifest(Set.of()).modules().getFirst().thresholds())
                .containsExactly(new CurriculumManifest.ThresholdSpec("overReliance", null, 0.25, "point"));
        assertThat(List.of(t.interval())).containsExactly(false);
    }
}
