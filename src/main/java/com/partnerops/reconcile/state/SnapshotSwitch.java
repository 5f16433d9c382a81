package com.partnerops.reconcile.state;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Makes a staged snapshot the current state: the staging tables, loaded in many small transactions and holding the
 * customers the snapshot does not name as well (copied beside it), take the place of the current-state tables.
 *
 * <p>Why a switch of tables and not one transaction that deletes and copies: HSQLDB keeps every row a transaction
 * inserts or deletes in the heap until it commits (about 400 bytes a row, measured), so replacing a million users
 * with their licenses in one transaction ran out of a 1 GiB heap. Why not a generation column that readers filter
 * on: every reader of the current state (apply's guard among them) would have to filter, and the tables would hold
 * a killed import's rows until the next one. Here the tables by their names hold exactly the current state, before
 * and after.
 *
 * <p>Atomic either way: on PostgreSQL the switch is DDL inside the one transaction that also records the seat
 * history and the customers' source, so it commits whole or not at all. HSQLDB commits each DDL statement by
 * itself, so that transaction also writes a row to {@code snapshot_switch} before the first DDL commits it: that
 * commit is the moment the import happened. The switch is written to be finished from wherever it stopped, and
 * {@link #finishInterrupted} finishes it when the store is next opened, before anything reads it (a file store is
 * open in one process at a time). A kill before that commit leaves the current-state tables as they were.
 */
@Component
public class SnapshotSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSwitch.class);

    /** Users per transaction when the customers a snapshot does not name are copied beside it. */
    static final int KEPT_USERS_PER_COPY = 20_000;

    private final JdbcTemplate jdbc;

    public SnapshotSwitch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static boolean isHsqldb(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().startsWith("HSQL")));
    }

    /** A staging twin with the current-state table's columns in the same order, defaults and NOT NULL included. */
    static String createStaging(StateTable table, boolean hsqldb) {
        return "CREATE " + (hsqldb ? "CACHED " : "") + "TABLE IF NOT EXISTS " + table.staging() + " (LIKE "
                + table.name() + " INCLUDING DEFAULTS)";
    }

    /**
     * The customers in the store that the staged snapshot does not name, in groups of about
     * {@link #KEPT_USERS_PER_COPY} users, each to be copied in a transaction of its own. A single customer larger
     * than that is a group by itself.
     */
    public List<List<String>> keptCustomerGroups() {
        List<List<String>> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        long users = 0;
        for (Map<String, Object> kept : jdbc.queryForList("SELECT c.tenant_id, (SELECT COUNT(*) FROM directory_user u"
                + " WHERE u.tenant_id = c.tenant_id) AS users FROM customer c"
                + " WHERE c.tenant_id NOT IN (SELECT tenant_id FROM import_customer) ORDER BY c.tenant_id")) {
            group.add((String) kept.get("tenant_id"));
            users += ((Number) kept.get("users")).longValue();
            if (users >= KEPT_USERS_PER_COPY) {
                groups.add(group);
                group = new ArrayList<>();
                users = 0;
            }
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    /**
     * Copies these kept customers' current rows into the staging tables, all but their {@code customer} row: until
     * the switch, {@code import_customer} names the snapshot's customers only, which the seat history and the
     * customers' source are recorded for. Joins the caller's transaction.
     */
    public void copyKept(List<String> tenantIds) {
        String in = String.join(", ", tenantIds.stream().map(t -> "?").toList());
        for (StateTable table : StateTable.ALL.subList(1, StateTable.ALL.size())) {
            jdbc.update("INSERT INTO " + table.staging() + " SELECT * FROM " + table.name() + " WHERE tenant_id IN ("
                    + in + ")", tenantIds.toArray());
        }
    }

    /**
     * Adds the kept customers' {@code customer} rows to the staging, marks the switch begun and switches. Call it
     * last in the transaction that records what else the import changes (seat history, the customers' source): on
     * HSQLDB the first DDL statement commits that transaction.
     */
    public void switchToStaged() {
        jdbc.update("INSERT INTO import_customer SELECT * FROM customer"
                + " WHERE tenant_id NOT IN (SELECT tenant_id FROM import_customer)");
        jdbc.update("INSERT INTO snapshot_switch (begun) VALUES (CURRENT_TIMESTAMP)");
        switchTables(jdbc, isHsqldb(jdbc));
    }

    /**
     * On opening an HSQLDB store: a switch that a kill interrupted is finished before anything reads the store,
     * so it holds the snapshot whose switch had begun. Stores older than the switch have no such table.
     */
    static void finishInterrupted(Connection connection) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        Integer table = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND LOWER(TABLE_NAME) = 'snapshot_switch'", Integer.class);
        if (table == null || table == 0) {
            return;
        }
        Integer begun = jdbc.queryForObject("SELECT COUNT(*) FROM snapshot_switch", Integer.class);
        if (begun != null && begun > 0) {
            LOG.info("finishing the switch to the snapshot an import-state had staged when it was stopped");
            switchTables(jdbc, true);
        }
    }

    /**
     * Each staging table that still exists replaces its current-state table, and its indexes take their names;
     * then the mark is removed, and only then new empty staging tables are made (were they made first, an
     * interrupted switch would take them for the staged snapshot). Every step can be done again where it stopped.
     */
    private static void switchTables(JdbcTemplate jdbc, boolean hsqldb) {
        for (StateTable table : StateTable.ALL) {
            if (exists(jdbc, table.staging())) {
                jdbc.execute("DROP TABLE IF EXISTS " + table.name());
                jdbc.execute("ALTER TABLE " + table.staging() + " RENAME TO " + table.name());
            }
            for (StateTable.Index index : table.indexes()) {
                if (indexExists(jdbc, index.stagingName(), hsqldb)) {
                    jdbc.execute("ALTER INDEX " + index.stagingName() + " RENAME TO " + index.name());
                }
            }
        }
        jdbc.update("DELETE FROM snapshot_switch");
        for (StateTable table : StateTable.ALL) {
            jdbc.execute(createStaging(table, hsqldb));
        }
    }

    private static boolean exists(JdbcTemplate jdbc, String table) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND LOWER(TABLE_NAME) = ?", Integer.class, table);
        return found != null && found > 0;
    }

    private static boolean indexExists(JdbcTemplate jdbc, String index, boolean hsqldb) {
        Integer found = hsqldb
                ? jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SYSTEM_INDEXINFO"
                        + " WHERE TABLE_SCHEM = CURRENT_SCHEMA AND LOWER(INDEX_NAME) = ?", Integer.class, index)
                : jdbc.queryForObject("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = CURRENT_SCHEMA"
                        + " AND indexname = ?", Integer.class, index);
        return found != null && found > 0;
    }
}
