package com.partnerops.reconcile.report;

import java.util.Map;

/** One line per reason code, in words a partner admin acts on; every report that shows a reason code uses these. */
public final class ReasonExplanations {

    private static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("UNKNOWN_CUSTOMER", "The customer cell matches none of your CSP customers (tenant id, domain or name)."),
            Map.entry("UNKNOWN_USER", "No such user in the customer's tenant: create the user first, then plan again."),
            Map.entry("UNKNOWN_SKU", "The customer has no subscription for this product, so it cannot be assigned or removed."),
            Map.entry("UNKNOWN_ROLE", "The role name is not a known Microsoft Entra directory role."),
            Map.entry("MISSING_GDAP_ROLE", "Your GDAP relationship with this customer lacks the admin role this change needs."),
            Map.entry("GDAP_INACTIVE", "The GDAP relationship that grants the needed role has expired or is not active: renew it in Partner Center."),
            Map.entry("NOT_ASSIGNABLE_ADDON", "This product is a tenant-level add-on: it covers the whole tenant and is never assigned to a user."),
            Map.entry("SOFTWARE_PURCHASE", "This product is a software purchase (keys and downloads), never assigned to a user."),
            Map.entry("SUBSCRIPTION_INACTIVE", "Every subscription for this product is suspended or expired."),
            Map.entry("USAGE_LOCATION_REQUIRED", "Microsoft needs a usage location on the user before a license can be assigned."),
            Map.entry("INSUFFICIENT_SEATS", "Not enough free seats: buy more (see the seats section) or free some up, then plan again."),
            Map.entry("DUPLICATE_USER", "The user appears in several input rows that ask for different things; keep one row."),
            Map.entry("INVALID_VALUE", "A cell holds a value that cannot be used as it is; the message says which and why."),
            Map.entry("STALE_USER", "The user changed between plan and apply, so the reviewed change was not made: plan again."));

    private ReasonExplanations() {
    }

    /** The explanation of {@code code}, or an empty string for a code this version does not know. */
    public static String explain(String code) {
        return code == null ? "" : BY_CODE.getOrDefault(code, "");
    }
}
