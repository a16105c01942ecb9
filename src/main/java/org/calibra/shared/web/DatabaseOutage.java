package org.calibra.shared.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached just now — restarted, failing over, cut off — rather than a
 * fault in Calibra. Such a failure is told in these words with 503 and "try again", not as "something went wrong": the
 * connection pool reconnects by itself once the database answers (docs/deployment.md, "When the database is away"),
 * and every write is one transaction, so nothing committed before is lost and nothing is half-written.
 */
public final class DatabaseOutage {

    public static final String TITLE = "The database is not reachable";
    /** For a page or an API answer. */
    public static final String WORDS = "The database is not reachable at the moment; your work so far is saved. Try again in a minute.";
    /** For an action that failed on an open page (e.g. a read being submitted): it was not done, and may be done again. */
    public static final String ACTION_WORDS = "The database is not reachable at the moment, so this was not saved; what you saved before is safe. "
            + "Try again in a minute.";
    /** What {@code Retry-After} says, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 60;

    private DatabaseOutage() {
    }

    /** True when {@code failure} or any of its causes says the database connection could not be had or was lost. */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException
                    || t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && (connectionLost(sql.getSQLState()) || closedByThePool(sql))) {
                return true;
            }
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null && causedBy(tx.getApplicationException())) {
                return true; // the rollback failed too, after the work itself failed for want of the database
            }
        }
        return false;
    }

    /**
     * Hikari's answer on a connection it has already closed because the database broke it (no SQL state of its own):
     * what rolling back a transaction meets when the server went away in the middle of it, so Spring reports the failed
     * rollback, not the lost connection that caused it.
     */
    private static boolean closedByThePool(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /**
     * SQL state class 08 (connection exception, in the SQL standard) and PostgreSQL's 57P01–57P03: the server was shut
     * down, crashed, or does not accept connections yet.
     */
    static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }

    /** The innermost cause's message, for a log line that says why without a stack trace. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
