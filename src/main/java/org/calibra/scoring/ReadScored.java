package org.calibra.scoring;

/** A read has been scored (same transaction as its submission); competency evaluation listens. */
public record ReadScored(long readId, long attemptId, long moduleId, long userId, boolean finalRead) {}
