package org.calibra.certification;

/** A certificate was issued (published inside the transaction that stored it). */
public record CertificateIssued(String publicId, long userId, long curriculumId) {}
