package com.partnerops.reconcile.application;

import java.util.List;

/**
 * What {@code revert} was asked to take back.
 *
 * @param planId the applied plan
 * @param customers tenant ids, domains or customer names; empty for every customer the plan changed
 * @param users UPNs; empty for every user the plan changed
 * @param options the options as the admin gave them, for the report's first page
 * @param submittedBy who asks: a web account; null at the command line, where the operator is who asks
 */
public record RevertRequest(String planId, List<String> customers, List<String> users, String options,
        String submittedBy) {

    public RevertRequest {
        customers = List.copyOf(customers);
        users = List.copyOf(users);
    }
}
