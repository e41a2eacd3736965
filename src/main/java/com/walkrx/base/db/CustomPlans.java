package com.walkrx.base.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Statements that PostgreSQL plans for their actual parameter values on every execution. The JDBC driver
 * turns a statement it has run five times into a server-side prepared statement, and PostgreSQL may then
 * switch to a generic plan that ignores the values; for queries whose best plan depends on them (how many
 * patients a clinician has, which filters are on) the generic plan can be several times slower. Measured
 * on the caseload page at 500 patients: 35 ms generic against 13 ms custom (bench/README.md). The price is
 * planning on every execution (about 2 ms there). Use only outside a transaction: the connections are the
 * pool's, but not the ones a surrounding transaction holds.
 */
public final class CustomPlans {

    private CustomPlans() {
    }

    /** A client over {@code dataSource} whose prepared statements are never server-prepared. */
    public static JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                return unprepared(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return unprepared(super.getConnection(username, password));
            }
        });
    }

    private static Connection unprepared(Connection connection) {
        return (Connection) Proxy.newProxyInstance(CustomPlans.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof PreparedStatement statement && statement.isWrapperFor(PGStatement.class)) {
                        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                    }
                    return result;
                });
    }
}
