package com.partnerops.reconcile.plan;

import java.time.Instant;
import java.util.List;

/**
 * A plan as stored: where it came from and how far it got. The plan's rows live beside it in the store.
 *
 * @param customers tenant ids the plan is limited to ({@code --customer}); empty for all
 * @param rowsOutOfScope rows read but left out: their customer is not among {@code customers}
 * @param rowsDigest {@link PlanDigest#ofPlannedRows} when the review was written; null before
 * @param reviewDigest {@link PlanDigest#ofFile} of plan.csv as written; null before
 * @param warnings what the admin should know about the inputs although nothing stopped the plan
 * @param state PLANNING, PLANNED, APPLYING, APPLIED or FAILED
 * @param submittedBy the web account or operating-system user that made the plan; null for older plans
 * @param scope the tenant ids the submitter may touch, rows for any other customer are rejected; empty for every
 *     customer
 */
public record PlanRecord(
        String planId,
        Instant createdAt,
        List<String> inputs,
        String options,
        String sheet,
        List<String> customers,
        boolean additive,
        String state,
        long rowsRead,
        long rowsOutOfScope,
        String rowsDigest,
        String reviewDigest,
        List<String> warnings,
        String submittedBy,
        List<String> scope) {

    public static final String PLANNING = "PLANNING";
    public static final String PLANNED = "PLANNED";
    public static final String APPLYING = "APPLYING";
    public static final String APPLIED = "APPLIED";
    public static final String FAILED = "FAILED";

    public PlanRecord {
        inputs = List.copyOf(inputs);
        customers = List.copyOf(customers);
        warnings = List.copyOf(warnings);
        scope = List.copyOf(scope);
    }

    /** A plan made from the command line or by an account that may touch every customer. */
    public boolean inScope(String tenantId) {
        return scope.isEmpty() || scope.contains(tenantId);
    }
}
