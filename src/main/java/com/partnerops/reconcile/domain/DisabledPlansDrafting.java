package com.partnerops.reconcile.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a {@code disabledPlans} cell into changes of the service plans switched off per license. Drafted after the
 * other checks, since it depends on which licenses the user will hold; a change for a license being assigned in
 * the same row depends on that assignment.
 */
final class DisabledPlansDrafting {

    private DisabledPlansDrafting() {
    }

    static void draft(CustomerContext context, LicenseNames names, ProductCatalog catalog, GdapAuthority gdap,
            UserDraft draft, String cell) {
        Map<String, Set<String>> wanted = new TreeMap<>();
        for (String entry : cell.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                draft.add(new Candidate("disabledPlans", ReasonCode.INVALID_VALUE,
                        Rejections.notSkuColonPlan(entry.strip())));
                return;
            }
            String sku = names.resolve(entry.substring(0, colon)) instanceof LicenseNames.Resolved resolved
                    ? resolved.skuPartNumber() : entry.substring(0, colon).strip();
            wanted.computeIfAbsent(Names.key(sku), k -> new TreeSet<>())
                    .add(catalog.servicePlanName(sku, entry.substring(colon + 1).strip()));
        }
        Map<String, String> finalLicenses = new LinkedHashMap<>();
        Map<String, Candidate> assignments = new LinkedHashMap<>();
        draft.current.licenses().forEach(sku -> finalLicenses.put(Names.key(sku), sku));
        for (Candidate candidate : draft.candidates) {
            if (candidate.openChange()) {
                switch (candidate.change.kind()) {
                    case REMOVE_LICENSE -> finalLicenses.remove(Names.key(candidate.target));
                    case ASSIGN_LICENSE -> {
                        finalLicenses.put(Names.key(candidate.target), candidate.target);
                        assignments.put(Names.key(candidate.target), candidate);
                    }
                    default -> { }
                }
            }
        }
        wanted.forEach((key, plans) -> {
            if (!finalLicenses.containsKey(key)) {
                String sku = context.subscriptionsFor(key).stream().findFirst().map(Subscription::skuPartNumber)
                        .orElse(key);
                draft.add(new Candidate(new PlannedChange.SetDisabledPlans(sku, plans, Set.of())))
                        .reject(ReasonCode.INVALID_VALUE, Rejections.disabledPlansOfLicenseNotHeld(sku));
            }
        });
        finalLicenses.forEach((key, sku) -> {
            boolean saas = context.subscriptionsFor(sku).stream().anyMatch(s -> s.kind() == SubscriptionKind.SAAS);
            Set<String> off = wanted.getOrDefault(key, Set.of());
            Set<String> before = draft.current.disabledPlansOf(sku);
            if (saas || new TreeSet<>(off).equals(new TreeSet<>(before))) {
                return;
            }
            Candidate candidate = draft.add(new Candidate(new PlannedChange.SetDisabledPlans(sku, off, before)));
            candidate.dependsOn = assignments.get(key);
            GdapCheck.authorize(candidate, gdap);
        });
    }
}
