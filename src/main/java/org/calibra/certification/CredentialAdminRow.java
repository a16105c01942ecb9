package org.calibra.certification;

import java.time.Instant;

/** A certificate as an administrator manages it: its status, and the reason given for the last change. */
public record CredentialAdminRow(String publicId, String holderName, String title, Instant issuedAt, Instant expiresAt,
                                 CertificateRecord.Status status, String reason, String signingKey) {}
