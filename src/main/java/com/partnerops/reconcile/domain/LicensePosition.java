package com.partnerops.reconcile.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One customer's SKU as the license report sees it: its subscriptions, how many users hold it, what the latest
 * plan advised buying, and its seat counts at earlier imports.
 *
 * @param subscriptions the customer's subscriptions of the SKU; empty when users hold a SKU the customer has no
 *     subscription for (the catalog named it)
 * @param assigned users holding the SKU (never the portal's assignedDisplay, which may read "Unavailable")
 * @param seatsToBuyByPlan the latest plan's "seats to buy" for the SKU; 0 without one
 * @param previous the seat counts at the customer's previous import; null when there was none
 * @param monthAgo the seat counts at the customer's latest import at least 30 days old; null when there was none
 */
public record LicensePosition(String tenantId, String customerName, String sku, List<Subscription> subscriptions,
        int assigned, int seatsToBuyByPlan, SeatCounts previous, SeatCounts monthAgo) {

    public LicensePosition {
        subscriptions = List.copyOf(subscriptions);
    }

    /** The product name the customer's subscriptions give; null when none does. */
    public String productName() {
        return subscriptions.stream().map(Subscription::productName).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** null when the customer has no subscription of the SKU. */
    public SubscriptionKind kind() {
        return subscriptions.isEmpty() ? null : subscriptions.get(0).kind();
    }

    /** NCE when any subscription of the SKU is; null without subscriptions. */
    public Program program() {
        if (subscriptions.isEmpty()) {
            return null;
        }
        return subscriptions.stream().anyMatch(s -> s.program() == Program.NCE) ? Program.NCE : Program.LEGACY;
    }

    /**
     * One status for the SKU: grace period first (seats still work but will stop), then active, suspended, expired;
     * null without subscriptions.
     */
    public SubscriptionStatus status() {
        for (SubscriptionStatus status : List.of(SubscriptionStatus.WARNING, SubscriptionStatus.ACTIVE,
                SubscriptionStatus.SUSPENDED, SubscriptionStatus.EXPIRED)) {
            if (has(status)) {
                return status;
            }
        }
        return null;
    }

    public boolean has(SubscriptionStatus status) {
        return subscriptions.stream().anyMatch(s -> s.status() == status);
    }

    /** Seats of usable (active or grace-period) subscriptions, as the planner counts them. */
    public int purchased() {
        return subscriptions.stream().filter(Subscription::seatsUsable).mapToInt(Subscription::quantity).sum();
    }

    /** Seats go to users: licenses and marketplace SaaS, or a SKU users hold without a subscription. */
    public boolean seatsAssignable() {
        SubscriptionKind kind = kind();
        return kind == null || kind == SubscriptionKind.LICENSE || kind == SubscriptionKind.SAAS;
    }

    /** Usable seats nobody holds; 0 when over-assigned or when the seats are not assignable at all. */
    public int free() {
        return seatsAssignable() ? Math.max(0, purchased() - assigned) : 0;
    }

    /** Users holding the SKU beyond its usable seats. */
    public int overAssigned() {
        return seatsAssignable() ? Math.max(0, assigned - purchased()) : 0;
    }

    /** The next renewal: the earliest term end among usable subscriptions, else among all; null when unknown. */
    public LocalDate termEnd() {
        Comparator<LocalDate> order = Comparator.naturalOrder();
        LocalDate usable = subscriptions.stream().filter(Subscription::seatsUsable).map(Subscription::termEnd)
                .filter(Objects::nonNull).min(order).orElse(null);
        return usable != null ? usable : subscriptions.stream().map(Subscription::termEnd).filter(Objects::nonNull)
                .min(order).orElse(null);
    }

    public SeatCounts seats() {
        return new SeatCounts(purchased(), assigned);
    }
}
