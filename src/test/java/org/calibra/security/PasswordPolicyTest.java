package org.calibra.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void a_long_password_of_unrelated_words_is_accepted() {
        assertThat(PasswordPolicy.problem("correct horse battery", "rosa")).isEmpty();
    }

    @Test
    void empty_and_short_passwords_are_refused_saying_how_long_they_must_be() {
        assertThat(PasswordPolicy.problem("", "rosa")).contains("Enter a password.");
        assertThat(PasswordPolicy.problem(null, "rosa")).contains("Enter a password.");
        assertThat(PasswordPolicy.problem("short-pass", "rosa")).hasValueSatisfying(p -> assertThat(p).contains("10 characters", "at least 12"));
    }

    @Test
    void a_password_containing_the_username_is_refused_whatever_the_case() {
        assertThat(PasswordPolicy.problem("my-ROSA-password-2026", "rosa")).contains("The password must not contain the username.");
    }

    @Test
    void too_long_for_bcrypt_is_refused_counting_bytes_not_only_characters() {
        assertThat(PasswordPolicy.problem("a1b2c3d4e5".repeat(7), "rosa")).hasValueSatisfying(p -> assertThat(p).contains("too long", "64"));
        // 40 characters, but 80 bytes in UTF-8: BCrypt would silently ignore the end
        assertThat(PasswordPolicy.problem("ééééééééééééééééééééüüüüüüüüüüüüüüüüüüüü", "rosa")).hasValueSatisfying(p -> assertThat(p).contains("too long"));
    }

    @Test
    void the_same_character_over_and_over_is_refused() {
        assertThat(PasswordPolicy.problem("aaaaaaaaaaaaaaaa", "rosa")).hasValueSatisfying(p -> assertThat(p).contains("harder to guess"));
    }
}
