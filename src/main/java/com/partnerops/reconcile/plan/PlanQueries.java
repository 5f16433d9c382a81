package com.partnerops.reconcile.plan;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the web front end asks about plans besides their rows: the list, whose customers, how far along. */
@Component
public class PlanQueries {

    /** How far a plan or its apply has got, for a progress bar. */
    public record Progress(long rowsRead, long customersPlanned, long customersToPlan, long usersApplied,
            long usersToApply) {
    }

    private final JdbcTemplate jdbc;

    public PlanQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest plans first. */
    public List<PlanListing> recent(int limit) {
        return jdbc.query("SELECT plan_id, created_at, state, submitted_by, finished_by, options FROM plan"
                + " ORDER BY created_at DESC, plan_id DESC LIMIT ?", (rs, n) -> new PlanListing(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), limit);
    }

    /** The customers the plan's rows are about. */
    public List<String> tenantsOf(String planId) {
        return jdbc.queryForList("SELECT DISTINCT tenant_id FROM plan_line WHERE plan_id = ? AND tenant_id IS NOT"
                + " NULL ORDER BY tenant_id", String.class, planId);
    }

    /** The customers the plan changes. */
    public List<String> tenantsChanged(String planId) {
        return jdbc.queryForList("SELECT DISTINCT tenant_id FROM plan_line WHERE plan_id = ? AND status = 'PLANNED'"
                + " ORDER BY tenant_id", String.class, planId);
    }

    /** The plan's planned removals of licenses, seats and roles: what the four-eyes rule looks at. */
    public long plannedRemovals(String planId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM plan_line WHERE plan_id = ? AND status = 'PLANNED'"
                + " AND change_kind IN ('REMOVE_LICENSE', 'REMOVE_ROLE', 'REMOVE_SAAS_SEAT')", Long.class, planId);
    }

    /** One customer's apply outcome: its rows per status (APPLIED, STALE, FAILED, SKIPPED). */
    public record AppliedCustomer(String tenantId, String customer, long applied, long stale, long failed,
            long skipped) {
    }

    public List<AppliedCustomer> appliedPerCustomer(String planId) {
        return jdbc.query("SELECT l.tenant_id, MAX(l.customer_name),"
                + " SUM(CASE WHEN a.status = 'APPLIED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.status = 'STALE' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.status = 'FAILED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.status = 'SKIPPED' THEN 1 ELSE 0 END)"
                + " FROM plan_line l JOIN apply_line a ON a.plan_id = l.plan_id AND a.seq = l.seq"
                + " WHERE l.plan_id = ? GROUP BY l.tenant_id ORDER BY MAX(l.customer_name)",
                (rs, n) -> new AppliedCustomer(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)), planId);
    }

    /**
     * Rows read so far (Spring Batch counts them per committed chunk), customers planned of those the rows name,
     * users applied of those with changes.
     */
    public Progress progress(String planId) {
        Long rowsRead = jdbc.queryForObject("SELECT COALESCE(SUM(s.READ_COUNT), 0) FROM BATCH_STEP_EXECUTION s"
                + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID"
                + " WHERE p.PARAMETER_NAME = ? AND p.PARAMETER_VALUE = ? AND s.STEP_NAME = 'stageDesiredRows'",
                Long.class, PlanJobConfiguration.PLAN_ID, planId);
        Long planned = jdbc.queryForObject("SELECT COUNT(DISTINCT COALESCE(tenant_id, '')) FROM plan_line"
                + " WHERE plan_id = ?", Long.class, planId);
        Long toPlan = jdbc.queryForObject("SELECT customers_to_plan FROM plan WHERE plan_id = ?", Long.class,
                planId);
        Long applied = jdbc.queryForObject("SELECT COUNT(*) FROM plan_user WHERE plan_id = ?"
                + " AND apply_status IS NOT NULL", Long.class, planId);
        Long toApply = jdbc.queryForObject("SELECT COUNT(*) FROM plan_user WHERE plan_id = ?", Long.class, planId);
        return new Progress(rowsRead, planned, toPlan, applied, toApply);
    }
}
