package com.partnerops.reconcile.state;

import java.util.HexFormat;
import java.util.Arrays;
import java.security.NoSuchAlgorithmException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job repository tables and the store's tables on every start, from the scripts of the
 * database the store is ({@code db/hsqldb/}, {@code db/postgresql/}). The scripts are idempotent, which a
 * long-lived store needs: Boot only initialises the Batch schema of in-memory databases by itself.
 */
@Component
public class StoreSchema implements InitializingBean {

    /** Taken for the schema's transaction on PostgreSQL, so two processes starting at once take turns. */
    private static final long SCHEMA_LOCK_KEY = 0x52454353L;

    private final DataSource dataSource;

    public StoreSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The databases the store has scripts for, by the product name their JDBC driver reports. */
    enum Database {
        HSQLDB("hsqldb", "BEFORE %s ON audit_log FOR EACH ROW"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'"),
        POSTGRESQL("postgresql", "BEFORE %s ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()");

        private final String scripts;
        private final String appendOnlyTrigger;

        Database(String scripts, String appendOnlyTrigger) {
            this.scripts = scripts;
            this.appendOnlyTrigger = appendOnlyTrigger;
        }

        static Database of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName();
            if (product.startsWith("HSQL")) {
                return HSQLDB;
            }
            if (product.equals("PostgreSQL")) {
                return POSTGRESQL;
            }
            throw new IllegalStateException("the store cannot live in " + product + ": use HSQLDB (the default)"
                    + " or PostgreSQL (--db jdbc:postgresql://HOST:PORT/DB?user=...)");
        }

        /** A digest of this version's scripts: a store whose schema came from the same ones needs no DDL. */
        String scriptsDigest() {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (String script : new String[] {"batch-schema.sql", "reconcile-schema.sql"}) {
                    try (InputStream in = new ClassPathResource("db/" + scripts + "/" + script).getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                }
                digest.update(Arrays.deepToString(POSTGRESQL_COLUMNS).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest.digest());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        ResourceDatabasePopulator scripts() {
            return new ResourceDatabasePopulator(new ClassPathResource("db/" + scripts + "/batch-schema.sql"),
                    new ClassPathResource("db/" + scripts + "/reconcile-schema.sql"));
        }
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Database database = Database.of(connection);
            if (database == Database.HSQLDB) {
                // Before the scripts, which would make an empty twin of a table an interrupted switch had dropped.
                SnapshotSwitch.finishInterrupted(connection);
                compareTextWithoutPaddingIfNew(connection);
                // Its script sets the transaction mode, which HSQLDB only does outside a transaction.
                database.scripts().populate(connection);
                makeAuditLogAppendOnly(connection, database);
                return;
            }
            // DDL is transactional here: processes starting at once take turns, and none sees half a schema.
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (Statement lock = connection.createStatement()) {
                    lock.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")");
                }
                String version = database.scriptsDigest();
                if (!version.equals(installedVersion(connection))) {
                    database.scripts().populate(connection);
                    addMissingColumns(connection);
                    makeAuditLogAppendOnly(connection, database);
                    recordVersion(connection, version);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * A new HSQLDB store compares text as PostgreSQL does, trailing spaces included (NO PAD): HSQLDB's default, PAD
     * SPACE, compares a padded copy of the shorter of two strings, so the two stores would disagree about 'a ' and
     * 'a'. No key the job stores ends in a space (Names.key trims), so no look-up changes. Only a store without tables: HSQLDB would change an existing
     * store's collation without rebuilding its indexes, whose order might then disagree with it.
     */
    private static void compareTextWithoutPaddingIfNew(Connection connection) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        Integer tables = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC'", Integer.class);
        if (tables != null && tables == 0) {
            jdbc.execute("SET DATABASE COLLATION SQL_TEXT NO PAD");
        }
    }

    /**
     * The scripts' digest the schema was last brought up to date with; "" before. On PostgreSQL even DDL that
     * changes nothing (CREATE INDEX IF NOT EXISTS) waits for locks a running apply holds, so a command starting
     * beside an apply skips it when the schema is current.
     */
    private static String installedVersion(Connection connection) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.execute("CREATE TABLE IF NOT EXISTS store_schema_version (digest VARCHAR(64) NOT NULL)");
        return jdbc.queryForList("SELECT digest FROM store_schema_version", String.class).stream().findFirst()
                .orElse("");
    }

    private static void recordVersion(Connection connection, String version) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.update("DELETE FROM store_schema_version");
        jdbc.update("INSERT INTO store_schema_version (digest) VALUES (?)", version);
    }

    /** Columns newer than a PostgreSQL store, as table, column and definition. */
    private static final String[][] POSTGRESQL_COLUMNS = {
        {"plan", "submitted_by", "VARCHAR(255)"},
        {"plan", "finished_by", "VARCHAR(255)"},
        {"plan", "scope", "TEXT"},
        {"plan", "customers_to_plan", "BIGINT DEFAULT 0 NOT NULL"},
        {"plan_user", "takes_seats", "BOOLEAN DEFAULT FALSE NOT NULL"},
        // Graph's licenseAssignmentStates[].assignedByGroup; twins in this order (import-state copies with SELECT *)
        {"user_license", "assigned_by_group", "VARCHAR(4000)"},
        {"import_user_license", "assigned_by_group", "VARCHAR(4000)"},
        // Partner Center's refundableQuantity; twins in this order too
        {"subscription", "refundable_seats", "INT"},
        {"subscription", "refundable_until", "DATE"},
        {"import_subscription", "refundable_seats", "INT"},
        {"import_subscription", "refundable_until", "DATE"},
    };

    /**
     * Only when missing: on PostgreSQL, ALTER TABLE waits for an exclusive lock even when the column exists, so a
     * command starting beside an apply would wait for a gap between its transactions.
     */
    private static void addMissingColumns(Connection connection) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        for (String[] column : POSTGRESQL_COLUMNS) {
            Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?",
                    Integer.class, column[0], column[1]);
            if (present == null || present == 0) {
                jdbc.execute("ALTER TABLE " + column[0] + " ADD COLUMN " + column[1] + " " + column[2]);
            }
        }
    }

    /** The audit log is evidence: the database itself refuses to change or delete a row of it. */
    private static void makeAuditLogAppendOnly(Connection connection, Database database) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        for (String operation : new String[] {"UPDATE", "DELETE"}) {
            String trigger = "AUDIT_LOG_NO_" + operation;
            Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS"
                    + " WHERE UPPER(TRIGGER_NAME) = ?", Integer.class, trigger);
            if (present == null || present == 0) {
                jdbc.execute("CREATE TRIGGER " + trigger + " " + database.appendOnlyTrigger.formatted(operation));
            }
        }
    }
}
