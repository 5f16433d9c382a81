package com.partnerops.reconcile.application;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code plan} and {@code run} were asked to do.
 *
 * @param customers {@code --customer} values as given: tenant ids, domains or customer names
 * @param options the options as the admin gave them, for the report's first page
 * @param submittedBy who asks: a web account; null at the command line, where the operator is who asks
 * @param scope the tenant ids the submitter may touch; empty for every customer
 */
public record PlanRequest(List<Path> files, String sheet, List<String> customers, boolean additive, String options,
        String submittedBy, List<String> scope) {

    public PlanRequest {
        files = List.copyOf(files);
        customers = List.copyOf(customers);
        scope = List.copyOf(scope);
    }

    /** A plan asked for at the command line: by the operator, for every customer. */
    public PlanRequest(List<Path> files, String sheet, List<String> customers, boolean additive, String options) {
        this(files, sheet, customers, additive, options, null, List.of());
    }
}
