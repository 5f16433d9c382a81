package com.partnerops.reconcile.application;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code plan} and {@code run} were asked to do.
 *
 * @param customers {@code --customer} values as given: tenant ids, domains or customer names
 * @param options the options as the admin gave them, for the report's first page
 */
public record PlanRequest(List<Path> files, String sheet, List<String> customers, boolean additive, String options) {

    public PlanRequest {
        files = List.copyOf(files);
        customers = List.copyOf(customers);
    }
}
