package org.calibra.shared;

import java.util.List;

/**
 * The signed-in user's certificates as Home lists them. Certification implements it; Home (competency's) asks for it
 * through this interface because certification already depends on competency, and the other way would be a cycle.
 */
public interface HomeCertificates {

    /** The signed-in user's certificates, newest first. */
    List<Certificate> mine();

    /**
     * One certificate in words. {@code state}: "Valid until 5 Dec 2029", "Revoked on 3 Dec 2026", …; {@code reason}: why
     * it was revoked or suspended, as the administrator wrote it, or null; {@code good}: it may be shown as valid.
     */
    record Certificate(String title, String state, String reason, boolean good) {}
}
