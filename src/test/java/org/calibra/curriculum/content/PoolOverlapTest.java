package org.calibra.curriculum.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolOverlapTest {

    private static CurriculumReader.Checked curriculum(String id, String institution, Map<String, List<String>> pools) {
        var modules = pools.keySet().stream().sorted().map(m -> new CurriculumManifest.Module(m, m, "", "unaided", pools.get(m), null, null,
                null, null, null, null, 1, null, null, List.of())).toList();
        return new CurriculumReader.Checked(new CurriculumManifest(1, id, id, "", null, modules, institution), new byte[0], pools);
    }

    @Test
    void modules_of_one_institution_that_share_cases_are_named_with_the_cases_they_share() {
        var a = curriculum("foundations", null, Map.of("first", List.of("c1", "c2", "c3")));
        var b = curriculum("second-opinion", null, Map.of("second", List.of("c3", "c2", "c9"), "third", List.of("c7")));
        var overlaps = PoolOverlap.find(List.of(a, b));

        assertThat(overlaps).singleElement().satisfies(o -> {
            assertThat(o.moduleA()).isEqualTo("first");
            assertThat(o.moduleB()).isEqualTo("second");
            assertThat(o.sharedCases()).containsExactly("c2", "c3");
            assertThat(o.describe()).contains("'first' (foundations)").contains("'second' (second-opinion)").contains("share 2 case(s): c2, c3")
                    .contains("repeats, which do not count");
        });
    }

    @Test
    void another_institutions_programme_is_not_compared_no_resident_can_meet_both() {
        var a = curriculum("ours", null, Map.of("m1", List.of("c1")));
        var b = curriculum("theirs", "st-elsewhere", Map.of("m2", List.of("c1")));
        assertThat(PoolOverlap.find(List.of(a, b))).isEmpty();
    }
}
