package com.partnerops.reconcile.domain;

import java.time.LocalDate;

/**
 * One purchased subscription. {@code assignedDisplay} is what the portal showed and is kept for the report only:
 * for NCE it may read "Unavailable", so seat math always counts the users' assignments instead. {@code refundable}
 * is Partner Center's own word on the seats that can still be reduced with a refund; null when the source does not
 * say (a snapshot without those columns), and the seven-day window is then counted from the commitment start.
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
        String assignedDisplay,
        Refundable refundable) {

    /** Unused NCE seats may be reduced with a refund for this many days after the seats were added. */
    public static final int NCE_REDUCE_WINDOW_DAYS = 7;

    /**
     * Partner Center's {@code refundableQuantity}: this many seats can be reduced with a refund until {@code until}
     * (the earliest of its return windows, so the advice never promises a day too many).
     */
    public record Refundable(int seats, LocalDate until) {
    }

    /** A subscription whose source does not say what is refundable. */
    public Subscription(String tenantId, String subscriptionId, String skuPartNumber, String productName,
            SubscriptionKind kind, Program program, int quantity, SubscriptionStatus status,
            LocalDate commitmentStart, LocalDate termEnd, String assignedDisplay) {
        this(tenantId, subscriptionId, skuPartNumber, productName, kind, program, quantity, status, commitmentStart,
                termEnd, assignedDisplay, null);
    }

    public boolean seatsUsable() {
        return status.seatsUsable();
    }

    /**
     * The last day an NCE subscription's seats may still be reduced before renewal: Partner Center's refundable
     * window when it said one, else {@value #NCE_REDUCE_WINDOW_DAYS} days after its commitment started; null for a
     * legacy subscription (any time), an unknown start, or nothing refundable.
     */
    public LocalDate reduceWindowEnd() {
        if (program != Program.NCE) {
            return null;
        }
        if (refundable != null) {
            return refundable.seats() > 0 ? refundable.until() : null;
        }
        return commitmentStart == null ? null : commitmentStart.plusDays(NCE_REDUCE_WINDOW_DAYS);
    }

    /** How many of an NCE subscription's seats can be reduced with a refund on {@code today}. */
    public int reducibleSeats(LocalDate today) {
        LocalDate end = reduceWindowEnd();
        if (end == null || today.isAfter(end)) {
            return 0;
        }
        return refundable == null ? quantity : Math.min(quantity, refundable.seats());
    }

    /** Where the reduce window comes from, for the advice's words. */
    public String reduceWindowSource() {
        return refundable != null ? "Partner Center's refundable quantity"
                : "seven days after its seats were added";
    }
}
