package com.partnerops.reconcile.report;

/** The {@code status} values of {@link ReportRow}, as the domain's LineStatus names them. */
final class ReportStatus {

    static final String PLANNED = "PLANNED";
    static final String REJECTED = "REJECTED";
    static final String STALE = "STALE";
    static final String FAILED = "FAILED";

    private ReportStatus() {
    }
}
