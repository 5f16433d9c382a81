package com.partnerops.reconcile.domain;

import java.time.Instant;
import java.util.List;

/** A GDAP relationship and the Entra roles it grants the partner in one customer tenant. */
public record GdapRelationship(
        String tenantId, String relationshipId, String status, Instant endDateTime, List<String> roles) {

    public GdapRelationship {
        roles = List.copyOf(roles);
    }

    /** Past its end date a relationship grants nothing, whatever its status column still says. */
    public boolean isActiveAt(Instant now) {
        return "active".equalsIgnoreCase(status) && (endDateTime == null || endDateTime.isAfter(now));
    }

    public boolean holdsAnyOf(List<String> wanted) {
        return roles.stream().anyMatch(held -> wanted.stream().anyMatch(held::equalsIgnoreCase));
    }
}
