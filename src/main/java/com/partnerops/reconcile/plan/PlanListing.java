package com.partnerops.reconcile.plan;

import java.time.Instant;

/** A plan as the list of plans shows it. */
public record PlanListing(String planId, Instant createdAt, String state, String submittedBy, String finishedBy,
        String options) {
}
