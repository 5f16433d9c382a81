package com.partnerops.reconcile.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The last look before one user's reviewed changes are made: is the user still as reviewed, does GDAP still allow
 * every change, do the seats still fit? Per user all or nothing: one failing change holds back the user's others.
 *
 * <p>A user found partly or wholly in the planned state is not stale: an earlier apply was interrupted between the
 * directory's calls. If taking back exactly the changes in effect gives the user as reviewed, the guard lets the
 * rest through and marks those in effect, so nothing is made twice.
 */
public final class ApplyGuard {

    /** What apply does with one user's changes. */
    public sealed interface Decision {
    }

    /**
     * Make the changes not yet in effect; {@code relationshipIds} (one per change, same order) go to the audit log.
     *
     * @param inEffect indexes of the changes an earlier, interrupted apply made already: not to be sent again
     */
    public record Apply(List<String> relationshipIds, Set<Integer> inEffect) implements Decision {
        public Apply {
            relationshipIds = List.copyOf(relationshipIds);
            inEffect = Set.copyOf(inEffect);
        }

        public Apply(List<String> relationshipIds) {
            this(relationshipIds, Set.of());
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
        return decide(current, reviewedFingerprint, changes, null);
    }

    /**
     * @param asReviewed the user as the plan saw them, when known (named in a STALE message); null otherwise
     */
    public Decision decide(DirectoryUser current, String reviewedFingerprint, List<PlannedChange> changes,
            DirectoryUser asReviewed) {
        if (current == null) {
            return new HoldBack(LineStatus.STALE, ReasonCode.STALE_USER,
                    "the user no longer exists in the tenant; nothing was changed", -1);
        }
        Set<Integer> inEffect = current.fingerprint().equals(reviewedFingerprint) ? Set.of()
                : inEffectSinceReview(current, reviewedFingerprint, changes);
        if (inEffect == null) {
            DirectoryUser seen = asReviewed != null && asReviewed.fingerprint().equals(reviewedFingerprint)
                    ? asReviewed : null;
            return new HoldBack(LineStatus.STALE, ReasonCode.STALE_USER, "the user changed after the plan was"
                    + " reviewed (" + UserDrift.describe(seen, current, changes) + "); nothing was changed: plan"
                    + " again", -1);
        }
        List<String> relationshipIds = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            GdapAuthority.Verdict verdict = gdap.check(changes.get(i));
            if (inEffect.contains(i)) {
                // made already; the audit names the relationship that allows it now, if any still does
                relationshipIds.add(verdict.granted() ? verdict.relationshipId() : "unknown");
                continue;
            }
            if (!verdict.granted()) {
                return new HoldBack(LineStatus.FAILED, verdict.reason(), verdict.message(), i);
            }
            relationshipIds.add(verdict.relationshipId());
        }
        HoldBack seatProblem = takeSeats(changes, inEffect);
        return seatProblem != null ? seatProblem : new Apply(relationshipIds, inEffect);
    }

    /**
     * The indexes of the changes in effect, when taking back exactly those gives the user as reviewed; null when
     * the user changed in some other way.
     */
    private static Set<Integer> inEffectSinceReview(DirectoryUser current, String reviewedFingerprint,
            List<PlannedChange> changes) {
        Set<Integer> inEffect = new TreeSet<>();
        DirectoryUser asReviewed = current;
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (changes.get(i).inEffect(current)) {
                inEffect.add(i);
                asReviewed = changes.get(i).inverse().applyTo(asReviewed);
            }
        }
        return !inEffect.isEmpty() && asReviewed.fingerprint().equals(reviewedFingerprint) ? inEffect : null;
    }

    /**
     * After the directory has spoken: a change that was not made gives back what the guard took for it (a seat a
     * failed addition held, a seat a failed removal was counted as freeing), so later users see the seats as they
     * are.
     */
    public void settle(List<PlannedChange> sent, List<ChangeOutcome> outcomes) {
        for (int i = 0; i < sent.size(); i++) {
            if (outcomes.get(i).isApplied()) {
                continue;
            }
            if (sent.get(i).kind().takesSeat()) {
                seats.release(sent.get(i).target());
            } else if (sent.get(i).kind().freesSeat()) {
                seats.reclaim(sent.get(i).target());
            }
        }
    }

    /**
     * Releases first, as the plan did, so a user moving between SKUs can reuse a seat they free. Changes in effect
     * already are counted in the seats as they are now, so they neither take nor free one here.
     */
    private HoldBack takeSeats(List<PlannedChange> changes, Set<Integer> inEffect) {
        List<String> released = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (!inEffect.contains(i) && changes.get(i).kind().freesSeat()) {
                release(changes.get(i).target(), released);
            }
        }
        for (int i = 0; i < changes.size(); i++) {
            if (inEffect.contains(i) || !changes.get(i).kind().takesSeat()) {
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
