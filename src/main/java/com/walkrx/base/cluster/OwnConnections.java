package com.walkrx.base.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Connections outside the pool, with the pool's URL and credentials, for what must keep one server session to
 * itself for a long time (a {@code LISTEN}, a job's session lock) without taking a connection from the requests.
 * Each is named ({@code application_name}) so it can be found in {@code pg_stat_activity}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OwnConnections {

    private final DataSource dataSource;

    /** A new auto-committing connection named {@code applicationName} (at most 63 bytes on the server). */
    Connection open(String applicationName) throws SQLException {
        Properties props = new Properties();
        String url;
        if (dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
            var hikari = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
            url = hikari.getJdbcUrl();
            if (hikari.getUsername() != null) {
                props.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                props.setProperty("password", hikari.getPassword());
            }
        } else {
            try (Connection c = dataSource.getConnection()) {
                url = c.getMetaData().getURL();
                props.setProperty("user", c.getMetaData().getUserName());
            }
        }
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "10");
        Connection c = DriverManager.getConnection(url, props);
        c.setAutoCommit(true);
        return c;
    }
}
