package com.partnerops.reconcile.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures a person reads first: what went in, what the plan (or apply) does, per customer and per reason.
 *
 * @param title "Review of plan X" or "Apply of plan X"
 * @param inputs the desired files the plan was made from
 * @param options the command's options as the admin gave them, e.g. "--additive --customer contoso.com"
 * @param statusCounts rows per status (PLANNED, REJECTED, APPLIED, STALE, FAILED), in display order
 * @param reasonCounts rejected (or not applied) rows per reason code, most frequent first
 */
public record ReportSummary(
        String planId,
        String title,
        Instant createdAt,
        List<String> inputs,
        String options,
        long rowsRead,
        Map<String, Long> statusCounts,
        Map<String, Long> reasonCounts,
        List<CustomerFigures> customers) {

    /** One customer's line of the summary. */
    public record CustomerFigures(
            String tenantId, String customer, long usersTouched, long planned, long rejected, long heldBack) {
    }
}
