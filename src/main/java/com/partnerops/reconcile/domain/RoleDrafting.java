package com.partnerops.reconcile.domain;

import java.util.Optional;

/** Turns a {@code roles} cell into role changes; names that are no Entra built-in role are rejected. */
final class RoleDrafting {

    private RoleDrafting() {
    }

    /** @return how many removals additive mode held back */
    static int draft(UserDraft draft, String cell, RoleCatalog roleCatalog, boolean additive) {
        Optional<ListChange> spec = ListDiff.parse(draft, "roles", cell);
        if (spec.isEmpty()) {
            return 0;
        }
        ListDiff diff = ListDiff.of(spec.get(), draft.current.roles(), roleCatalog::canonical);
        if (!additive) {
            diff.removals().forEach(role -> draft.add(new Candidate(new PlannedChange.RemoveRole(role))));
        }
        for (String role : diff.unknownRemovals()) {
            draft.add(new Candidate(new PlannedChange.RemoveRole(role)))
                    .reject(ReasonCode.UNKNOWN_ROLE, Rejections.unknownRole(role));
        }
        diff.additions().forEach(role -> draft.add(new Candidate(new PlannedChange.AddRole(role))));
        for (String role : diff.unknownAdditions()) {
            draft.add(new Candidate(new PlannedChange.AddRole(role))).reject(ReasonCode.UNKNOWN_ROLE,
                    Rejections.unknownRole(role) + Rejections.othersKept(spec.get(), "roles"));
        }
        return additive ? diff.removals().size() : 0;
    }
}
