package com.walkrx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a check-in costs beyond the floor of this machine, and the floor itself: an authenticated no-op request
 * ({@code GET /api/v1/me}) combined with one raw INSERT+COMMIT per operation, at the check-in's concurrency; and
 * the database's and the processes' counters around a measured level (statements, transactions, commits, CPU).
 */
final class CheckInFloor {

    static final String NOOP_PATH = "/api/v1/me";

    private CheckInFloor() {
    }

    /** Counters at one instant: PostgreSQL's transaction and statement counts and the CPU time of both processes. */
    record Counters(long commits, long rollbacks, long nextXid, long statements, long txControl, long appCpuTicks,
                    long pgCpuTicks) {
    }

    /** Where CPU time is read: the app's JVM and the PostgreSQL server (postmaster and its backends). */
    record Processes(long appPid, long pgPid) {

        static Processes of(Long appPid, Path pgDataDir) {
            long pg = -1;
            if (pgDataDir != null) {
                try {
                    pg = Long.parseLong(Files.readAllLines(pgDataDir.resolve("postmaster.pid")).getFirst().trim());
                } catch (IOException | RuntimeException e) {
                    pg = -1;
                }
            }
            return new Processes(appPid == null ? -1 : appPid, pg);
        }
    }

    /** Makes pg_stat_statements readable if the server preloads it; false when it does not. */
    static boolean statementsAvailable(Db db) {
        try (Connection c = db.open()) {
            String preload = Db.queryString(c, "show shared_preload_libraries");
            if (preload == null || !preload.contains("pg_stat_statements")) {
                return false;
            }
            Db.exec(c, "create extension if not exists pg_stat_statements");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static Counters read(Db db, Processes procs, boolean statements) throws SQLException {
        try (Connection c = db.open()) {
            long commits = Db.queryLong(c, "select xact_commit from pg_stat_database where datname = current_database()");
            long rollbacks = Db.queryLong(c,
                    "select xact_rollback from pg_stat_database where datname = current_database()");
            // the next transaction id to be assigned (reading it assigns none): only writing transactions get one
            long nextXid = Db.queryLong(c, "select pg_snapshot_xmax(pg_current_snapshot())::text::bigint");
            long calls = -1;
            long control = -1;
            if (statements) {
                // the benchmark's own statements (this connection's reads of the counters) are left out
                calls = Db.queryLong(c, "select coalesce(sum(calls), 0) from pg_stat_statements "
                        + "where dbid = (select oid from pg_database where datname = current_database()) "
                        + "and query not ilike '%pg_stat%' and query not ilike 'show %'");
                control = Db.queryLong(c, "select coalesce(sum(calls), 0) from pg_stat_statements "
                        + "where dbid = (select oid from pg_database where datname = current_database()) "
                        + "and (query ilike 'begin%' or query ilike 'commit%' or query ilike 'rollback%' "
                        + "or query ilike 'start transaction%' or query ilike 'set %')");
            }
            return new Counters(commits, rollbacks, nextXid, calls, control, cpuTicks(procs.appPid(), false),
                    cpuTicks(procs.pgPid(), true));
        }
    }

    /** Per check-in figures from counters before and after {@code ok} check-ins (statistics flushed in between). */
    static Map<String, Object> perCheckIn(Counters before, Counters after, long ok) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (ok <= 0) {
            m.put("status", "unavailable: no check-in succeeded");
            return m;
        }
        double n = ok;
        m.put("check_ins", ok);
        m.put("commits_per_check_in", Report.round((after.commits() - before.commits()) / n));
        m.put("transactions_per_check_in", Report.round(
                (after.commits() - before.commits() + after.rollbacks() - before.rollbacks()) / n));
        m.put("writing_transactions_per_check_in", Report.round((after.nextXid() - before.nextXid()) / n));
        m.put("transactions_note", "transactions count every auto-committed statement too (authentication's "
                + "throttle check and user look-up are such, read-only); writing transactions are those that were "
                + "assigned a transaction id, i.e. wrote something and flushed WAL at commit");
        if (before.statements() >= 0 && after.statements() >= 0) {
            long all = after.statements() - before.statements();
            long control = after.txControl() - before.txControl();
            m.put("statements_per_check_in", Report.round((all - control) / n));
            m.put("statements_incl_begin_commit_per_check_in", Report.round(all / n));
        } else {
            m.put("statements_per_check_in", "unavailable: pg_stat_statements is not preloaded by the server");
        }
        double msPerTick = 1000.0 / 100; // USER_HZ
        if (before.appCpuTicks() >= 0 && after.appCpuTicks() >= 0) {
            m.put("app_cpu_ms_per_check_in", Report.round((after.appCpuTicks() - before.appCpuTicks()) * msPerTick / n));
        } else {
            m.put("app_cpu_ms_per_check_in", "unavailable: no app pid");
        }
        if (before.pgCpuTicks() >= 0 && after.pgCpuTicks() >= 0) {
            m.put("pg_cpu_ms_per_check_in", Report.round((after.pgCpuTicks() - before.pgCpuTicks()) * msPerTick / n));
        } else {
            m.put("pg_cpu_ms_per_check_in", "unavailable: no PostgreSQL pid (DB_URL)");
        }
        m.put("counted_from", "pg_stat_database xact_commit/xact_rollback deltas (read after the backends' "
                + "statistics flush), pg_stat_statements calls, /proc/<pid>/stat utime+stime of the app's JVM and of "
                + "the postmaster and its backends; everything the app and the server did in the window, "
                + "authentication and the login throttle included");
        return m;
    }

    /** CPU ticks (utime + stime) of a process, with its children processes when {@code withChildren}; -1 if unknown. */
    static long cpuTicks(long pid, boolean withChildren) {
        if (pid <= 0) {
            return -1;
        }
        long own = ticks(Path.of("/proc", Long.toString(pid), "stat"));
        if (own < 0 || !withChildren) {
            return own;
        }
        long sum = own;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String stat = read(d.resolve("stat"));
                if (stat != null && parentOf(stat) == pid) {
                    long t = ticks(stat);
                    if (t > 0) {
                        sum += t;
                    }
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }

    private static long ticks(Path stat) {
        String s = read(stat);
        return s == null ? -1 : ticks(s);
    }

    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }

    private static long parentOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[1]);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The floor at {@code concurrency}: each worker, in turn, sends one authenticated {@code GET /api/v1/me} and
     * performs one raw single-row INSERT + COMMIT of a check_in row on its own connection.
     */
    static CheckInBench.Result floor(Db db, Generator.World world, String base, Scale scale, int concurrency,
                                     java.util.function.Function<Integer, String> auth) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            List<CheckInBench.Op> ops = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                Connection c = db.open();
                connections.add(c);
                c.setAutoCommit(false);
                PreparedStatement insert = c.prepareStatement(CheckInBench.RAW_INSERT);
                Api api = new Api(base);
                int worker = t;
                ops.add(n -> {
                    int k = (worker + n * concurrency) % world.poolPatients.size();
                    Api.Reply r = api.get(NOOP_PATH, auth.apply(k));
                    if (r.status() != 200) {
                        return "GET " + NOOP_PATH + ": " + r.brief();
                    }
                    Generator.PatientRef p = world.rawPatients.get(k % world.rawPatients.size());
                    insert.setLong(1, p.clinicId());
                    insert.setLong(2, p.id());
                    insert.setObject(3, world.today);
                    insert.setInt(4, 2 + n % 3);
                    insert.setInt(5, 4000 + n % 2000);
                    insert.executeUpdate();
                    c.commit();
                    return null;
                });
            }
            CheckInBench.drive(ops, scale.checkInWarmupSeconds(), Long.MAX_VALUE);
            return CheckInBench.drive(ops, scale.checkInSeconds(), scale.maxRequestsPerLevel());
        } finally {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing after the measurement
                }
            }
        }
    }
}
