package com.walkrx.base.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Starts a real PostgreSQL server (binaries from Maven) when no database URL is configured,
 * with a persistent data directory so a restart keeps all data.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseUrlCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** Test-only: a throwaway database may run without fsync and synchronous commit. Never set it for data. */
    static final String NON_DURABLE_FOR_TESTS = "walkrx.test.non-durable-embedded-db";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${walkrx.embedded-db.dir:./data/postgres}") String dir,
                                      @Value("${walkrx.embedded-db.port:54329}") int port,
                                      @Value("${" + NON_DURABLE_FOR_TESTS + ":false}") boolean nonDurable,
                                      // e.g. pg_stat_statements, for bench/run.sh's statement counts
                                      @Value("${WALKRX_DB_PRELOAD:}") String preload)
            throws IOException {
        Path dataDir = Path.of(dir).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        stopLeftoverServer(dataDir);
        Path sockets = dataDir.resolveSibling(dataDir.getFileName() + "-run");
        Files.createDirectories(sockets);
        log.info("Starting embedded PostgreSQL on 127.0.0.1:{} with data in {}", port, dataDir);
        if (nonDurable) {
            log.warn("{}=true: fsync and synchronous commit are OFF (test databases only; a crash loses data)",
                    NON_DURABLE_FOR_TESTS);
        }
        String durable = nonDurable ? "off" : "on";
        // A data directory of an earlier version has no credentials yet: its server still trusts local
        // connections, so the new passwords are set by the provisioning below.
        EmbeddedCredentials credentials = EmbeddedCredentials.read(dataDir).orElseGet(EmbeddedCredentials::generate);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (!preload.isBlank()) {
            builder.setServerConfig("shared_preload_libraries", preload);
        }
        EmbeddedPostgres postgres = builder
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", sockets.toString())
                // The library's defaults are a test database's (-F, synchronous_commit=off): the product keeps
                // what it acknowledges (issue 12). "-c fsync=on" comes after -F on the command line and wins.
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable)
                .setServerConfig("password_encryption", "scram-sha-256")
                // the start-up check connects as the superuser: with its password once pg_hba asks for one
                .setConnectConfig("password", credentials.superuserPassword())
                // after initdb, before the first start: the passwords live in the data directory
                .setDataDirectoryCustomizer(d -> credentials.write(d.toPath()))
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try {
            EmbeddedRoles.provision(postgres, dataDir, credentials);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /** The credentials of the started server's roles. */
    @Bean
    EmbeddedCredentials embeddedCredentials(EmbeddedPostgres postgres,
                                            @Value("${walkrx.embedded-db.dir:./data/postgres}") String dir) {
        return EmbeddedCredentials.read(Path.of(dir).toAbsolutePath().normalize())
                .orElseThrow(() -> new IllegalStateException("no credentials in the embedded data directory"));
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedCredentials credentials,
                          @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
                          @Value("${spring.datasource.hikari.connection-timeout:2500}") long connectionTimeoutMs) {
        // The app's own login: not a superuser, owns no table, may only add to and read the audit trail.
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl(EmbeddedCredentials.APP, "postgres"));
        config.setUsername(EmbeddedCredentials.APP);
        config.setPassword(credentials.appPassword());
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeoutMs);
        config.setPoolName("walkrx-embedded");
        return new HikariDataSource(config);
    }

    /** Flyway migrates as the owner of the schema; the app's login only gets the grants of afterMigrate.sql. */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedPostgres postgres, EmbeddedCredentials credentials) {
        DriverManagerDataSource owner = new DriverManagerDataSource();
        owner.setUrl(postgres.getJdbcUrl(EmbeddedCredentials.OWNER, "postgres"));
        owner.setUsername(EmbeddedCredentials.OWNER);
        owner.setPassword(credentials.ownerPassword());
        return owner;
    }

    /**
     * A JVM killed with -9 leaves its PostgreSQL running on the data directory; stop it so this start
     * can take the directory over.
     */
    static void stopLeftoverServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> running = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (running.isEmpty()) {
            log.info("Removing stale {} (no server is running)", pidFile);
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                log.warn("Could not remove {}", pidFile, e);
            }
            return;
        }
        ProcessHandle server = running.get();
        log.warn("A PostgreSQL server (pid {}) from an earlier run is still using {}; stopping it", server.pid(), dataDir);
        server.destroy(); // SIGTERM: smart shutdown, its clients are gone with the old JVM
        Instant deadline = Instant.now().plusSeconds(30);
        while (server.isAlive() && Instant.now().isBefore(deadline)) {
            server.onExit().completeOnTimeout(server, 500, java.util.concurrent.TimeUnit.MILLISECONDS).join();
        }
        if (server.isAlive()) {
            server.destroyForcibly();
            server.onExit().join();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
