package org.calibra.certification;

import java.time.Instant;
import org.calibra.certification.credential.Verification.Outcome;

/** A credential a verifier checked: what it was then and what it is now. */
public record CheckedCredential(String publicId, String holderName, String title, Instant checkedAt, String outcomeThen, Outcome outcomeNow) {}
