package org.calibra.competency;

/** A trainee met every threshold of a module; certification listens. */
public record ModulePassed(long userId, long moduleId, long curriculumId, long attemptId) {}
