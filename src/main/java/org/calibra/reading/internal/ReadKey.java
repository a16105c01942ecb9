package org.calibra.reading.internal;

/** An earlier read of an attempt as a submission checks it: the case version read and the phase (ReadPhase code). */
public record ReadKey(long caseVersionId, String phase) {}
