package org.calibra.security;

/** The four kinds of user. The authority name is what {@code @RolesAllowed} checks. */
public enum Role {
    RESIDENT, EDUCATOR, VERIFIER, ADMIN;

    public static final String RESIDENT_NAME = "RESIDENT";
    public static final String EDUCATOR_NAME = "EDUCATOR";
    public static final String VERIFIER_NAME = "VERIFIER";
    public static final String ADMIN_NAME = "ADMIN";

    public String authority() {
        return "ROLE_" + name();
    }

    public String displayName() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
