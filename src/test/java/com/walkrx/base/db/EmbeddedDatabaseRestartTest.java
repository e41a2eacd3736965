package com.walkrx.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.WalkRxApplication;
import com.walkrx.support.SharedTestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Without a database URL the app starts its own PostgreSQL on a persistent directory: a second start
 * finds the first start's data, and demo data is not seeded twice.
 */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dir;

    /**
     * Starting the app again replaces Spring Security's JVM-wide context holder strategy (Vaadin sets
     * it at start-up); the shared test context's filters keep using their own, so put it back, or
     * {@code CurrentUser} would see nobody logged in on the API in every later test.
     */
    private SecurityContextHolderStrategy sharedStrategy;

    @BeforeEach
    void keepSecurityContextStrategy() {
        sharedStrategy = SecurityContextHolder.getContextHolderStrategy();
    }

    @AfterEach
    void restoreSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    @Test
    void without_a_database_url_an_embedded_server_keeps_data_across_restarts() {
        Path data = dir.resolve("postgres");
        int dbPort = SharedTestDatabase.freePort();
        long patientsFirst;
        try (ConfigurableApplicationContext app = start(data, dbPort)) {
            assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).hasSize(1);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
            // Durable by default (issue 12): read through the app's own data source, not the library's defaults.
            assertThat(jdbc.sql("select name, setting from pg_settings where name in "
                            + "('fsync', 'synchronous_commit', 'full_page_writes') order by name")
                    .query((rs, n) -> rs.getString(1) + "=" + rs.getString(2)).list())
                    .containsExactly("fsync=on", "full_page_writes=on", "synchronous_commit=on");
            patientsFirst = jdbc.sql("select count(*) from patient").query(Long.class).single();
            assertThat(patientsFirst).isEqualTo(12);
            jdbc.sql("insert into app_setting (key, value) values ('restart-probe', 'kept')").update();
        }
        assertThat(Files.exists(data.resolve("postmaster.pid"))).as("server stopped cleanly").isFalse();
        try (ConfigurableApplicationContext app = start(data, dbPort)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select value from app_setting where key = 'restart-probe'").query(String.class).single())
                    .isEqualTo("kept");
            assertThat(jdbc.sql("select count(*) from patient").query(Long.class).single()).isEqualTo(patientsFirst);
            assertThat(jdbc.sql("select count(*) from app_user where username = 'demo-admin'").query(Long.class).single())
                    .isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start(Path data, int dbPort) {
        // Command-line arguments outrank the DB_URL the test harness sets for the other tests.
        return new SpringApplicationBuilder(WalkRxApplication.class).run(
                "--spring.datasource.url=", "--spring.datasource.username=", "--spring.datasource.password=",
                "--walkrx.demo=", "--server.port=0",
                "--walkrx.embedded-db.dir=" + data, "--walkrx.embedded-db.port=" + dbPort);
    }
}
