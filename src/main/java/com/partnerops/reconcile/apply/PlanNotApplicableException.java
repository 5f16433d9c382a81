package com.partnerops.reconcile.apply;

/** Why {@code apply} will not touch a plan, said so the admin knows what to do instead. Nothing was applied. */
public class PlanNotApplicableException extends RuntimeException {

    private final boolean alreadyApplied;

    public PlanNotApplicableException(String message, boolean alreadyApplied) {
        super(message);
        this.alreadyApplied = alreadyApplied;
    }

    /** The plan was applied before: not an error, there is simply nothing left to do. */
    public boolean alreadyApplied() {
        return alreadyApplied;
    }
}
