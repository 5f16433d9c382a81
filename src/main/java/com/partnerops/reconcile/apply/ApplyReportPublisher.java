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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * One pass over the applied rows writes apply.csv, counts the summary's figures and names the customers whose
     * changes the page says where they were made.
     */
    public void publish(String planId) {
        PlanRecord plan = plans.get(planId);
        SummaryTally figures = new SummaryTally();
        Map<String, String> customersApplied = new HashMap<>();
        ReportSummary summary;
        try (ApplyReport report = ApplyReport.create(reportsDir.resolve(planId))) {
            jdbc.query(APPLIED_ROWS, rs -> {
                String status = rs.getString("apply_status");
                String reason = rs.getString("apply_reason");
                String tenantId = rs.getString("tenant_id");
                String customer = rs.getString("customer_name");
                report.addRow(PlanStore.reportRow(rs, status, reason, rs.getString("apply_message")));
                figures.add(status, reason, tenantId, customer, rs.getString("upn_key"));
                customersApplied.putIfAbsent(tenantId, customer);
            }, planId);
            summary = plans.summary(plan, title(plan), figures);
            report.finish(summary, landings(customersApplied), handoffs(planId));
        }
        plans.setState(planId, PlanRecord.APPLIED);
        published.keep(PublishedSummaries.Report.APPLY, summary);
    }

    /**
     * Per customer with changes (tenant id to its name as reviewed), where they were made, by name. Joining every
     * planned user to its first row for the name cost 2 s of a million-user apply; the rows pass has the names.
     */
    private List<ApplyReport.Landing> landings(Map<String, String> customers) {
        Map<String, String> sources = new HashMap<>();
        jdbc.query("SELECT tenant_id, source FROM customer_source", rs -> {
            sources.put(rs.getString("tenant_id"), rs.getString("source"));
        });
        return customers.entrySet().stream()
                .map(c -> new ApplyReport.Landing(c.getValue(), c.getKey(),
                        ApplyDirectories.landingOf(sources.get(c.getKey()))))
                .sorted(Comparator.comparing(ApplyReport.Landing::customer, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ApplyReport.Landing::customer).thenComparing(ApplyReport.Landing::tenantId))
                .toList();
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
