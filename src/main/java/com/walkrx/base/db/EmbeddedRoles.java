package com.walkrx.base.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Least privilege on the embedded server, made so on every start (each step is idempotent): a schema
 * owner for Flyway, a login for the app that owns nothing and is no superuser, passwords for all three
 * roles, and password authentication (scram-sha-256) for every connection. The app's grants themselves
 * come from Flyway's {@code afterMigrate.sql}, so they cover tables added by later migrations.
 */
final class EmbeddedRoles {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRoles.class);

    static final String PG_HBA = """
            # Written by WalkRx on every start: every connection needs its role's password.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private EmbeddedRoles() {
    }

    static void provision(EmbeddedPostgres postgres, Path dataDir, EmbeddedCredentials credentials) {
        String url = postgres.getJdbcUrl(EmbeddedCredentials.SUPERUSER, "postgres");
        try (Connection c = DriverManager.getConnection(url, EmbeddedCredentials.SUPERUSER,
                credentials.superuserPassword()); Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("""
                    do $$ begin
                      if not exists (select from pg_roles where rolname = 'walkrx_owner') then
                        create role walkrx_owner login;
                      end if;
                      if not exists (select from pg_roles where rolname = 'walkrx_app') then
                        create role walkrx_app login;
                      end if;
                    end $$""");
            s.execute("alter role walkrx_owner with login nosuperuser nocreatedb nocreaterole noreplication "
                    + "nobypassrls password '" + credentials.ownerPassword() + "'");
            s.execute("alter role walkrx_app with login nosuperuser nocreatedb nocreaterole noreplication "
                    + "nobypassrls noinherit password '" + credentials.appPassword() + "'");
            s.execute("alter role postgres with password '" + credentials.superuserPassword() + "'");
            s.execute("alter schema public owner to walkrx_owner");
            s.execute("revoke create on schema public from public");
            adoptObjectsOfEarlierVersions(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the embedded database's roles", e);
        }
        requirePasswords(postgres, dataDir);
        log.info("Embedded PostgreSQL: the app connects as {} (no superuser, owns nothing), Flyway as {}",
                EmbeddedCredentials.APP, EmbeddedCredentials.OWNER);
    }

    /** Data directories of earlier versions hold tables the superuser created: the owner role takes them. */
    private static void adoptObjectsOfEarlierVersions(Statement s) throws SQLException {
        s.execute("""
                do $$ declare r record; begin
                  for r in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                           where n.nspname = 'public' and c.relowner = 'postgres'::regrole
                             and c.relkind in ('r', 'p', 'v', 'm') loop
                    execute format('alter table public.%I owner to walkrx_owner', r.relname);
                  end loop;
                  for r in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                           where n.nspname = 'public' and c.relowner = 'postgres'::regrole and c.relkind = 'S' loop
                    execute format('alter sequence public.%I owner to walkrx_owner', r.relname);
                  end loop;
                  for r in select p.oid::regprocedure as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                           where n.nspname = 'public' and p.proowner = 'postgres'::regrole loop
                    execute format('alter routine %s owner to walkrx_owner', r.sig);
                  end loop;
                end $$""");
    }

    /** Replaces the trust rules of initdb; the server reloads them without a restart. */
    private static void requirePasswords(EmbeddedPostgres postgres, Path dataDir) {
        Path hba = dataDir.resolve("pg_hba.conf");
        try {
            if (Files.exists(hba) && Files.readString(hba).equals(PG_HBA)) {
                return;
            }
            Files.writeString(hba, PG_HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + hba, e);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reload pg_hba.conf", e);
        }
    }
}
