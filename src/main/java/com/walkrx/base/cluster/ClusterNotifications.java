package com.walkrx.base.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events between app instances through PostgreSQL's {@code LISTEN}/{@code NOTIFY}; no broker, no table.
 * <p>
 * Sending: {@link #send} calls {@code pg_notify} on the caller's transaction, so the notice goes out only if and
 * when that transaction commits. Receiving: one dedicated connection per instance, outside the pool (a pooled
 * connection would be handed to other work and lose its LISTEN), read on a virtual thread with pgjdbc's
 * {@link PGConnection#getNotifications(int)}. Every notice, this instance's own included, goes to the
 * {@link Listener} beans of its channel. When the connection is lost the thread reconnects with backoff, listens
 * again and tells every listener {@link Listener#reconnected()}: what was sent meanwhile is gone, so listeners
 * refresh from the database.
 */
@Component
public class ClusterNotifications {

    /** A receiver of one channel's notices (called on the listener thread: hand long work elsewhere). */
    public interface Listener {

        /** The channel, a plain lower-case identifier. */
        String channel();

        void received(String payload);

        /** The connection was lost and is back: notices of the gap are lost, refresh from the database. */
        default void reconnected() {
        }
    }

    /** {@code application_name} prefix of the listening connection (find it in {@code pg_stat_activity}). */
    public static final String APPLICATION_NAME = "walkrx-listen";
    /** PostgreSQL refuses payloads of 8,000 bytes or more; ours are ids only. */
    static final int MAX_PAYLOAD = 7_999;
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int READ_MILLIS = 500;
    private static final long CHECK_IDLE_MILLIS = 15_000;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(ClusterNotifications.class);

    private final JdbcClient jdbc;
    private final OwnConnections connections;
    private final ObjectProvider<Listener> listenerBeans;
    private final InstanceId instance;
    private volatile List<Listener> listeners = List.of();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile boolean connected;

    ClusterNotifications(JdbcClient jdbc, OwnConnections connections, ObjectProvider<Listener> listeners,
                         InstanceId instance) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.listenerBeans = listeners;
        this.instance = instance;
    }

    /** Sends a notice to every instance when the current transaction commits (at once without one). */
    public void send(String channel, String payload) {
        requireChannel(channel);
        if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("notice payload too long for pg_notify: " + payload.length());
        }
        jdbc.sql("select pg_notify(:channel, :payload)").param("channel", channel).param("payload", payload)
                .query().singleRow();
    }

    /** True while the listening connection is open and listening. */
    public boolean connected() {
        return connected;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (running) {
            return;
        }
        listeners = listenerBeans.orderedStream().toList();
        listeners.forEach(l -> requireChannel(l.channel()));
        running = true;
        thread = Thread.ofVirtual().name("walkrx-listen").start(this::run);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long backoff = 100;
        boolean first = true;
        while (running) {
            try (Connection connection = connections.open(applicationName(instance.value()))) {
                listen(connection);
                connected = true;
                backoff = 100;
                log.info("Listening for notices from other instances on {}", channels());
                if (!first) {
                    listeners.forEach(ClusterNotifications::reconnected);
                }
                first = false;
                receive(connection);
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening connection lost ({}); reconnecting in {} ms", e.getMessage(), backoff);
                }
            } finally {
                connected = false;
            }
            if (running && !pause(backoff)) {
                break;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
        log.info("Stopped listening for notices");
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long quietSince = System.currentTimeMillis();
        while (running) {
            PGNotification[] notices = pg.getNotifications(READ_MILLIS);
            if (notices != null && notices.length > 0) {
                quietSince = System.currentTimeMillis();
                for (PGNotification n : notices) {
                    dispatch(n.getName(), n.getParameter());
                }
            } else if (System.currentTimeMillis() - quietSince >= CHECK_IDLE_MILLIS) {
                // A connection dropped without a reset only shows when used: LISTEN again (a no-op for a channel
                // already listened to, and the backend's query in pg_stat_activity stays a LISTEN).
                listen(connection);
                quietSince = System.currentTimeMillis();
            }
        }
    }

    private void dispatch(String channel, String payload) {
        for (Listener l : listeners) {
            if (l.channel().equals(channel)) {
                try {
                    l.received(payload);
                } catch (RuntimeException e) {
                    log.warn("A listener of {} failed on notice {}", channel, payload, e);
                }
            }
        }
    }

    private static void reconnected(Listener l) {
        try {
            l.reconnected();
        } catch (RuntimeException e) {
            log.warn("A listener of {} failed to refresh after reconnecting", l.channel(), e);
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String channel : channels()) {
                s.execute("LISTEN " + channel); // checked identifiers: LISTEN takes no parameters
            }
        }
    }

    private List<String> channels() {
        return listeners.stream().map(Listener::channel).distinct().sorted().toList();
    }

    /** The {@code application_name} of an instance's listening connection (at most 63 bytes on the server). */
    public static String applicationName(String instanceId) {
        String name = APPLICATION_NAME + " " + instanceId;
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static void requireChannel(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
    }
}
