package com.partnerops.reconcile.domain;

/** Status of a plan or apply row; plans hold PLANNED and REJECTED, apply reports the other four. */
public enum LineStatus {
    PLANNED,
    REJECTED,
    APPLIED,
    STALE,
    FAILED,
    /** Apply: not sent, because an earlier change of the same user failed at the directory. */
    SKIPPED
}
