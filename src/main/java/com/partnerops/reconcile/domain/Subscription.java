package com.partnerops.reconcile.domain;

import java.time.LocalDate;

/**
 * One purchased subscription. {@code assignedDisplay} is what the portal showed and is kept for the report only:
 * for NCE it may read "Unavailable", so seat math always counts the users' assignments instead.
 */
public record Subscription(
        String tenantId,
        String subscriptionId,
        String skuPartNumber,
        String productName,
        SubscriptionKind kind,
        Program program,
        int quantity,
        SubscriptionStatus status,
        LocalDate commitmentStart,
        LocalDate termEnd,
        String assignedDisplay) {

    public boolean seatsUsable() {
        return status.seatsUsable();
    }
}
