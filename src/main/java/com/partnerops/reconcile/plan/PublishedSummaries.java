package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.report.ReportSummary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The figures a report step has just written, held for the caller that ran its job in this process. Counting them
 * again once the job had finished meant reading every row of the plan once more (1.4 s of a million-user apply).
 * A job that finished in another process, or whose report was written by an earlier execution, leaves nothing
 * here, and the caller counts the rows as before.
 */
@Component
public class PublishedSummaries {

    /** Which report: a plan's review and its apply have different figures. */
    public enum Report { REVIEW, APPLY }

    /** Only summaries not yet taken; a few cover every job that can run at once in one process. */
    private static final int KEPT = 8;

    private final Map<String, ReportSummary> summaries = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReportSummary> eldest) {
            return size() > KEPT;
        }
    };

    public synchronized void keep(Report report, ReportSummary summary) {
        summaries.put(key(report, summary.planId()), summary);
    }

    /** The summary the report of this plan was written with in this process, once. */
    public synchronized Optional<ReportSummary> take(Report report, String planId) {
        return Optional.ofNullable(summaries.remove(key(report, planId)));
    }

    private static String key(Report report, String planId) {
        return report + " " + planId;
    }
}
