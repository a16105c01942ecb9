package org.calibra.reading;

/** A submission that cannot be accepted; the message says why, in words a trainee understands. */
public class ReadRejectedException extends RuntimeException {
    public ReadRejectedException(String message) {
        super(message);
    }
}
