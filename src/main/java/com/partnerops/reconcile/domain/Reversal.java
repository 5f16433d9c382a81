package com.partnerops.reconcile.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The changes that take back what a plan applied to one user, in the order a plan makes them: attributes first (a
 * license needs its usage location), then roles, license removals (they free seats), assignments, disabled plans.
 */
final class Reversal {

    private static final List<ChangeKind> ORDER = List.of(ChangeKind.SET_ATTRIBUTE, ChangeKind.ADD_ROLE,
            ChangeKind.REMOVE_ROLE, ChangeKind.REMOVE_LICENSE, ChangeKind.REMOVE_SAAS_SEAT, ChangeKind.ASSIGN_LICENSE,
            ChangeKind.ASSIGN_SAAS_SEAT, ChangeKind.SET_DISABLED_PLANS);

    private Reversal() {
    }

    /** Adds the draft's candidates: one per change to take back, two for a license given back with plans off. */
    static void draft(CustomerContext context, LicenseNames names, UserDraft draft, List<PlannedChange> applied) {
        List<PlannedChange> ordered = new ArrayList<>(applied);
        ordered.sort(Comparator.comparingInt(change -> ORDER.indexOf(change.inverse().kind())));
        Set<String> removedAgain = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (PlannedChange change : ordered) {
            if (change instanceof PlannedChange.AssignLicense assign) {
                removedAgain.add(assign.sku());
                // the plans it has off now are the removal's before-value: a revert of this revert gives the
                // license back as it is now
                draft.add(new Candidate(new PlannedChange.RemoveLicense(assign.sku(),
                        draft.current.disabledPlansOf(assign.sku()))));
            } else if (change instanceof PlannedChange.AssignSaasSeat assign) {
                removedAgain.add(assign.sku());
                draft.add(new Candidate(assign.inverse()));
            } else if (change instanceof PlannedChange.RemoveLicense removal) {
                giveBack(context, names, draft, removal.sku(), removal.disabledPlans());
            } else if (change instanceof PlannedChange.RemoveSaasSeat removal) {
                giveBack(context, names, draft, removal.sku(), Set.of());
            } else if (change instanceof PlannedChange.SetDisabledPlans plans) {
                if (!removedAgain.contains(plans.sku())) { // the license goes, and its plans with it
                    draft.add(new Candidate(plans.inverse()));
                }
            } else {
                draft.add(new Candidate(change.inverse()));
            }
        }
    }

    /** A license the plan removed, assigned again as the customer's subscriptions now allow, with its plans off. */
    private static void giveBack(CustomerContext context, LicenseNames names, UserDraft draft, String sku,
            Set<String> disabledPlans) {
        if (context.subscriptionsFor(sku).isEmpty()) {
            draft.add(new Candidate(new PlannedChange.AssignLicense(sku))).reject(ReasonCode.UNKNOWN_SKU,
                    Rejections.unknownLicense(context, names, sku));
            return;
        }
        Candidate assignment = LicenseDrafting.draftAssignment(context, draft, sku);
        if (!disabledPlans.isEmpty()) {
            draft.add(new Candidate(new PlannedChange.SetDisabledPlans(sku, disabledPlans, Set.of()))).dependsOn =
                    assignment;
        }
    }
}
