package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.graph.ApplyDirectories;
import com.partnerops.reconcile.report.ReportSummary;
import com.partnerops.reconcile.report.ReviewPages;
import com.partnerops.reconcile.report.ReviewReport;
import com.partnerops.reconcile.report.SeatReportRow;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Writes a plan's review report from the store into {@code <reports>/<PLAN_ID>/}, then marks the plan PLANNED. */
@Component
public class ReviewReportPublisher {

    private final PlanStore plans;
    private final PlanDigest digest;
    private final ApplyDirectories directories;
    private final Path reportsDir;
    private final PublishedSummaries published;

    public ReviewReportPublisher(PlanStore plans, PlanDigest digest, ApplyDirectories directories,
            ReconcileSettings settings, PublishedSummaries published) {
        this.plans = plans;
        this.published = published;
        this.digest = digest;
        this.directories = directories;
        this.reportsDir = Path.of(settings.reports());
    }

    public Path reportDir(String planId) {
        return reportsDir.resolve(planId);
    }

    /**
     * One pass over the plan's rows feeds everything: the report files, the summary's figures, the rows
     * summary.html shows and the fingerprint of the PLANNED rows.
     */
    public void publish(String planId) {
        PlanRecord plan = plans.get(planId);
        SummaryTally figures = new SummaryTally();
        ReviewViewTally view = new ReviewViewTally();
        PlanDigest.RowsDigest planned = new PlanDigest.RowsDigest();
        ReportSummary summary;
        try (ReviewReport report = ReviewReport.create(reportDir(planId))) {
            plans.forEachRow(planId, (row, rs) -> {
                report.addRow(row);
                view.add(row);
                figures.add(row.status(), row.reason(), row.tenantId(), row.customer(), rs.getString("upn_key"));
                if ("PLANNED".equals(row.status())) {
                    planned.addPlannedRow(rs);
                }
            });
            for (SeatReportRow seat : plans.seats(planId)) {
                report.addSeat(seat);
                view.addSeat(seat);
            }
            ReportSummary written = plans.summary(plan, figures, true);
            report.finish(written, page -> ReviewPages.writeSummary(view.view(written, directories::landing), page));
            summary = written;
        }
        // Only a plan whose review was written completely can be applied, and only as it was written.
        plans.markPlanned(planId, digest.finish(planned, planId),
                PlanDigest.ofFile(reportDir(planId).resolve(ReviewReport.PLAN_CSV)));
        published.keep(PublishedSummaries.Report.REVIEW, summary);
    }
}
