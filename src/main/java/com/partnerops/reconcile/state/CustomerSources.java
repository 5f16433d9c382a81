package com.partnerops.reconcile.state;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where each customer's current state came from ({@code snapshot} or {@code graph}) and when it was read, in
 * {@code customer_source}. Written in the transaction that replaces the customer's state, so the two never
 * disagree; a customer a live read could not refresh keeps both, marked with why.
 */
@Component
public class CustomerSources {

    public static final String SNAPSHOT = "snapshot";
    public static final String GRAPH = "graph";

    private final JdbcTemplate jdbc;

    public CustomerSources(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the customer's current state was last read live from Graph (else from a snapshot, or unknown). */
    public boolean readFromGraph(String tenantId) {
        return jdbc.queryForList("SELECT source FROM customer_source WHERE tenant_id = ?", String.class, tenantId)
                .stream().findFirst().map(GRAPH::equals).orElse(false);
    }

    /** The customers staged in {@code import_customer} were just replaced from this source, read at that time. */
    /** Whether any customer with changes in this plan was read from Graph: its apply then writes through Graph. */
    public boolean anyReadFromGraph(String planId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM customer_source s WHERE s.source = ? AND EXISTS"
                + " (SELECT 1 FROM plan_user u WHERE u.plan_id = ? AND u.tenant_id = s.tenant_id)", Long.class, GRAPH,
                planId);
        return count != null && count > 0;
    }

    public void recordStaged(String source, Instant readAt) {
        jdbc.update("DELETE FROM customer_source WHERE tenant_id IN (SELECT tenant_id FROM import_customer)");
        jdbc.update("INSERT INTO customer_source (tenant_id, source, read_at) SELECT tenant_id, ?, ?"
                + " FROM import_customer", source, readAt.atOffset(ZoneOffset.UTC));
    }

    /** The customer kept its earlier state: says why and since when (nothing when it never had any). */
    public void markNotRefreshed(String tenantId, String reason, Instant at) {
        jdbc.update("UPDATE customer_source SET not_refreshed = ?, not_refreshed_at = ? WHERE tenant_id = ?",
                reason.length() > 4000 ? reason.substring(0, 4000) : reason, at.atOffset(ZoneOffset.UTC), tenantId);
    }
}
