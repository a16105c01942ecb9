package org.calibra.certification;

import java.time.Instant;

/** A published signing key (never the private part). */
public record SigningKeyInfo(String keyId, String url, String algorithm, Instant created, boolean current) {}
