package org.calibra.security;

import java.util.List;

/** An admin's account form was refused; each problem names the field and what is expected. */
public class AccountInputException extends IllegalArgumentException {

    private final List<String> problems;

    AccountInputException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
