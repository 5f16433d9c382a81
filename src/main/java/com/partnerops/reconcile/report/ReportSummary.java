package com.partnerops.reconcile.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures a person reads first: what went in, what the plan (or apply) does, per customer and per reason.
 *
 * @param title "Review of plan X" or "Apply of plan X"
 * @param inputs the desired files the plan was made from
 * @param options the command's options as the admin gave them, e.g. "--additive --customer contoso.com"
 * @param reverts for a plan made by {@code revert}: "revert of PLAN_ID, applied on DATE by WHO"; null otherwise
 * @param rowsOutOfScope rows read but left out because their customer is not among {@code --customer}
 * @param warnings what the admin should know about the inputs, e.g. a column no rule reads
 * @param statusCounts rows per status (PLANNED, REJECTED, APPLIED, STALE, FAILED), in display order
 * @param reasonCounts rejected (or not applied) rows per reason code, most frequent first
 */
public record ReportSummary(
        String planId,
        String title,
        Instant createdAt,
        List<String> inputs,
        String options,
        String reverts,
        long rowsRead,
        long rowsOutOfScope,
        List<String> warnings,
        Map<String, Long> statusCounts,
        Map<String, Long> reasonCounts,
        List<CustomerFigures> customers) {

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** The plan's identity and inputs as label/value pairs, in the order both summary.html and plan.xlsx show them. */
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("Plan id", planId == null ? "" : planId);
        facts.put("Created at", createdAt == null ? "" : CREATED_AT.format(createdAt));
        if (reverts != null) {
            facts.put("Reverts", reverts);
            facts.put("Inputs", "the audit log of the reverted plan");
        } else {
            facts.put("Inputs", inputs == null ? "" : String.join(", ", inputs));
        }
        facts.put("Options", options == null || options.isBlank() ? "(none)" : options);
        facts.put(reverts == null ? "Rows read" : "Applied changes read", rowsRead);
        if (rowsOutOfScope > 0) {
            facts.put("Rows for other customers (not planned: outside --customer)", rowsOutOfScope);
        }
        if (warnings != null && !warnings.isEmpty()) {
            facts.put("Warnings", String.join("\n", warnings));
        }
        return facts;
    }

    /** One customer's line of the summary. */
    public record CustomerFigures(
            String tenantId, String customer, long usersTouched, long planned, long rejected, long heldBack) {

        public static final List<String> HEADER =
                List.of("customer", "tenantId", "usersTouched", "planned", "rejected", "heldBack");

        /** The line in HEADER order, figures as numbers. */
        public List<Object> values() {
            return List.of(customer == null ? "" : customer, tenantId == null ? "" : tenantId,
                    usersTouched, planned, rejected, heldBack);
        }
    }
}
