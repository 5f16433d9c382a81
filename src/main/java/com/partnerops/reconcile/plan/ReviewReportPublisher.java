package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.report.ReviewPages;
import com.partnerops.reconcile.report.ReviewReport;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Writes a plan's review report from the store into {@code <reports>/<PLAN_ID>/}, then marks the plan PLANNED. */
@Component
public class ReviewReportPublisher {

    private final PlanStore plans;
    private final ReviewViews views;
    private final PlanDigest digest;
    private final Path reportsDir;

    public ReviewReportPublisher(PlanStore plans, ReviewViews views, PlanDigest digest, ReconcileSettings settings) {
        this.plans = plans;
        this.views = views;
        this.digest = digest;
        this.reportsDir = Path.of(settings.reports());
    }

    public Path reportDir(String planId) {
        return reportsDir.resolve(planId);
    }

    public void publish(String planId) {
        try (ReviewReport report = ReviewReport.create(reportDir(planId))) {
            plans.forEachRow(planId, report::addRow);
            plans.seats(planId).forEach(report::addSeat);
            report.finish(plans.summary(planId));
        }
        // last, once the files it points to are complete
        ReviewPages.writeSummary(views.build(planId, ReviewViews.Filter.NONE),
                reportDir(planId).resolve(ReviewReport.SUMMARY_HTML));
        // Only a plan whose review was written completely can be applied, and only as it was written.
        plans.markPlanned(planId, digest.ofPlannedRows(planId),
                PlanDigest.ofFile(reportDir(planId).resolve(ReviewReport.PLAN_CSV)));
    }
}
