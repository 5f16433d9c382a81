package com.partnerops.reconcile.domain;

/** What a purchased subscription is, which decides whether its seats can go to users at all. */
public enum SubscriptionKind {
    /** Assignable to users (Graph's {@code appliesTo = User}). */
    LICENSE,
    /** Tenant-level add-on (Graph's {@code appliesTo = Company}): extra storage, faculty add-ons; never assigned. */
    ADDON,
    /** Software purchase: keys and downloads, never assigned to users. */
    SOFTWARE,
    /** Commercial marketplace license-based SaaS: seats managed on their own path. */
    SAAS
}
