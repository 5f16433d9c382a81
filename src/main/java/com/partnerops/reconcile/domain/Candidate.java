package com.partnerops.reconcile.domain;

/**
 * A decision in the making: a change (or, with a null change, a problem with a whole cell or row), open until a
 * check rejects it. The first check that rejects it names the reason; later checks leave it alone.
 */
final class Candidate {

    final PlannedChange change;
    final String target;
    ReasonCode reason;
    String message;
    String relationshipId;
    String note;
    /** A change this one cannot do without (disabled plans need their license; a removal its replacement). */
    Candidate dependsOn;

    Candidate(PlannedChange change) {
        this.change = change;
        this.target = change.target();
    }

    Candidate(String target, ReasonCode reason, String message) {
        this.change = null;
        this.target = target;
        this.reason = reason;
        this.message = message;
    }

    boolean open() {
        return reason == null;
    }

    /** An open change, as opposed to a rejected one or a problem with a cell. */
    boolean openChange() {
        return open() && change != null;
    }

    boolean is(ChangeKind kind) {
        return change != null && change.kind() == kind;
    }

    Candidate reject(ReasonCode why, String text) {
        if (reason == null) {
            reason = why;
            message = text;
        }
        return this;
    }

    /** Takes back a seat rejection, for the next round of {@link SeatAllocation}. */
    void reopen() {
        reason = null;
        message = null;
    }
}
