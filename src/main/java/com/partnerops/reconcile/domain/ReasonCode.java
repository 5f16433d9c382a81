package com.partnerops.reconcile.domain;

/** Why a change was rejected (at plan time) or not applied (at apply time). */
public enum ReasonCode {
    UNKNOWN_CUSTOMER,
    UNKNOWN_USER,
    UNKNOWN_SKU,
    UNKNOWN_ROLE,
    MISSING_GDAP_ROLE,
    GDAP_INACTIVE,
    NOT_ASSIGNABLE_ADDON,
    SOFTWARE_PURCHASE,
    SUBSCRIPTION_INACTIVE,
    USAGE_LOCATION_REQUIRED,
    INSUFFICIENT_SEATS,
    DUPLICATE_USER,
    INVALID_VALUE,
    /** Apply time only: the user changed between plan and apply, so the reviewed diff no longer holds. */
    STALE_USER
}
