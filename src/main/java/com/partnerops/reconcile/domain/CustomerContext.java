package com.partnerops.reconcile.domain;

import java.util.List;
import java.util.Map;

/**
 * What the rules need to know about one customer besides its users.
 *
 * @param assignedSeats users holding each SKU now, counted from assignments (never from the portal's display)
 */
public record CustomerContext(
        Customer customer,
        List<Subscription> subscriptions,
        List<GdapRelationship> relationships,
        Map<String, Integer> assignedSeats) {

    public CustomerContext {
        subscriptions = List.copyOf(subscriptions);
        relationships = List.copyOf(relationships);
        assignedSeats = Map.copyOf(assignedSeats);
    }

    public List<Subscription> subscriptionsFor(String sku) {
        String key = Names.key(sku);
        return subscriptions.stream().filter(s -> Names.key(s.skuPartNumber()).equals(key)).toList();
    }
}
