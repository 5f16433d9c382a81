package com.partnerops.reconcile.domain;

/** Why a change was rejected (at plan time) or not applied (at apply time). */
public enum ReasonCode {
    UNKNOWN_CUSTOMER("The customer cell matches none of your CSP customers (tenant id, domain or name)."),
    CUSTOMER_NOT_IN_SCOPE("The customer is not among those your account may manage: leave the row out, or ask an"
            + " admin to add the customer to your account."),
    UNKNOWN_USER("No such user in the customer's tenant: create the user first, then plan again."),
    UNKNOWN_SKU("The customer has no subscription for this product, so it cannot be assigned or removed."),
    UNKNOWN_ROLE("The role name is not a known Microsoft Entra directory role."),
    MISSING_GDAP_ROLE("Your GDAP relationship with this customer lacks the admin role this change needs."),
    GDAP_INACTIVE("The GDAP relationship that grants the needed role has expired or is not active: renew it in"
            + " Partner Center."),
    NOT_ASSIGNABLE_ADDON("This product is a tenant-level add-on: it covers the whole tenant and is never assigned to"
            + " a user."),
    SOFTWARE_PURCHASE("This product is a software purchase (keys and downloads), never assigned to a user."),
    SUBSCRIPTION_INACTIVE("Every subscription for this product is suspended or expired."),
    USAGE_LOCATION_REQUIRED("Microsoft needs a usage location on the user before a license can be assigned."),
    INSUFFICIENT_SEATS("Not enough free seats: buy more (see the seats section) or free some up, then plan again."),
    DUPLICATE_USER("The user appears in several input rows that ask for different things; keep one row."),
    INVALID_VALUE("A cell holds a value that cannot be used as it is; the message says which and why."),
    REPLACEMENT_REJECTED("The row replaces licenses, and an addition was rejected: its removals are held back so the"
            + " user is not left without the license that was to replace them. Fix the addition, then plan again."),
    INHERITED_FROM_GROUP("The user holds this license through a group: it cannot be removed from the user directly."
            + " Remove the user from the group (or the license from the group), then plan again."),
    /**
     * The user changed after what the change relies on was read: between plan and apply, or (for a revert) since
     * the plan being reverted was applied.
     */
    STALE_USER("The user changed since the values this change relies on were read (between plan and apply, or"
            + " since the change a revert takes back), so it was not made: plan again.");

    private final String explanation;

    ReasonCode(String explanation) {
        this.explanation = explanation;
    }

    /** The reason in words a partner admin acts on; every report that shows the code shows this beside it. */
    public String explanation() {
        return explanation;
    }
}
