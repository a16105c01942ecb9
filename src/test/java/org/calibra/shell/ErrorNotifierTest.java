package org.calibra.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.calibra.shared.web.DatabaseOutage;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

class ErrorNotifierTest {

    @Test
    void an_action_that_fails_because_the_database_is_away_says_so_and_that_it_was_not_saved() {
        String words = ErrorNotifier.words(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("Connection is not available", "08001")));
        assertThat(words).isEqualTo(DatabaseOutage.ACTION_WORDS).contains("not saved").doesNotContain("Exception");
    }

    @Test
    void any_other_failure_gets_a_reference_to_give_the_administrator() {
        assertThat(ErrorNotifier.words(new IllegalStateException("boom"))).startsWith("Something went wrong").containsPattern("reference [0-9a-f]{8}")
                .doesNotContain("boom").doesNotContain("IllegalState");
    }
}
