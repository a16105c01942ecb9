package org.calibra.certification;

/** A certificate was revoked, suspended or reinstated: the signed status lists no longer say what is so. */
public record CredentialStatusChanged(String publicId, String change) {}
