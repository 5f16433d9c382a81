package com.partnerops.reconcile.account;

import java.util.List;

/**
 * A person who signs in to the web front end.
 *
 * @param customers the tenant ids this account may plan for and see; empty when {@code allCustomers}
 */
public record Account(String name, AccountRole role, boolean allCustomers, List<String> customers, boolean enabled) {

    public Account {
        customers = List.copyOf(customers);
    }

    public boolean mayTouch(String tenantId) {
        return allCustomers || customers.contains(tenantId);
    }

    /** The customers as a plan records its submitter's scope: empty for every customer. */
    public List<String> scope() {
        return allCustomers ? List.of() : customers;
    }
}
