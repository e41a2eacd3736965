package com.walkrx.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.WalkRxApplication;
import com.walkrx.base.DemoMode;
import com.walkrx.support.Api;
import com.walkrx.support.KeepSecurityContextStrategy;
import com.walkrx.support.SharedTestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Without a database URL the app starts its own PostgreSQL on a persistent directory: a second start
 * finds the first start's data, and demo data is not seeded twice.
 */
@ExtendWith(KeepSecurityContextStrategy.class)
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dir;

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
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Api.Reply caseload = Api.as(port, "demo-clinician-1", DemoMode.DEMO_PASSWORD).get("/api/v1/patients");
            assertThat(caseload.status()).isEqualTo(200);
            assertThat(caseload.header("Server-Timing")).as("a product server sends no timings").isNull();
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

    @Test
    void without_walkrx_demo_there_are_no_demo_accounts_and_a_database_holding_them_is_refused() {
        Path data = dir.resolve("postgres");
        int dbPort = SharedTestDatabase.freePort();
        try (ConfigurableApplicationContext app = start(data, dbPort, "")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
        }
        start(data, dbPort, "true").close();
        assertThatThrownBy(() -> start(data, dbPort, "").close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("demo clinic").hasMessageContaining("WALKRX_DEMO=true"));
        assertThat(Files.exists(data.resolve("postmaster.pid"))).as("server stopped after the refused start").isFalse();
    }

    private ConfigurableApplicationContext start(Path data, int dbPort) {
        return start(data, dbPort, "true");
    }

    private ConfigurableApplicationContext start(Path data, int dbPort, String demo) {
        // Command-line arguments outrank the DB_URL the test harness sets for the other tests.
        return new SpringApplicationBuilder(WalkRxApplication.class).run(
                "--spring.datasource.url=", "--spring.datasource.username=", "--spring.datasource.password=",
                "--walkrx.demo=" + demo, "--server.port=0",
                "--walkrx.embedded-db.dir=" + data, "--walkrx.embedded-db.port=" + dbPort);
    }
}
