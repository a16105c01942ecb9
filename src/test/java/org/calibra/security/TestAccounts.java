package org.calibra.security;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/** Creates extra accounts in integration tests (the repository is package-private to security). */
public final class TestAccounts {
    private TestAccounts() {
    }

    public static void create(ApplicationContext context, String username, Role role) {
        var accounts = context.getBean(UserAccountRepository.class);
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.save(new UserAccount(username, "Test " + username, "{noop}" + username, role, Instant.now()));
        }
    }
}
