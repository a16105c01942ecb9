package org.calibra.reading;

/** Published inside the submitting transaction; scoring listens. */
public record ReadSubmitted(SubmittedRead read) {}
