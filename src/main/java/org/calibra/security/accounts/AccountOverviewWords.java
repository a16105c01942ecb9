package org.calibra.security.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people read them on the account pages. */
final class AccountOverviewWords {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private AccountOverviewWords() {
    }

    static String when(Instant t) {
        return WHEN.format(t);
    }
}
