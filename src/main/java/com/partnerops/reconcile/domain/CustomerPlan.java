package com.partnerops.reconcile.domain;

import java.util.List;

/**
 * The planner's answer for one customer.
 *
 * @param heldBack removals the desired state asked for but {@code --additive} kept out of the plan
 */
public record CustomerPlan(
        String tenantId, List<PlanLine> lines, List<SeatLine> seats, List<PlannedUser> users, int heldBack) {

    public CustomerPlan {
        lines = List.copyOf(lines);
        seats = List.copyOf(seats);
        users = List.copyOf(users);
    }
}
