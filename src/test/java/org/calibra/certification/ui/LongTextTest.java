package org.calibra.certification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongTextTest {

    @Test
    void a_link_breaks_only_after_its_separators_and_never_inside_the_id() {
        assertThat(LongText.parts("https://calibra.example/verify/q3Zx9Vb2RkS0n4mH8pLw1A"))
                .containsExactly("https://", "calibra.", "example/", "verify/", "q3Zx9Vb2RkS0n4mH8pLw1A");
    }

    @Test
    void an_id_is_never_cut_at_its_underscores_or_hyphens() {
        assertThat(LongText.parts("https://x/verify/yHDcr_a9YXcjo-kMMU7ydvw")).containsExactly("https://", "x/", "verify/", "yHDcr_a9YXcjo-kMMU7ydvw");
    }

    @Test
    void an_id_a_file_name_and_a_credential_break_where_they_have_separators_and_lose_no_character() {
        assertThat(LongText.parts("q3Zx9Vb2RkS0n4mH8pLw1A")).containsExactly("q3Zx9Vb2RkS0n4mH8pLw1A");
        assertThat(LongText.parts("valid-credential.jwt")).containsExactly("valid-credential.", "jwt");
        assertThat(LongText.parts("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).containsExactly("eyJhbGciOiJSUzI1NiJ9.", "eyJzdWIiOiJ4In0.", "c2ln");
        assertThat(String.join("", LongText.parts("a?b=1&c=/d#e..f"))).isEqualTo("a?b=1&c=/d#e..f");
        assertThat(LongText.parts("")).isEmpty();
    }

    @Test
    void the_span_keeps_the_whole_text_for_screen_readers_and_copying_and_in_its_tooltip() {
        var span = LongText.of("https://x/verify/abc");

        assertThat(span.getElement().getTextRecursively()).isEqualTo("https://x/verify/abc");
        assertThat(span.getElement().getAttribute("title")).isEqualTo("https://x/verify/abc");
        assertThat(span.getElement().getChildren().filter(e -> !e.isTextNode() && "wbr".equals(e.getTag())).count()).isEqualTo(3);
    }
}
