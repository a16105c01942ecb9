package org.calibra.security;

import java.time.Instant;

/** Everything Calibra keeps on an account (for the holder's own data export); no password hash. */
public record AccountDetails(long id, String username, String displayName, Role role, boolean enabled, Instant createdAt,
                             String institution, boolean linkedToKeycloak, Instant erasedAt) {}
