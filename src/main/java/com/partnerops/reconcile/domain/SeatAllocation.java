package com.partnerops.reconcile.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last check: seats. Removals first, so a seat freed in this run can be reused in this run; then additions in
 * file order. A row whose license addition is rejected keeps the licenses it would have removed (the transition
 * rule), and a removal held back frees no seat: the additions that counted on it are decided again, on a fresh
 * ledger, until nothing changes. Each round only holds back more removals, so the rounds end.
 */
final class SeatAllocation {

    private SeatAllocation() {
    }

    /** @return the ledger of the last round, which the report's seat lines come from */
    static SeatLedger serve(List<UserDraft> drafts, CustomerContext context) {
        while (true) {
            SeatLedger ledger = new SeatLedger(context);
            List<Candidate> shortOfSeats = allocate(drafts, ledger);
            if (!holdBackReplacedLicenses(drafts)) {
                shortOfSeats.forEach(c -> c.message = Rejections.noFreeSeat(c.target, ledger));
                explainHeldBackRemovals(drafts);
                return ledger;
            }
            shortOfSeats.forEach(Candidate::reopen);
        }
    }

    private static List<Candidate> allocate(List<UserDraft> drafts, SeatLedger ledger) {
        for (UserDraft draft : drafts) {
            for (Candidate c : draft.candidates) {
                if (c.open() && c.change.kind().freesSeat()) {
                    ledger.release(c.target);
                }
            }
        }
        List<Candidate> shortOfSeats = new ArrayList<>();
        for (UserDraft draft : drafts) {
            for (Candidate c : draft.candidates) {
                if (c.open() && c.change.kind().takesSeat() && !ledger.take(c.target)) {
                    shortOfSeats.add(c.reject(ReasonCode.INSUFFICIENT_SEATS, null));
                }
            }
        }
        return shortOfSeats;
    }

    /** The transition rule; true when it held back a removal that was still open. */
    private static boolean holdBackReplacedLicenses(List<UserDraft> drafts) {
        boolean changed = false;
        for (UserDraft draft : drafts) {
            Optional<Candidate> rejectedAddition = draft.candidates.stream()
                    .filter(c -> !c.open() && c.change != null && c.change.kind().takesSeat()).findFirst();
            if (rejectedAddition.isEmpty()) {
                continue;
            }
            for (Candidate c : draft.candidates) {
                if (c.open() && c.change.kind().freesSeat()) {
                    c.reject(ReasonCode.REPLACEMENT_REJECTED, null);
                    c.dependsOn = rejectedAddition.get();
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Worded once the additions' own messages are final, since the removal's message quotes its addition's. */
    private static void explainHeldBackRemovals(List<UserDraft> drafts) {
        for (UserDraft draft : drafts) {
            for (Candidate c : draft.candidates) {
                if (c.reason == ReasonCode.REPLACEMENT_REJECTED && c.message == null) {
                    c.message = Rejections.replacementRejected(c, c.dependsOn);
                }
            }
        }
    }
}
