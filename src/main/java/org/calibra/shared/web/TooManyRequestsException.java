package org.calibra.shared.web;

/**
 * A Vaadin navigation refused by a rate limit: reroute to it ({@code event.rerouteToError(exception, message)}) and the
 * shell shows the message — the limit and when to try again — in words.
 */
public class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
