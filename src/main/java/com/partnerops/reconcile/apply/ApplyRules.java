package com.partnerops.reconcile.apply;

import java.time.Duration;

/**
 * What an apply insists on before it changes anything.
 *
 * @param maxPlanAge a reviewed plan older than this is refused: the tenants have moved on since
 * @param maxRemovals per customer: more license or role removals than this and nothing is applied (Entra Connect
 *     refuses an export deleting more than 500 objects for the same reason)
 * @param maxRemovalPercent per customer, of the licenses and roles its users hold now; null for no such limit
 * @param allowLargeRemovals the admin confirmed the removals are meant: the two limits above do not apply
 */
public record ApplyRules(Duration maxPlanAge, int maxRemovals, Integer maxRemovalPercent,
        boolean allowLargeRemovals) {

    /** The defaults of {@code reconcile.guard.*}, for callers without settings (tests). */
    public static ApplyRules defaults() {
        return new ApplyRules(Duration.ofHours(24), 500, null, false);
    }
}
