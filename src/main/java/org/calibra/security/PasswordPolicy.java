package org.calibra.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a local password must be: the same length rule as the Keycloak realm (12 characters or more, not the username),
 * and short enough for BCrypt, which reads only the first 72 bytes (Spring's encoder refuses longer ones).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    private static final int BCRYPT_MAX_BYTES = 72;

    /** Said next to the password field, before anyone types. */
    public static final String DESCRIPTION = "At least " + MIN_LENGTH + " characters, at most " + MAX_LENGTH
            + "; not your username. A few unrelated words make a good one.";

    private PasswordPolicy() {
    }

    /** Why the password is refused, in words, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.isBlank()) {
            return Optional.of("Enter a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("The password has " + length + " characters; it needs at least " + MIN_LENGTH + ".");
        }
        if (length > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            return Optional.of("The password is too long: use at most " + MAX_LENGTH + " characters (fewer if it has accents or symbols).");
        }
        if (username != null && !username.isBlank() && password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the username.");
        }
        if (password.codePoints().distinct().count() < 4) {
            return Optional.of("The password repeats too few different characters; choose one that is harder to guess.");
        }
        return Optional.empty();
    }
}
