package com.partnerops.reconcile.domain;

import java.util.Locale;

public enum SubscriptionStatus {
    ACTIVE,
    /** Grace period: the seats still work, but the admin should know. */
    WARNING,
    SUSPENDED,
    EXPIRED;

    public boolean seatsUsable() {
        return this == ACTIVE || this == WARNING;
    }

    public static SubscriptionStatus parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
