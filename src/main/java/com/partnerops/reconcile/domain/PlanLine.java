package com.partnerops.reconcile.domain;

/**
 * One row of a plan: a change with its verdict. {@code change} is null only for rejections that concern the whole
 * desired row (unknown customer or user, duplicate user, an unreadable list cell); {@code target} then names what
 * the row was about.
 */
public record PlanLine(
        String tenantId,
        String userPrincipalName,
        PlannedChange change,
        String target,
        LineStatus status,
        ReasonCode reason,
        String message,
        String gdapRelationshipId,
        String sourceFile,
        int sourceRow) {

    public static PlanLine planned(String tenantId, DesiredUserRow row, PlannedChange change, String relationshipId,
            String note) {
        return new PlanLine(tenantId, row.userPrincipalName(), change, change.target(), LineStatus.PLANNED, null,
                note, relationshipId, row.sourceFile(), row.sourceRow());
    }

    public static PlanLine rejected(String tenantId, DesiredUserRow row, PlannedChange change, ReasonCode reason,
            String message) {
        return new PlanLine(tenantId, row.userPrincipalName(), change, change == null ? "" : change.target(),
                LineStatus.REJECTED, reason, message, null, row.sourceFile(), row.sourceRow());
    }

    public static PlanLine rejectedRow(String tenantId, DesiredUserRow row, String target, ReasonCode reason,
            String message) {
        return new PlanLine(tenantId, row.userPrincipalName(), null, target, LineStatus.REJECTED, reason, message,
                null, row.sourceFile(), row.sourceRow());
    }

    public ChangeKind kind() {
        return change == null ? null : change.kind();
    }
}
