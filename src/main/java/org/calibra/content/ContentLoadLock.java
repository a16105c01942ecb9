package org.calibra.content;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One content load at a time across every node that shares the database (ADR 0029): the load's transaction locks the
 * {@code content-load} row of {@code cluster_lock} first. A node that starts while another loads waits here, and then
 * reads what the first one committed, so it finds the content unchanged and writes nothing. The database releases the
 * lock at commit or rollback, and when a node dies, with its connection.
 */
@Component
class ContentLoadLock {

    private final JdbcTemplate jdbc;

    ContentLoadLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other transaction holds the lock, then holds it until this transaction ends. */
    void holdForThisTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The content-load lock is held by a transaction; call it inside one");
        }
        var held = jdbc.queryForList("select name from cluster_lock where name = 'content-load' for update", String.class);
        if (held.isEmpty()) {
            throw new IllegalStateException("The content-load row of cluster_lock is missing (migration V21 inserts it)");
        }
    }
}
