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

    /** Unused NCE seats may be reduced with a refund for this many days after the seats were added. */
    public static final int NCE_REDUCE_WINDOW_DAYS = 7;

    public boolean seatsUsable() {
        return status.seatsUsable();
    }

    /**
     * The last day an NCE subscription's seats may still be reduced before renewal ({@value #NCE_REDUCE_WINDOW_DAYS}
     * days after its commitment started), or null for a legacy subscription (any time) or an unknown start.
     */
    public LocalDate reduceWindowEnd() {
        return program == Program.NCE && commitmentStart != null
                ? commitmentStart.plusDays(NCE_REDUCE_WINDOW_DAYS) : null;
    }
}
