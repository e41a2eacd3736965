package com.walkrx.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.WalkRxApplication;
import com.walkrx.support.KeepSecurityContextStrategy;
import com.walkrx.support.SharedTestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded database of the README's run command: the app's own connection is no superuser, owns no
 * table, and cannot change or remove a row of the audit trail, nor switch its trigger off; every
 * connection needs a password.
 */
@ExtendWith(KeepSecurityContextStrategy.class)
class DatabaseRolesTest {

    @TempDir
    Path dir;

    @Test
    void the_apps_own_login_can_add_to_and_read_the_audit_trail_but_never_rewrite_it() throws Exception {
        Path data = dir.resolve("postgres");
        int dbPort = SharedTestDatabase.freePort();
        try (ConfigurableApplicationContext app = start(data, dbPort)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("walkrx_app");
            assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
                    .query(Boolean.class).single()).isFalse();
            assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user")
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'audit_event'")
                    .query(String.class).single()).isEqualTo("walkrx_owner");

            jdbc.sql("insert into audit_event (action, allowed, detail) values ('PROBE', true, 'roles test')").update();
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'PROBE'").query(Long.class).single())
                    .isEqualTo(1);

            for (String tamper : new String[] {
                    "update audit_event set detail = 'rewritten' where action = 'PROBE'",
                    "delete from audit_event where action = 'PROBE'",
                    "truncate audit_event",
                    "alter table audit_event disable trigger all",
                    "drop trigger audit_event_no_update on audit_event",
                    "set session_replication_role = replica",
                    "drop table audit_event"}) {
                assertThatThrownBy(() -> jdbc.sql(tamper).update())
                        .as(tamper)
                        .rootCause()
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                                .as(tamper + ": " + e.getMessage()).isEqualTo("42501"));
            }
            assertThat(jdbc.sql("select detail from audit_event where action = 'PROBE'").query(String.class).single())
                    .isEqualTo("roles test");

            // no connection without the role's password, not even for the superuser
            String url = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
            for (String role : new String[] {"postgres", "walkrx_owner", "walkrx_app"}) {
                assertThatThrownBy(() -> DriverManager.getConnection(url, role, "postgres").close())
                        .as(role).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
            }
        }
        Path credentials = data.resolve(EmbeddedCredentials.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
    }

    @Test
    void a_data_directory_of_an_earlier_version_is_taken_over_by_the_owner_role() throws Exception {
        Path data = dir.resolve("old");
        int dbPort = SharedTestDatabase.freePort();
        // as the previous version left it: tables of the superuser, trust authentication
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPort(dbPort).setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", data.toString()).start()) {
            Flyway.configure().dataSource(old.getPostgresDatabase()).locations("classpath:db/migration")
                    .placeholders(Map.of("app_role", "")).target("70").load().migrate();
            try (var c = old.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("insert into app_setting (key, value) values ('kept-from-old-version', 'yes')");
            }
        }
        Files.deleteIfExists(data.resolve(EmbeddedCredentials.FILE));
        try (ConfigurableApplicationContext app = start(data, dbPort)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("walkrx_app");
            assertThat(jdbc.sql("select value from app_setting where key = 'kept-from-old-version'")
                    .query(String.class).single()).isEqualTo("yes");
            assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner <> 'walkrx_owner'")
                    .query(Long.class).single()).isZero();
            assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                    .rootCause().satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    private ConfigurableApplicationContext start(Path data, int dbPort) {
        return new SpringApplicationBuilder(WalkRxApplication.class).run(
                "--spring.datasource.url=", "--spring.datasource.username=", "--spring.datasource.password=",
                "--walkrx.demo=false", "--server.port=0",
                "--walkrx.embedded-db.dir=" + data, "--walkrx.embedded-db.port=" + dbPort);
    }
}
