package com.walkrx.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Ids from the schema's sequences the way the app's pooled-lo optimizer takes them: each nextval
 * (increment 50) reserves the block [value, value + 49], so generated rows never collide with ids the
 * running app hands out.
 */
final class Ids {

    private static final int BLOCK = 50;
    private static final int BLOCKS_PER_FETCH = 200;

    private final Connection connection;
    private final Map<String, ArrayDeque<Long>> blocks = new HashMap<>();
    private final Map<String, long[]> current = new HashMap<>(); // {next, end exclusive}

    Ids(Connection connection) {
        this.connection = connection;
    }

    long next(String sequence) {
        long[] range = current.get(sequence);
        if (range == null || range[0] >= range[1]) {
            long start = takeBlock(sequence);
            range = new long[] {start, start + BLOCK};
            current.put(sequence, range);
        }
        return range[0]++;
    }

    private long takeBlock(String sequence) {
        ArrayDeque<Long> queue = blocks.computeIfAbsent(sequence, s -> new ArrayDeque<>());
        if (queue.isEmpty()) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select nextval('" + sequence + "') from generate_series(1, "
                         + BLOCKS_PER_FETCH + ")")) {
                while (rs.next()) {
                    queue.add(rs.getLong(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not reserve ids from " + sequence, e);
            }
        }
        return queue.poll();
    }
}
