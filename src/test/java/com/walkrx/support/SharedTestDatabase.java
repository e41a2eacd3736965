package com.walkrx.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One real PostgreSQL server for every Spring test of a run. It is started before the first test and
 * handed to the application as DB_URL, so the app itself starts nothing embedded.
 */
public class SharedTestDatabase implements LauncherSessionListener {

    private static EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
    }

    static synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("walkrx-test-pg");
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setPort(freePort())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", dir.toString())
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        System.setProperty("DB_USERNAME", "postgres");
        System.setProperty("DB_PASSWORD", "postgres");
    }

    /** The JDBC URL of the shared server. */
    public static String jdbcUrl() {
        start();
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
