package com.partnerops.reconcile.graph;

import com.partnerops.reconcile.domain.Customer;
import java.util.List;

/**
 * What a live read did: rows stored per kind for the customers it refreshed, and the customers it could not
 * read, each with the reason; those kept their previous state.
 */
public record GraphImportOutcome(List<String> rowsPerKind, List<NotRefreshed> notRefreshed) {

    public record NotRefreshed(Customer customer, String reason) {
    }
}
