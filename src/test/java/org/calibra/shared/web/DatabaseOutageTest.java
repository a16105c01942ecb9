package org.calibra.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageTest {

    @Test
    void a_pool_that_cannot_get_a_connection_is_an_outage_however_deep_it_is_wrapped() {
        // what Hikari throws after its connection timeout, as Spring and a view's creation wrap it
        var pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms",
                "08001", new ConnectException("Connection refused"));
        var transaction = new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", pool);
        assertThat(DatabaseOutage.causedBy(new BeanCreationException("readingView", "constructor threw", transaction))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new JDBCConnectionException("I/O error", new SQLException("broken", "08006")))).isTrue();
    }

    @Test
    void a_server_shutting_down_is_an_outage_by_its_sql_state() {
        assertThat(DatabaseOutage.causedBy(new IllegalStateException(new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("An I/O error occurred while sending to the backend", "08006"))).isTrue();
    }

    @Test
    void a_rollback_that_fails_because_the_server_went_away_mid_transaction_is_an_outage() {
        // what a read submission threw in DatabaseRestartIT: Spring reports the failed rollback on the connection Hikari closed
        var rollback = new JpaSystemException(new org.hibernate.TransactionException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")));
        assertThat(DatabaseOutage.causedBy(rollback)).isTrue();
        var commit = new TransactionSystemException("Could not roll back");
        commit.initApplicationException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(DatabaseOutage.causedBy(commit)).isTrue();
        assertThat(DatabaseOutage.causedBy(new TransactionSystemException("Could not commit: constraint", new SQLException("deferred", "23505")))).isFalse();
    }

    @Test
    void faults_of_the_app_or_its_data_are_not() {
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key", new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("No signed-in user"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("relation does not exist", "42P01"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new ConnectException("Keycloak refused"))).as("another server being away is not the database").isFalse();
    }

    @Test
    void a_cause_chain_that_loops_ends() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseOutage.causedBy(a)).isFalse();
        assertThat(DatabaseOutage.rootMessage(new RuntimeException("outer", new SQLException("Connection refused")))).isEqualTo("Connection refused");
    }
}
