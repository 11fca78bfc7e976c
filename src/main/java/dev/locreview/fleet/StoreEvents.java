package dev.locreview.fleet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every instance on the store that the active rule set or the keys changed. On PostgreSQL a change is
 * a NOTIFY, heard at once on a connection of this instance's own (LISTEN, outside the pool); each instance
 * also looks for itself every `listen-fallback`, and every `poll-interval` while it cannot listen (a
 * notification sent meanwhile is lost, so it looks at once when it listens again). On H2 (one instance, or test contexts in one JVM) it only polls.
 * A subscriber re-reads the store, so a missed or repeated event costs nothing but a query.
 */
@Component
public class StoreEvents implements SmartLifecycle {

    public enum Topic { RULES, KEYS }

    private static final Logger log = LoggerFactory.getLogger(StoreEvents.class);
    static final String CHANNEL = "locreview";

    private final JdbcTemplate jdbc;
    private final DataSourceProperties dataSource;
    private final boolean postgres;
    private final Duration pollInterval;
    private final Duration listenFallback;
    private final Map<Topic, List<Runnable>> subscribers = new ConcurrentHashMap<>();
    private final Set<Topic> failing = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile Connection listening;
    /** Whether the loss of the LISTEN connection has been logged (once an outage). */
    private boolean warned;
    private Thread thread;

    public StoreEvents(JdbcTemplate jdbc, DataSourceProperties dataSource,
                       @Value("${locreview.fleet.poll-interval:2s}") Duration pollInterval,
                       @Value("${locreview.fleet.listen-fallback:30s}") Duration listenFallback) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.postgres = onPostgres(dataSource);
        this.pollInterval = pollInterval;
        this.listenFallback = listenFallback;
    }

    /** Whether the store is PostgreSQL (a fleet may share it) rather than H2 (one instance). */
    public static boolean onPostgres(DataSourceProperties dataSource) {
        String url = dataSource.determineUrl();
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    public void subscribe(Topic topic, Runnable subscriber) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(subscriber);
    }

    /** Tells the other instances (PostgreSQL); the caller has already brought its own instance up to date. */
    public void publish(Topic topic) {
        if (postgres) {
            jdbc.query("SELECT pg_notify(?, ?)", rs -> null, CHANNEL, topic.name());
        }
    }

    /** Whether changes are heard at once (a LISTEN connection is open) rather than polled for. */
    public boolean listening() {
        return listening != null;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::follow, "store-events");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        thread.interrupt();
        close(); // unblocks a wait for notifications
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        long nextPoll = System.nanoTime();
        while (running) {
            if (postgres && listening == null) {
                try {
                    listening = listen();
                    warned = false;
                    nextPoll = System.nanoTime(); // catch up on what was missed while not listening
                    log.info("Listening for rule and key changes");
                } catch (SQLException e) {
                    notListening(e);
                }
            }
            if (System.nanoTime() - nextPoll >= 0) {
                for (Topic topic : Topic.values()) {
                    deliver(topic);
                }
                nextPoll = System.nanoTime() + (listening != null ? listenFallback : pollInterval).toNanos();
            }
            long wait = Math.max(1, (nextPoll - System.nanoTime()) / 1_000_000);
            try {
                if (listening != null) {
                    PGNotification[] heard = listening.unwrap(PGConnection.class).getNotifications((int) wait);
                    for (PGNotification notification : heard == null ? new PGNotification[0] : heard) {
                        // Another version of the service may tell of topics this one does not know.
                        Arrays.stream(Topic.values()).filter(t -> t.name().equals(notification.getParameter()))
                                .forEach(this::deliver);
                    }
                } else {
                    Thread.sleep(wait);
                }
            } catch (SQLException e) {
                notListening(e);
                nextPoll = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Polls until it can listen again; says so once an outage, not at every try. */
    private void notListening(SQLException e) {
        if (running && !warned) {
            log.warn("Not listening for rule and key changes ({}); polling every {} until it can", e.getMessage(),
                    pollInterval);
            warned = true;
        }
        close();
    }

    private Connection listen() throws SQLException {
        Connection connection = DriverManager.getConnection(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        return connection;
    }

    /**
     * A subscriber that fails (the store is down) is tried again at the next event or poll; the failure is logged
     * when it starts and the recovery when it ends, not at every poll.
     */
    private void deliver(Topic topic) {
        for (Runnable subscriber : subscribers.getOrDefault(topic, List.of())) {
            try {
                subscriber.run();
                if (failing.remove(topic)) {
                    log.info("Following the store's {} again", topic);
                }
            } catch (RuntimeException e) {
                if (failing.add(topic)) {
                    log.warn("Following the store's {} failed, trying again: {}", topic, e.getMessage());
                }
            }
        }
    }

    private void close() {
        Connection connection = listening;
        listening = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }
}
