package com.walkrx.base.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** Run in a child JVM by {@link LeftoverServerTest}: starts PostgreSQL, writes a row, then waits to be killed. */
public final class OrphanPostgres {

    private OrphanPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setPort(Integer.parseInt(args[1]))
                .setServerConfig("unix_socket_directories", args[2]).start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table survivor (v text)");
            s.execute("insert into survivor values ('still here')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }
}
