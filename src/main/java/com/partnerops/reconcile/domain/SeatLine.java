package com.partnerops.reconcile.domain;

/** One line of the seat report: a customer's SKU before and after the plan, with what to buy or release. */
public record SeatLine(
        String tenantId,
        String sku,
        String productName,
        SubscriptionKind kind,
        String program,
        int purchased,
        int assignedBefore,
        int assignedAfter,
        int freeAfter,
        int seatsToBuy,
        String advice) {
}
