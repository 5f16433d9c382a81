package com.partnerops.reconcile.apply;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.graph.ApplyDirectories;
import com.partnerops.reconcile.plan.PlanRecord;
import com.partnerops.reconcile.plan.PlanStore;
import com.partnerops.reconcile.plan.PublishedSummaries;
import com.partnerops.reconcile.plan.SummaryTally;
import com.partnerops.reconcile.report.ApplyReport;
import com.partnerops.reconcile.report.ReportSummary;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes {@code apply.csv}, {@code saas-handoff.csv} (when any) and {@code apply-summary.html} next to the plan's
 * review, then marks the plan APPLIED.
 */
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
    private final PublishedSummaries published;

    public ApplyReportPublisher(JdbcTemplate jdbc, PlanStore plans, ReconcileSettings settings,
            PublishedSummaries published) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.published = published;
        this.reportsDir = Path.of(settings.reports());
    }

    /** One pass over the applied rows writes apply.csv and counts the summary's figures. */
    public void publish(String planId) {
        PlanRecord plan = plans.get(planId);
        SummaryTally figures = new SummaryTally();
        ReportSummary summary;
        try (ApplyReport report = ApplyReport.create(reportsDir.resolve(planId))) {
            jdbc.query(APPLIED_ROWS, rs -> {
                String status = rs.getString("apply_status");
                String reason = rs.getString("apply_reason");
                report.addRow(PlanStore.reportRow(rs, status, reason, rs.getString("apply_message")));
                figures.add(status, reason, rs.getString("tenant_id"), rs.getString("customer_name"),
                        rs.getString("upn_key"));
            }, planId);
            summary = plans.summary(plan, title(plan), figures);
            report.finish(summary, landings(planId), handoffs(planId));
        }
        plans.setState(planId, PlanRecord.APPLIED);
        published.keep(PublishedSummaries.Report.APPLY, summary);
    }

    /** Per customer with changes, where they were made: one query, not one per customer (10,000 of them). */
    private List<ApplyReport.Landing> landings(String planId) {
        return jdbc.query("SELECT u.tenant_id, MAX(l.customer_name), MAX(s.source) FROM plan_user u"
                + " JOIN plan_line l ON l.plan_id = u.plan_id AND l.seq = u.first_seq"
                + " LEFT JOIN customer_source s ON s.tenant_id = u.tenant_id WHERE u.plan_id = ?"
                + " GROUP BY u.tenant_id ORDER BY MAX(l.customer_name), u.tenant_id",
                (rs, n) -> new ApplyReport.Landing(rs.getString(2), rs.getString(1),
                        ApplyDirectories.landingOf(rs.getString(3))), planId);
    }

    private List<ApplyReport.Handoff> handoffs(String planId) {
        return jdbc.query("SELECT c.name, h.tenant_id, h.publisher, h.offer_name, h.offer_id, h.upn, h.action"
                + " FROM saas_handoff h LEFT JOIN customer c ON c.tenant_id = h.tenant_id WHERE h.plan_id = ?"
                + " ORDER BY c.name, h.tenant_id, h.upn, h.offer_id", (rs, n) -> new ApplyReport.Handoff(
                        rs.getString(1) == null ? "" : rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), planId);
    }

    /** The apply's figures: rows per status (APPLIED, STALE, FAILED), per reason and per customer. */
    public ReportSummary summary(String planId) {
        return summary(plans.get(planId));
    }

    private ReportSummary summary(PlanRecord plan) {
        return plans.summary(plan, title(plan), SUMMARY_ROWS);
    }

    private static String title(PlanRecord plan) {
        return "Apply of plan " + plan.planId();
    }
}
