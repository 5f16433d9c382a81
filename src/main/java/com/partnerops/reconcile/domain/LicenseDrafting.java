package com.partnerops.reconcile.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a {@code licenses} cell into license and marketplace SaaS seat changes. What can never be assigned (a
 * tenant-level add-on, a software purchase, a SKU whose subscriptions are all inactive) is rejected here.
 */
final class LicenseDrafting {

    private LicenseDrafting() {
    }

    /** @return how many removals additive mode held back */
    static int draft(CustomerContext context, LicenseNames names, UserDraft draft, String cell, boolean additive) {
        Optional<ListChange> spec = ListDiff.parse(draft, "licenses", cell);
        if (spec.isEmpty()) {
            return 0;
        }
        Function<String, Optional<String>> resolveSku = name -> names.resolve(name) instanceof LicenseNames.Resolved
                resolved ? context.subscriptionsFor(resolved.skuPartNumber()).stream().findFirst()
                        .map(Subscription::skuPartNumber) : Optional.empty();
        ListDiff diff = ListDiff.of(spec.get(), draft.current.licenses(), resolveSku);
        if (!additive) {
            for (String sku : diff.removals()) {
                Candidate removal = draft.add(new Candidate(isSaas(context, sku)
                        ? new PlannedChange.RemoveSaasSeat(sku)
                        : new PlannedChange.RemoveLicense(sku, draft.current.disabledPlansOf(sku))));
                // Rejected here, before seats: a refused removal is never counted as a seat given back.
                draft.current.groupOf(sku).ifPresent(group -> removal.reject(ReasonCode.INHERITED_FROM_GROUP,
                        Rejections.inheritedFromGroup(sku, group)));
            }
        }
        for (String sku : diff.unknownRemovals()) {
            draft.add(new Candidate(new PlannedChange.RemoveLicense(sku))).reject(ReasonCode.UNKNOWN_SKU,
                    Rejections.licenseNotHeld(context, names, sku));
        }
        diff.additions().forEach(sku -> draftAssignment(context, draft, sku));
        for (String sku : diff.unknownAdditions()) {
            draft.add(new Candidate(new PlannedChange.AssignLicense(sku))).reject(ReasonCode.UNKNOWN_SKU,
                    Rejections.unknownLicense(context, names, sku) + Rejections.othersKept(spec.get(), "licenses"));
        }
        return additive ? diff.removals().size() : 0;
    }

    private static boolean isSaas(CustomerContext context, String sku) {
        List<Subscription> subscriptions = context.subscriptionsFor(sku);
        return !subscriptions.isEmpty() && subscriptions.stream().allMatch(s -> s.kind() == SubscriptionKind.SAAS);
    }

    /** One license or SaaS seat to assign, as the customer's subscriptions for it allow; the candidate drafted. */
    static Candidate draftAssignment(CustomerContext context, UserDraft draft, String sku) {
        List<Subscription> subscriptions = context.subscriptionsFor(sku);
        SubscriptionKind kind = subscriptions.stream().map(Subscription::kind)
                .filter(k -> k == SubscriptionKind.LICENSE || k == SubscriptionKind.SAAS).findFirst()
                .orElse(subscriptions.get(0).kind());
        String product = sku + " (" + subscriptions.get(0).productName() + ")";
        return switch (kind) {
            case ADDON -> draft.add(new Candidate(new PlannedChange.AssignLicense(sku)))
                    .reject(ReasonCode.NOT_ASSIGNABLE_ADDON, Rejections.tenantLevelAddon(product));
            case SOFTWARE -> draft.add(new Candidate(new PlannedChange.AssignLicense(sku)))
                    .reject(ReasonCode.SOFTWARE_PURCHASE, Rejections.softwarePurchase(product));
            case LICENSE, SAAS -> draftSeat(draft, sku, kind, product, subscriptions);
        };
    }

    private static Candidate draftSeat(UserDraft draft, String sku, SubscriptionKind kind, String product,
            List<Subscription> subscriptions) {
        Candidate candidate = draft.add(new Candidate(kind == SubscriptionKind.SAAS
                ? new PlannedChange.AssignSaasSeat(sku)
                : new PlannedChange.AssignLicense(sku)));
        List<Subscription> ofKind = subscriptions.stream().filter(s -> s.kind() == kind).toList();
        if (ofKind.stream().noneMatch(Subscription::seatsUsable)) {
            candidate.reject(ReasonCode.SUBSCRIPTION_INACTIVE, Rejections.subscriptionsInactive(product, ofKind));
        } else if (ofKind.stream().noneMatch(s -> s.status() == SubscriptionStatus.ACTIVE)) {
            candidate.note = Rejections.gracePeriodNote(sku);
        }
        return candidate;
    }
}
