package com.partnerops.reconcile.domain;

/** Status of a plan or apply row; plans hold PLANNED and REJECTED, apply reports the other three. */
public enum LineStatus {
    PLANNED,
    REJECTED,
    APPLIED,
    STALE,
    FAILED
}
