package com.partnerops.reconcile.apply;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.plan.PlanRecord;
import com.partnerops.reconcile.plan.PlanStore;
import com.partnerops.reconcile.report.ApplyReport;
import com.partnerops.reconcile.report.ReportSummary;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes {@code apply.csv} and {@code apply-summary.html} next to the plan's review, then marks the plan APPLIED. */
@Component
public class ApplyReportPublisher {

    /** Every reviewed row with what apply did with it, in plan order. */
    private static final String APPLIED_ROWS = "SELECT l.*, a.status AS apply_status, a.reason AS apply_reason,"
            + " a.message AS apply_message FROM plan_line l JOIN apply_line a ON a.plan_id = l.plan_id"
            + " AND a.seq = l.seq WHERE l.plan_id = ? ORDER BY l.seq";
    private static final String SUMMARY_ROWS = "SELECT a.status, a.reason, l.tenant_id, l.customer_name, l.upn_key"
            + " FROM plan_line l JOIN apply_line a ON a.plan_id = l.plan_id AND a.seq = l.seq WHERE l.plan_id = ?";

    private final JdbcTemplate jdbc;
    private final PlanStore plans;
    private final Path reportsDir;

    public ApplyReportPublisher(JdbcTemplate jdbc, PlanStore plans, ReconcileSettings settings) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.reportsDir = Path.of(settings.reports());
    }

    public void publish(String planId) {
        PlanRecord plan = plans.get(planId);
        try (ApplyReport report = ApplyReport.create(reportsDir.resolve(planId))) {
            jdbc.query(APPLIED_ROWS, rs -> {
                report.addRow(PlanStore.reportRow(rs, rs.getString("apply_status"), rs.getString("apply_reason"),
                        rs.getString("apply_message")));
            }, planId);
            report.finish(summary(plan));
        }
        plans.setState(planId, PlanRecord.APPLIED);
    }

    /** The apply's figures: rows per status (APPLIED, STALE, FAILED), per reason and per customer. */
    public ReportSummary summary(String planId) {
        return summary(plans.get(planId));
    }

    private ReportSummary summary(PlanRecord plan) {
        return plans.summary(plan, "Apply of plan " + plan.planId(), SUMMARY_ROWS);
    }
}
