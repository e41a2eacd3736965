package com.walkrx.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * One real PostgreSQL server for every Spring test of a run. It starts lazily, when the first Spring test
 * context is prepared ({@link StartBeforeSpringContext}) or a test asks for {@link #jdbcUrl()}, so a run of
 * pure rule tests (and a mutation-testing run over them) starts no PostgreSQL. It is handed to the
 * application as DB_URL, so the app itself starts nothing embedded; the launcher session stops it.
 */
public class SharedTestDatabase implements LauncherSessionListener {

    /** The tests' key of the authenticator secrets (TotpSecrets), also handed to the app JVMs they start. */
    public static final String TEST_MFA_KEY = "dGVzdHMtb25seS1tZmEta2V5LTMyLWJ5dGVzLWxvbmc=";

    private static EmbeddedPostgres postgres;

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
        System.setProperty("WALKRX_MFA_KEY", TEST_MFA_KEY);
    }

    /** Starts the server before Spring prepares a test's context (registered in META-INF/spring.factories). */
    public static class StartBeforeSpringContext implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            start();
            return null;
        }
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
