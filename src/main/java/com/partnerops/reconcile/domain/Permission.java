package com.partnerops.reconcile.domain;

/** What a change needs the partner to be allowed to do; {@link GdapPolicy} says which GDAP roles allow it. */
public enum Permission {
    MANAGE_LICENSES,
    SET_USAGE_LOCATION,
    SET_USER_ATTRIBUTES,
    MANAGE_ADMIN_ROLES;

    public static Permission neededFor(PlannedChange change) {
        return switch (change.kind()) {
            case SET_ATTRIBUTE -> ((PlannedChange.SetAttribute) change).attribute() == UserAttribute.USAGE_LOCATION
                    ? SET_USAGE_LOCATION
                    : SET_USER_ATTRIBUTES;
            case ADD_ROLE, REMOVE_ROLE -> MANAGE_ADMIN_ROLES;
            case ASSIGN_LICENSE, REMOVE_LICENSE, SET_DISABLED_PLANS, ASSIGN_SAAS_SEAT, REMOVE_SAAS_SEAT ->
                    MANAGE_LICENSES;
        };
    }
}
