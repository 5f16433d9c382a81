package com.partnerops.reconcile.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which license facts are worth acting on now. Alerts fire only when something can still be done: unused NCE seats
 * inside their reduce window or close to renewal, users about to lose a license, users without a seat, seats the
 * latest plan found missing. Unused seats outside those windows cost money but cannot be given back yet, so they
 * are reported, not alarmed; so are a few unused seats on a monthly term, which renews (and can shrink) every month.
 */
public final class LicenseRules {

    /** A term this short is monthly: snapshots carry no term length, so the dates tell. */
    static final int MONTHLY_TERM_MAX_DAYS = 31;
    /** "A few" unused seats on a monthly term: at most this many, or at most a tenth of the seats. */
    static final int FEW_SEATS = 2;

    private final LocalDate today;
    private final int renewalDays;

    /** @param renewalDays unused seats are an action this many days before the term ends (the report's renewal window) */
    public LicenseRules(LocalDate today, int renewalDays) {
        this.today = today;
        this.renewalDays = renewalDays;
    }

    public LicenseAssessment assess(LicensePosition position) {
        List<LicenseAction> actions = new ArrayList<>();
        if (!position.seatsAssignable()) {
            return new LicenseAssessment(position, 0, null, actions);
        }
        boolean reactivate = renew(position, actions);
        int missing = reactivate ? 0 : position.overAssigned();
        int toBuy = Math.max(missing, position.seatsToBuyByPlan());
        if (toBuy > 0) {
            actions.add(new LicenseAction(LicenseAction.Kind.BUY, toBuy, null, missing >= position.seatsToBuyByPlan()
                    ? position.assigned() + " users hold " + position.purchased() + " usable seats"
                    : "the latest plan needs " + toBuy + " more seats than are free"));
        }
        return reduce(position, actions);
    }

    /** @return true when users hold the SKU beyond its usable seats because a subscription is suspended */
    private boolean renew(LicensePosition position, List<LicenseAction> actions) {
        if (position.has(SubscriptionStatus.WARNING) && position.assigned() > 0) {
            actions.add(new LicenseAction(LicenseAction.Kind.RENEW, position.assigned(), null,
                    "in grace period: the license stops for " + users(position.assigned()) + " when it ends"));
            return false;
        }
        if (position.has(SubscriptionStatus.SUSPENDED) && position.overAssigned() > 0) {
            actions.add(new LicenseAction(LicenseAction.Kind.RENEW, position.overAssigned(), null,
                    "suspended: " + users(position.overAssigned()) + " without a usable seat"));
            return true;
        }
        return false;
    }

    private LicenseAssessment reduce(LicensePosition position, List<LicenseAction> actions) {
        int free = position.free();
        if (free == 0) {
            return new LicenseAssessment(position, 0, null, actions);
        }
        // Seats still in a refund window can be given back now, at most as many as Partner Center says are
        // refundable (or, without its word, as many as the subscriptions added in the last seven days hold).
        int inWindow = 0;
        LocalDate windowEnd = null;
        for (Subscription s : position.subscriptions()) {
            LocalDate end = s.reduceWindowEnd();
            if (s.seatsUsable() && s.reducibleSeats(today) > 0) {
                inWindow += s.reducibleSeats(today);
                windowEnd = windowEnd == null || end.isBefore(windowEnd) ? end : windowEnd;
            }
        }
        boolean few = monthlyTerm(position) && (free <= FEW_SEATS || free * 10 <= position.purchased());
        if (inWindow > 0) {
            int seats = Math.min(free, inWindow);
            if (!few) {
                actions.add(new LicenseAction(LicenseAction.Kind.REDUCE, seats, windowEnd,
                        "unused NCE seats inside their refund window"));
            }
            return new LicenseAssessment(position, seats, windowEnd, actions);
        }
        LocalDate termEnd = position.termEnd();
        boolean legacy = position.program() == Program.LEGACY;
        if (termEnd == null || termEnd.isBefore(today)) {
            return new LicenseAssessment(position, legacy ? free : 0, null, actions);
        }
        if (!few && !termEnd.isAfter(today.plusDays(renewalDays))) {
            actions.add(new LicenseAction(LicenseAction.Kind.REDUCE, free, termEnd,
                    "unused seats renew on " + termEnd + " unless reduced"));
        }
        return new LicenseAssessment(position, free, legacy ? null : termEnd, actions);
    }

    private static boolean monthlyTerm(LicensePosition position) {
        return position.subscriptions().stream().filter(Subscription::seatsUsable)
                .anyMatch(s -> s.commitmentStart() != null && s.termEnd() != null
                        && !s.termEnd().isAfter(s.commitmentStart().plusDays(MONTHLY_TERM_MAX_DAYS)));
    }

    private static String users(int count) {
        return count + (count == 1 ? " user" : " users");
    }
}
