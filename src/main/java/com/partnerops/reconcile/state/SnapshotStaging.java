package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.domain.UserAttribute;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The staging tables ({@code import_customer}, ...): a snapshot, or one customer read live, is loaded there first
 * and only then replaces its customers in the current-state tables. A kill while loading leaves the current state
 * untouched. Plan and apply never read these tables.
 *
 * <p>Two ways to replace: {@link #replaceStagedCustomers} copies the staged rows over in the caller's one
 * transaction, for a live read's one customer at a time; a whole snapshot is loaded into tables made by
 * {@link #recreate} and then becomes the current state by {@link SnapshotSwitch}, since one transaction copying
 * a million users does not fit the heap on HSQLDB.
 */
@Component
public class SnapshotStaging {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStaging.class);

    private final JdbcTemplate jdbc;

    public SnapshotStaging(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Empties the staging tables: what an earlier, killed import staged must never reach the store. Transactional
     * (a live read clears them inside its customer's transaction).
     */
    public void clear() {
        for (StateTable table : StateTable.ALL) {
            jdbc.execute("TRUNCATE TABLE " + table.staging());
        }
    }

    /**
     * Makes the staging tables anew, empty, as twins of the current-state tables with their primary keys and
     * indexes: a snapshot loaded into them can become the current state as it is. Dropped rather than emptied,
     * which on HSQLDB would keep every deleted row of a million-user staging in the heap until the commit; DDL,
     * so it commits on HSQLDB: call it outside any transaction that matters. The indexes are made before the load:
     * on HSQLDB adding them after it is slower (it rebuilds the table: 3 million rows took 20 to 30 s to index
     * after the load, against about 2 s kept up row by row while loading).
     */
    public void recreate() {
        boolean hsqldb = SnapshotSwitch.isHsqldb(jdbc);
        for (StateTable table : StateTable.ALL) {
            jdbc.execute("DROP TABLE IF EXISTS " + table.staging());
            jdbc.execute(SnapshotSwitch.createStaging(table, hsqldb));
            jdbc.execute("ALTER TABLE " + table.staging() + " ADD PRIMARY KEY (" + table.primaryKey() + ")");
            for (StateTable.Index index : table.indexes()) {
                jdbc.execute("CREATE INDEX " + index.stagingName() + " ON " + table.staging() + " ("
                        + index.columns() + ")");
            }
        }
    }

    /** How many customers are staged: a snapshot's, until {@link SnapshotSwitch#switchToStaged} adds the kept. */
    public int stagedCustomers() {
        Integer customers = jdbc.queryForObject("SELECT COUNT(*) FROM import_customer", Integer.class);
        return customers == null ? 0 : customers;
    }

    /**
     * Replaces the staged customers whole: deletes everything the store holds about them and copies in their
     * staged rows. Joins the caller's transaction, which must be one transaction for the whole replacement: then
     * plan and apply see each customer as it was or as the snapshot says, never in between.
     *
     * @return how many customers were replaced
     */
    public int replaceStagedCustomers() {
        Integer customers = jdbc.queryForObject("SELECT COUNT(*) FROM import_customer", Integer.class);
        for (StateTable table : StateTable.ALL) {
            jdbc.update("DELETE FROM " + table.name() + " WHERE tenant_id IN (SELECT tenant_id FROM import_customer)");
        }
        // A nightly log shows how far a killed import got; before the commit below, nothing of it counts.
        LOG.debug("import-state: replacing {} customers: their old rows are deleted, copying the snapshot's in",
                customers);
        for (StateTable table : StateTable.ALL) {
            jdbc.update("INSERT INTO " + table.name() + " SELECT * FROM " + table.staging());
        }
        return customers == null ? 0 : customers;
    }

    public void insertCustomers(List<? extends Customer> customers) {
        jdbc.batchUpdate("INSERT INTO import_customer (tenant_id, domain, name, tenant_key, domain_key, name_key)"
                + " VALUES (?, ?, ?, ?, ?, ?)", customers.stream().map(c -> new Object[] {c.tenantId(), c.domain(),
                        c.name(), Names.key(c.tenantId()), Names.key(c.domain()), Names.key(c.name())}).toList());
    }

    public void insertSubscriptions(List<? extends Subscription> subscriptions) {
        jdbc.batchUpdate("INSERT INTO import_subscription (tenant_id, subscription_id, sku, product_name, kind,"
                + " program, quantity, status, commitment_start, term_end, assigned_display, refundable_seats,"
                + " refundable_until) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                subscriptions.stream().map(s -> new Object[] {s.tenantId(), s.subscriptionId(), s.skuPartNumber(),
                        s.productName(), s.kind().name(), s.program().name(), s.quantity(), s.status().name(),
                        sqlDate(s.commitmentStart()), sqlDate(s.termEnd()), s.assignedDisplay(),
                        s.refundable() == null ? null : s.refundable().seats(),
                        s.refundable() == null ? null : sqlDate(s.refundable().until())}).toList());
    }

    public void insertRelationships(List<? extends GdapRelationship> relationships) {
        jdbc.batchUpdate("INSERT INTO import_gdap_relationship (tenant_id, relationship_id, status, end_date_time,"
                + " roles) VALUES (?, ?, ?, ?, ?)",
                relationships.stream().map(r -> new Object[] {r.tenantId(), r.relationshipId(), r.status(),
                        r.endDateTime() == null ? null : r.endDateTime().atOffset(ZoneOffset.UTC),
                        String.join(";", r.roles())}).toList());
    }

    /**
     * The users with their licenses and roles. Each value is set as the type its column has: a million users pass
     * here, and Spring's guessing of each value's type from the value was a tenth of the staging's time.
     */
    public void insertUsers(List<? extends DirectoryUser> users) {
        jdbc.batchUpdate("INSERT INTO import_directory_user (tenant_id, upn_key, upn, display_name, given_name,"
                + " surname, usage_location, job_title, department, account_enabled) VALUES (?,?,?,?,?,?,?,?,?,?)",
                users, users.size(), (insert, u) -> {
                    insert.setString(1, u.tenantId());
                    insert.setString(2, Names.key(u.userPrincipalName()));
                    insert.setString(3, u.userPrincipalName());
                    insert.setString(4, u.attribute(UserAttribute.DISPLAY_NAME));
                    insert.setString(5, u.attribute(UserAttribute.GIVEN_NAME));
                    insert.setString(6, u.attribute(UserAttribute.SURNAME));
                    insert.setString(7, u.attribute(UserAttribute.USAGE_LOCATION));
                    insert.setString(8, u.attribute(UserAttribute.JOB_TITLE));
                    insert.setString(9, u.attribute(UserAttribute.DEPARTMENT));
                    insert.setBoolean(10, u.accountEnabled());
                });
        List<String[]> licenses = new ArrayList<>();
        List<String[]> roles = new ArrayList<>();
        for (DirectoryUser u : users) {
            String key = Names.key(u.userPrincipalName());
            u.licenses().forEach(sku -> licenses.add(new String[] {u.tenantId(), key, sku,
                    String.join(";", u.disabledPlansOf(sku)), u.groupOf(sku).orElse(null)}));
            u.roles().forEach(role -> roles.add(new String[] {u.tenantId(), key, role}));
        }
        StoreRows.sendText(jdbc, "INSERT INTO import_user_license (tenant_id, upn_key, sku, disabled_plans,"
                + " assigned_by_group) VALUES (?, ?, ?, ?, ?)", licenses);
        StoreRows.sendText(jdbc, "INSERT INTO import_user_role (tenant_id, upn_key, role) VALUES (?, ?, ?)", roles);
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
