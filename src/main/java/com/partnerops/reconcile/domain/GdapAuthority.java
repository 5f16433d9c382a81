package com.partnerops.reconcile.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Answers "may the partner make this change in this customer right now, and through which relationship?". */
public final class GdapAuthority {

    /** Either the relationship that grants the change, or why none does. */
    public record Verdict(String relationshipId, ReasonCode reason, String message) {
        public boolean granted() {
            return reason == null;
        }
    }

    private final GdapPolicy policy;
    private final List<GdapRelationship> relationships;
    private final Instant now;

    public GdapAuthority(GdapPolicy policy, List<GdapRelationship> relationships, Instant now) {
        this.policy = policy;
        this.relationships = List.copyOf(relationships);
        this.now = now;
    }

    public Verdict check(PlannedChange change) {
        Permission permission = Permission.neededFor(change);
        List<String> allowing = policy.rolesAllowing(permission);
        Optional<GdapRelationship> active = relationships.stream()
                .filter(r -> r.isActiveAt(now) && r.holdsAnyOf(allowing))
                .findFirst();
        if (active.isPresent()) {
            return new Verdict(active.get().relationshipId(), null, null);
        }
        String needs = "needs one of the GDAP roles " + String.join(", ", allowing);
        Optional<GdapRelationship> lapsed = relationships.stream()
                .filter(r -> !r.isActiveAt(now) && r.holdsAnyOf(allowing))
                .findFirst();
        if (lapsed.isPresent()) {
            GdapRelationship r = lapsed.get();
            String state = r.endDateTime() != null && !r.endDateTime().isAfter(now)
                    ? "ended " + r.endDateTime()
                    : "is " + r.status();
            return new Verdict(null, ReasonCode.GDAP_INACTIVE, change.kind() + " " + needs
                    + "; relationship " + r.relationshipId() + " grants one but " + state
                    + ": renew the relationship in Partner Center");
        }
        String held = relationships.stream().filter(r -> r.isActiveAt(now))
                .flatMap(r -> r.roles().stream()).distinct().sorted().toList().toString();
        return new Verdict(null, ReasonCode.MISSING_GDAP_ROLE, change.kind() + " " + needs
                + (relationships.stream().anyMatch(r -> r.isActiveAt(now))
                        ? "; active relationships grant only " + held
                        : "; the partner has no active GDAP relationship with this customer"));
    }
}
