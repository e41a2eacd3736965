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
                                      @Value("${" + NON_DURABLE_FOR_TESTS + ":false}") boolean nonDurable)
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
        return EmbeddedPostgres.builder()
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
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("walkrx-embedded");
        return new HikariDataSource(config);
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
