package com.partnerops.reconcile.domain;

import java.util.Optional;

/**
 * The third check: a license can only be assigned to a user with a usage location, already set or set (and itself
 * allowed) in the same row.
 */
final class UsageLocationCheck {

    private UsageLocationCheck() {
    }

    static void require(UserDraft draft) {
        if (!draft.current.attribute(UserAttribute.USAGE_LOCATION).isEmpty()) {
            return;
        }
        Optional<Candidate> setting = draft.candidates.stream().filter(c -> c.change instanceof
                PlannedChange.SetAttribute set && set.attribute() == UserAttribute.USAGE_LOCATION).findFirst();
        if (setting.isPresent() && setting.get().open()) {
            return;
        }
        String message = Rejections.usageLocationRequired(draft.current.userPrincipalName(), setting.orElse(null));
        for (Candidate candidate : draft.candidates) {
            if (candidate.open() && candidate.is(ChangeKind.ASSIGN_LICENSE)) {
                candidate.reject(ReasonCode.USAGE_LOCATION_REQUIRED, message);
            }
        }
    }
}
