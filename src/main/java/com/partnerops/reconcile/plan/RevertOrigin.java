package com.partnerops.reconcile.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Where a plan made by {@code revert} comes from: the applied plan it takes back, and when and by whom that plan
 * was applied, as its audit rows say (an apply that was resumed ran more than once, maybe by someone else).
 *
 * @param users the UPNs the revert was limited to; empty for every user the plan changed
 */
public record RevertOrigin(String revertedPlanId, List<String> users, Instant firstAppliedAt, Instant lastAppliedAt,
        List<String> appliedBy) {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public RevertOrigin {
        users = List.copyOf(users);
        appliedBy = List.copyOf(appliedBy);
    }

    /** "revert of PLAN_ID, applied on DATE by WHO": what the review says first. */
    public String statement() {
        String first = MINUTE.format(firstAppliedAt);
        String last = MINUTE.format(lastAppliedAt);
        String when = first.equals(last) ? first : first + " to " + last;
        return "revert of " + revertedPlanId + ", applied on " + when + " UTC by " + String.join(", ", appliedBy);
    }
}
