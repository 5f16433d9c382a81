package com.partnerops.reconcile.domain;

/** Status of a plan or apply row; plans hold PLANNED and REJECTED, apply reports the others. */
public enum LineStatus {
    PLANNED,
    REJECTED,
    APPLIED,
    STALE,
    FAILED,
    /** Apply: not sent, because an earlier change of the same user failed at the directory. */
    SKIPPED,
    /**
     * Apply: a marketplace SaaS seat of a live tenant, made in the publisher's portal, not through Graph: listed in
     * saas-handoff.csv for the admin to make there.
     */
    HANDED_OFF
}
