package com.partnerops.reconcile.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The last look before one user's reviewed changes are made: is the user still as reviewed, does GDAP still allow
 * every change, do the seats still fit? Per user all or nothing: one failing change holds back the user's others.
 */
public final class ApplyGuard {

    /** What apply does with one user's changes. */
    public sealed interface Decision {
    }

    /** Make the changes; {@code relationshipIds} (one per change, same order) go to the audit log. */
    public record Apply(List<String> relationshipIds) implements Decision {
        public Apply {
            relationshipIds = List.copyOf(relationshipIds);
        }
    }

    /**
     * Make none of them. {@code blocking} is the index of the change that failed, or -1 when the whole user is
     * stale.
     */
    public record HoldBack(LineStatus status, ReasonCode reason, String message, int blocking) implements Decision {
    }

    private final GdapAuthority gdap;
    private final SeatLedger seats;
    private final CustomerContext context;

    /**
     * @param seats the customer's seats as they are now; the guard takes and releases seats on it for the users it
     *     lets through, so one ledger serves all the users applied in one transaction
     */
    public ApplyGuard(CustomerContext context, GdapAuthority gdap, SeatLedger seats) {
        this.context = context;
        this.gdap = gdap;
        this.seats = seats;
    }

    /**
     * @param current the user as the directory holds it now; null when the user no longer exists
     * @param reviewedFingerprint the user's fingerprint when the plan was made
     */
    public Decision decide(DirectoryUser current, String reviewedFingerprint, List<PlannedChange> changes) {
        if (current == null) {
            return new HoldBack(LineStatus.STALE, ReasonCode.STALE_USER,
                    "the user no longer exists in the tenant; nothing was changed", -1);
        }
        if (!current.fingerprint().equals(reviewedFingerprint)) {
            return new HoldBack(LineStatus.STALE, ReasonCode.STALE_USER, "the user changed after the plan was"
                    + " reviewed (attributes, roles or licenses differ); nothing was changed: plan again", -1);
        }
        List<String> relationshipIds = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            GdapAuthority.Verdict verdict = gdap.check(changes.get(i));
            if (!verdict.granted()) {
                return new HoldBack(LineStatus.FAILED, verdict.reason(), verdict.message(), i);
            }
            relationshipIds.add(verdict.relationshipId());
        }
        HoldBack seatProblem = takeSeats(changes);
        return seatProblem != null ? seatProblem : new Apply(relationshipIds);
    }

    /** Releases first, as the plan did, so a user moving between SKUs can reuse a seat they free. */
    private HoldBack takeSeats(List<PlannedChange> changes) {
        List<String> released = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (PlannedChange change : changes) {
            if (change.kind().freesSeat()) {
                release(change.target(), released);
            }
        }
        for (int i = 0; i < changes.size(); i++) {
            if (!changes.get(i).kind().takesSeat()) {
                continue;
            }
            String sku = changes.get(i).target();
            if (context.subscriptionsFor(sku).isEmpty()) {
                undo(released, taken);
                return new HoldBack(LineStatus.FAILED, ReasonCode.UNKNOWN_SKU,
                        "the customer no longer has a subscription for " + sku, i);
            }
            if (!seats.take(sku)) {
                undo(released, taken);
                return new HoldBack(LineStatus.FAILED, ReasonCode.INSUFFICIENT_SEATS, "no free seat of " + sku
                        + " left at apply time (" + seats.purchased(sku) + " purchased, all assigned): buy "
                        + seats.shortfall(sku) + " more seat" + (seats.shortfall(sku) == 1 ? "" : "s")
                        + " or free one, then plan again", i);
            }
            taken.add(sku);
        }
        return null;
    }

    private void release(String sku, List<String> released) {
        if (seats.release(sku)) {
            released.add(sku);
        }
    }

    /** Leaves the ledger exactly as before this user, so the users after them see the seats as they really are. */
    private void undo(List<String> released, List<String> taken) {
        taken.forEach(seats::release);
        released.forEach(seats::reclaim);
    }
}
