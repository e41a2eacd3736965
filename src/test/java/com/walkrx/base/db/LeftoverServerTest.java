package com.walkrx.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.SharedTestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with -9 leaves its PostgreSQL running on the data directory. The next start must stop
 * that server and take the directory over, keeping the data.
 */
class LeftoverServerTest {

    @TempDir
    Path dir;

    @Test
    void a_server_left_by_a_killed_jvm_is_stopped_and_its_data_kept() throws Exception {
        Path data = dir.resolve("pg");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanPostgres.class.getName(), data.toString(), String.valueOf(SharedTestDatabase.freePort()),
                dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("READY")) {
                // the child logs its start-up; wait for its signal
            }
        }
        child.destroyForcibly().waitFor(); // kill -9: PostgreSQL keeps running without its JVM
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("orphaned server").isTrue();

        EmbeddedPostgresConfiguration.stopLeftoverServer(data);

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        try (EmbeddedPostgres next = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPort(SharedTestDatabase.freePort()).setServerConfig("unix_socket_directories", dir.toString())
                .start();
             Connection c = next.getPostgresDatabase().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }
}
