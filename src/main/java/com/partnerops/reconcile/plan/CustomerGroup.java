package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.state.CustomerStates.CustomerState;
import java.util.List;
import java.util.Optional;

/**
 * One customer's desired rows, in file order, with its current state as the store holds it.
 *
 * @param tenantIdOrEmpty a tenant id, or "" for the rows whose customer matched nothing
 * @param state empty when the store has no such customer; for a customer outside the submitter's scope its users
 *     are not read
 */
public record CustomerGroup(String tenantIdOrEmpty, List<StagedRow> rows, Optional<CustomerState> state) {

    public CustomerGroup {
        rows = List.copyOf(rows);
    }
}
