package com.partnerops.reconcile.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.domain.Customer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On HSQLDB the switch to a staged snapshot is several DDL statements, each committed alone: one stopped between
 * them (a kill, a power cut) is finished when the store is next opened, before anything reads it.
 */
class SnapshotSwitchTest {

    private static final String OLD = "11111111-2222-4333-8444-555555555555";
    private static final String NEW = "22222222-3333-4444-8555-666666666666";

    @TempDir
    Path dir;

    @Test
    void aSwitchStoppedAfterItsFirstTableIsFinishedWhenTheStoreIsOpenedAgain() throws Exception {
        DriverManagerDataSource store = store();
        new StoreSchema(store).afterPropertiesSet();
        JdbcTemplate jdbc = new JdbcTemplate(store);
        SnapshotStaging staging = new SnapshotStaging(jdbc);
        staging.insertCustomers(List.of(new Customer(OLD, "old.onmicrosoft.com", "Old")));
        staging.replaceStagedCustomers();
        staging.recreate();
        staging.insertCustomers(List.of(new Customer(NEW, "new.onmicrosoft.com", "New")));
        jdbc.update("INSERT INTO directory_user (tenant_id, upn_key, upn, account_enabled)"
                + " VALUES (?, 'a@old', 'a@old', TRUE)", OLD);
        jdbc.update("INSERT INTO import_directory_user (tenant_id, upn_key, upn, account_enabled)"
                + " VALUES (?, 'b@new', 'b@new', TRUE)", NEW);
        // what switchToStaged commits before its first DDL statement, then its first table only
        jdbc.update("INSERT INTO snapshot_switch (begun) VALUES (CURRENT_TIMESTAMP)");
        jdbc.execute("DROP TABLE customer");
        jdbc.execute("ALTER TABLE import_customer RENAME TO customer");
        jdbc.execute("SHUTDOWN");

        new StoreSchema(store).afterPropertiesSet();

        assertThat(jdbc.queryForList("SELECT tenant_id FROM customer", String.class)).containsExactly(NEW);
        assertThat(jdbc.queryForList("SELECT upn FROM directory_user", String.class)).containsExactly("b@new");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM snapshot_switch", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_directory_user", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SYSTEM_INDEXINFO"
                + " WHERE INDEX_NAME = 'CUSTOMER_BY_NAME_KEY'", Integer.class)).isPositive();
    }

    @Test
    void aSwitchThatWasNeverBegunChangesNothingWhenTheStoreIsOpened() throws Exception {
        DriverManagerDataSource store = store();
        new StoreSchema(store).afterPropertiesSet();
        JdbcTemplate jdbc = new JdbcTemplate(store);
        SnapshotStaging staging = new SnapshotStaging(jdbc);
        staging.insertCustomers(List.of(new Customer(OLD, "old.onmicrosoft.com", "Old")));
        staging.replaceStagedCustomers();
        staging.recreate();
        staging.insertCustomers(List.of(new Customer(NEW, "new.onmicrosoft.com", "New")));
        jdbc.execute("SHUTDOWN");

        new StoreSchema(store).afterPropertiesSet();

        assertThat(jdbc.queryForList("SELECT tenant_id FROM customer", String.class)).containsExactly(OLD);
        assertThat(jdbc.queryForList("SELECT tenant_id FROM import_customer", String.class)).containsExactly(NEW);
    }

    private DriverManagerDataSource store() {
        return new DriverManagerDataSource("jdbc:hsqldb:file:" + dir.resolve("reconcile")
                + ";hsqldb.default_table_type=cached;hsqldb.write_delay=false", "SA", "");
    }
}
