package com.partnerops.reconcile.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The write lock of a store on PostgreSQL: a session advisory lock on a connection of its own, held for the
 * operation. It is the server's, so it holds across machines, and the server drops it when the session ends,
 * however the process ends. Who holds it is in {@code store_lock_holder}, one row per session that holds or asks
 * for it, written before it asks: a refused process finds the holder's row through {@code pg_locks}, never a
 * moment too early.
 */
final class AdvisoryLock implements AutoCloseable {

    /** The store's write lock, one per database: "RECO". */
    static final long KEY = 0x5245434FL;
    private static final long HOLDER_ROW_GRACE = TimeUnit.SECONDS.toNanos(5);
    private static final String HOLDER_OF_THE_LOCK = "SELECT h.pid, h.host, h.command, h.since FROM pg_locks l"
            + " JOIN store_lock_holder h ON h.backend_pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND l.classid = 0 AND l.objid = " + KEY + " AND l.objsubid = 1";

    private final Connection connection;
    private final JdbcTemplate jdbc;

    private AdvisoryLock(Connection connection, JdbcTemplate jdbc) {
        this.connection = connection;
        this.jdbc = jdbc;
    }

    /**
     * @param deadline {@link System#nanoTime()} after which a lock another session holds refuses
     * @throws StoreBusyException naming the holder, when it holds the lock past the deadline
     */
    static AdvisoryLock acquire(DataSource dataSource, StoreUrl store, LockHolder me, long deadline) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the store " + store.displayName() + ": " + e, e);
        }
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        try {
            // Rows of sessions that ended (a killed process) go; then this session's, before it asks.
            jdbc.update("DELETE FROM store_lock_holder WHERE backend_pid = pg_backend_pid()"
                    + " OR backend_pid NOT IN (SELECT pid FROM pg_stat_activity)");
            jdbc.update("INSERT INTO store_lock_holder (backend_pid, pid, host, command, since)"
                    + " VALUES (pg_backend_pid(), ?, ?, ?, ?)", me.pid(), me.host(), me.command(),
                    me.since().atOffset(ZoneOffset.UTC));
            while (true) {
                if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_lock(" + KEY + ")",
                        Boolean.class))) {
                    return new AdvisoryLock(connection, jdbc);
                }
                List<LockHolder> holder = jdbc.query(HOLDER_OF_THE_LOCK, (rs, n) -> new LockHolder(rs.getLong("pid"),
                        rs.getString("host"), rs.getString("command"),
                        rs.getObject("since", OffsetDateTime.class).toInstant()));
                long now = System.nanoTime();
                if (now - deadline >= 0 && !holder.isEmpty()) {
                    throw new StoreBusyException(store.displayName(), holder.get(0).toString());
                }
                if (now - deadline >= HOLDER_ROW_GRACE) {
                    throw new StoreBusyException(store.displayName(), "a database session that is not a reconcile"
                            + " process holds advisory lock " + KEY + "; see pg_locks");
                }
                Thread.sleep(holder.isEmpty() ? 10 : 200);
            }
        } catch (RuntimeException e) {
            forget(connection, jdbc);
            throw e;
        } catch (InterruptedException e) {
            forget(connection, jdbc);
            Thread.currentThread().interrupt();
            throw new StoreBusyException(store.displayName(), "interrupted while waiting for it");
        }
    }

    /** Lets go of the lock and says so; a session already gone has let go with it. */
    @Override
    public void close() {
        try {
            jdbc.queryForObject("SELECT pg_advisory_unlock(" + KEY + ")", Boolean.class);
        } catch (RuntimeException e) {
            // the session is gone, and the lock with it
        }
        forget(connection, jdbc);
    }

    private static void forget(Connection connection, JdbcTemplate jdbc) {
        try {
            jdbc.update("DELETE FROM store_lock_holder WHERE backend_pid = pg_backend_pid()");
        } catch (RuntimeException e) {
            // the next acquire removes the row of a session that ended
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // returned to the pool or dropped: either way no longer this lock's
        }
    }
}
