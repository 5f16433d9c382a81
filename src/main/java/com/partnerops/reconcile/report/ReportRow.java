package com.partnerops.reconcile.report;

import java.util.List;

/**
 * One row of plan.csv, plan.xlsx and apply.csv: the single row model every report writer shares.
 * {@code status} is PLANNED or REJECTED in a plan, APPLIED, STALE or FAILED in an apply report.
 */
public record ReportRow(
        String tenantId,
        String customer,
        String userPrincipalName,
        String change,
        String target,
        String before,
        String after,
        String status,
        String reason,
        String message,
        String sourceFile,
        int sourceRow) {

    public static final List<String> HEADER = List.of("tenantId", "customer", "userPrincipalName", "change",
            "target", "before", "after", "status", "reason", "message", "sourceFile", "sourceRow");

    /** Marketplace SaaS seats get their own section of the review. */
    public boolean isSaas() {
        return "ASSIGN_SAAS_SEAT".equals(change) || "REMOVE_SAAS_SEAT".equals(change);
    }

    public List<String> cells() {
        return List.of(nz(tenantId), nz(customer), nz(userPrincipalName), nz(change), nz(target), nz(before),
                nz(after), nz(status), nz(reason), nz(message), nz(sourceFile),
                sourceRow > 0 ? Integer.toString(sourceRow) : "");
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
