package org.calibra.adaptive;

/** A scored read of an adaptive attempt: the case and whether the call was correct. */
public record Response(String caseId, boolean correct) {
}
