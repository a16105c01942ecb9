package org.calibra.casebank.aiobjects;

/** An uploaded file: its name (for messages) and bytes. */
public record AiFile(String name, byte[] bytes) {
}
