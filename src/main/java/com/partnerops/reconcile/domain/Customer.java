package com.partnerops.reconcile.domain;

/** A CSP customer tenant. */
public record Customer(String tenantId, String domain, String name) {
}
