package com.partnerops.reconcile.domain;

/** The CSP licensing program a subscription was bought under; NCE limits when seats may be reduced. */
public enum Program {
    NCE,
    LEGACY
}
