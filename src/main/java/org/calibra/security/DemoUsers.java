package org.calibra.security;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates one demo account per role (listed in README) when they do not exist yet. */
@Component
@Order(0)
@ConditionalOnBooleanProperty("calibra.demo-users.enabled")
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    record Demo(String username, String password, String displayName, Role role) {}

    static final Demo[] DEMO = {
        new Demo("resident", "resident", "Dr. Rosa Resident", Role.RESIDENT),
        // the three demo curricula share their seven cases: a case whose answer a resident has seen is a repeat
        // elsewhere and never counts (ADR 0015), so each demo mode gets a resident who has not seen them yet
        new Demo("resident2", "resident2", "Dr. Sam Second", Role.RESIDENT),
        new Demo("resident3", "resident3", "Dr. Tia Third", Role.RESIDENT),
        new Demo("educator", "educator", "Dr. Eli Educator", Role.EDUCATOR),
        // a second educator of the same institution: a case one of them writes, the other approves (ADR 0021)
        new Demo("curator", "curator", "Dr. Cora Curator", Role.EDUCATOR),
        // the account the lockout journey locks, so no other journey depends on the order they run in
        new Demo("lockout", "lockout", "Dr. Lee Lockout", Role.RESIDENT),
        new Demo("verifier", "verifier", "Vera Verifier (St. Example Hospital HR)", Role.VERIFIER),
        new Demo("admin", "admin", "Ada Admin", Role.ADMIN),
    };

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final org.calibra.institution.InstitutionService institutions;

    DemoUsers(UserAccountRepository accounts, PasswordEncoder encoder, Clock clock, org.calibra.institution.InstitutionService institutions) {
        this.institutions = institutions;
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        log.warn("Demo accounts are enabled (calibra.demo-users.enabled=true): their passwords are public. Turn this off in production.");
        long home = institutions.defaultInstitution().id();
        for (Demo d : DEMO) {
            if (accounts.findByUsername(d.username()).isEmpty()) {
                accounts.save(new UserAccount(d.username(), d.displayName(), encoder.encode(d.password()), d.role(), home, clock.instant()));
                log.info("Created demo user '{}' ({})", d.username(), d.role());
            }
        }
    }
}
