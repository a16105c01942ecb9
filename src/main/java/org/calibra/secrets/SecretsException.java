package org.calibra.secrets;

/** Calibra cannot start with the secrets it was given: the message says which setting and what is expected. */
public class SecretsException extends IllegalStateException {

    public SecretsException(String message) {
        super(message);
    }
}
