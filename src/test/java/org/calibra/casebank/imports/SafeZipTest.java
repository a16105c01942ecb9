package org.calibra.casebank.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upload safety: size, zip bombs, entry counts, path traversal, links and hidden files. */
class SafeZipTest {

    static final ImportLimits SMALL = new ImportLimits(1 << 20, 4 << 20, 3 << 20, 5, 50);

    @Test
    void files_are_read_in_memory_and_directories_hidden_files_and_resource_forks_are_skipped() {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("case/", new byte[0]);
        entries.put("case/a.dcm", new byte[] {1, 2});
        entries.put("case/.DS_Store", new byte[] {3});
        entries.put("__MACOSX/case/._a.dcm", new byte[] {4});
        SourceBundle b = SafeZip.read("up.zip", Zips.of(entries), SMALL);
        assertThat(b.files()).extracting(SourceBundle.SourceFile::name).containsExactly("case/a.dcm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.dcm", "case/../../evil.dcm", "/etc/passwd", "C:/Windows/evil.dcm", "case\\..\\evil.dcm"})
    void names_that_leave_the_bundle_are_refused_naming_the_entry(String name) {
        byte[] zip = Zips.of(Map.of(name, new byte[] {1}));
        assertThatThrownBy(() -> SafeZip.read("up.zip", zip, SMALL)).isInstanceOf(ImportException.class)
                .hasMessageContaining("up.zip!" + name);
    }

    @Test
    void a_symbolic_link_entry_is_skipped_not_followed() {
        byte[] zip = Zips.markSymlink(Zips.of(Map.of("link.dcm", "/etc/passwd".getBytes(), "a.dcm", new byte[] {1})), "link.dcm");
        assertThat(SafeZip.read("up.zip", zip, SMALL).files()).extracting(SourceBundle.SourceFile::name).containsExactly("a.dcm");
    }

    @Test
    void an_upload_over_the_size_limit_is_refused_with_the_limit_in_words() {
        byte[] big = new byte[(1 << 20) + 1];
        new java.util.Random(1).nextBytes(big);
        byte[] zip = Zips.of(Map.of("a.dcm", big));
        assertThatThrownBy(() -> SafeZip.read("up.zip", zip, SMALL)).hasMessageContaining("more than the 1 MB an upload may have");
    }

    @Test
    void a_zip_bomb_is_stopped_by_the_compression_ratio() {
        byte[] zip = Zips.of(Map.of("bomb.dcm", new byte[2 << 20])); // 2 MB of zeros → a few KB
        assertThat(zip.length).isLessThan(10_000);
        assertThatThrownBy(() -> SafeZip.read("up.zip", zip, SMALL)).hasMessageContaining("possible zip bomb");
    }

    @Test
    void the_total_unpacked_size_is_bounded_even_when_each_entry_is_fine() {
        var lenient = new ImportLimits(1 << 20, 4 << 20, 3 << 20, 50, 100_000);
        var entries = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < 3; i++) {
            entries.put("f" + i + ".dcm", new byte[2 << 20]);
        }
        assertThatThrownBy(() -> SafeZip.read("up.zip", Zips.of(entries), lenient)).hasMessageContaining("in total");
    }

    @Test
    void a_single_file_over_the_per_file_limit_is_refused() {
        var lenient = new ImportLimits(1 << 20, 40 << 20, 3 << 20, 50, 100_000);
        assertThatThrownBy(() -> SafeZip.read("up.zip", Zips.of(Map.of("f.dcm", new byte[4 << 20])), lenient))
                .hasMessageContaining("single file");
    }

    @Test
    void too_many_entries_are_refused_before_anything_is_unpacked() {
        var entries = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < 6; i++) {
            entries.put("f" + i + ".dcm", new byte[] {1});
        }
        assertThatThrownBy(() -> SafeZip.read("up.zip", Zips.of(entries), SMALL)).hasMessageContaining("has 6 entries; at most 5");
    }

    @Test
    void something_that_is_not_a_zip_says_so() {
        assertThatThrownBy(() -> SafeZip.read("up.zip", "hello, not a zip at all, honestly".getBytes(), SMALL))
                .hasMessageContaining("is not a .zip file");
    }
}
