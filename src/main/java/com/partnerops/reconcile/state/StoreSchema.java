package com.partnerops.reconcile.state;

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
                database.scripts().populate(connection);
                makeAuditLogAppendOnly(connection, database);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
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
