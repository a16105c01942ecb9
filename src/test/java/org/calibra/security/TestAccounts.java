package org.calibra.security;

import java.time.Instant;
import org.calibra.institution.InstitutionService;
import org.springframework.context.ApplicationContext;

/** Creates extra accounts in integration tests (the repository is package-private to security). */
public final class TestAccounts {
    private TestAccounts() {
    }

    /** An account of the default institution. */
    public static void create(ApplicationContext context, String username, Role role) {
        create(context, username, role, context.getBean(InstitutionService.class).defaultInstitution().id());
    }

    public static void create(ApplicationContext context, String username, Role role, long institutionId) {
        var accounts = context.getBean(UserAccountRepository.class);
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.save(new UserAccount(username, "Test " + username, "{noop}" + username, role, institutionId, Instant.now()));
        }
    }
}
