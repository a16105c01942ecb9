package org.calibra.certification;

/** A signed BitstringStatusListCredential (compact JWS) and its entity tag, which changes whenever the bytes do. */
public record StatusListJwt(String jwt, String etag) {}
