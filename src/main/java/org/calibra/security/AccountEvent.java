package org.calibra.security;

import java.util.Map;

/**
 * Something security-relevant happened to an account. Published by the security module (inside the transaction
 * that made the change, where there is one); the audit module records it.
 *
 * @param userId   the account concerned, or null when the attempted username matches no account
 * @param actorId  who did it when that is someone else (an admin changing a role or erasing), else null
 * @param ip       the client's address when the event comes from a request
 * @param details  extra facts (method, reason, old and new role); never a password
 */
public record AccountEvent(Kind kind, Long userId, Long actorId, String ip, Map<String, String> details) {

    public enum Kind { LOGIN, LOGIN_FAILED, LOCKED_OUT, LOGOUT, ACCOUNT_CREATED, ROLE_CHANGED, INSTITUTION_CHANGED, PERSONAL_DATA_ERASED,
        /** admin account administration (issue 15): a set-password link issued, used; a lockout lifted; sign-in turned off or on */
        INVITED, RESET_LINK_ISSUED, PASSWORD_SET, UNLOCKED, DISABLED, ENABLED }

    public AccountEvent {
        details = Map.copyOf(details);
    }
}
