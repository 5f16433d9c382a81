package com.partnerops.reconcile.state;

import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job repository tables and the store's tables on every start. Both scripts are
 * idempotent, which a file store needs: Boot only initialises the Batch schema of in-memory databases by itself.
 */
@Component
public class StoreSchema implements InitializingBean {

    private final DataSource dataSource;

    public StoreSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        new ResourceDatabasePopulator(
                new ClassPathResource("db/batch-schema-hsqldb.sql"),
                new ClassPathResource("db/reconcile-schema.sql")).execute(dataSource);
        makeAuditLogAppendOnly(new JdbcTemplate(dataSource));
    }

    /** The audit log is evidence: the database itself refuses to change or delete a row of it. */
    private static void makeAuditLogAppendOnly(JdbcTemplate jdbc) {
        for (String operation : new String[] {"UPDATE", "DELETE"}) {
            String trigger = "AUDIT_LOG_NO_" + operation;
            Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS"
                    + " WHERE TRIGGER_NAME = ?", Integer.class, trigger);
            if (present == null || present == 0) {
                jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE " + operation + " ON audit_log FOR EACH ROW"
                        + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'");
            }
        }
    }
}
