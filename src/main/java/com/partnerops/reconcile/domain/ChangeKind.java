package com.partnerops.reconcile.domain;

/** The rows a plan can hold, named as the report's {@code change} column shows them. */
public enum ChangeKind {
    SET_ATTRIBUTE,
    ADD_ROLE,
    REMOVE_ROLE,
    ASSIGN_LICENSE,
    REMOVE_LICENSE,
    SET_DISABLED_PLANS,
    ASSIGN_SAAS_SEAT,
    REMOVE_SAAS_SEAT;

    /** Removals are what the blast-radius guard counts and what {@code --additive} holds back. */
    public boolean isRemoval() {
        return this == REMOVE_ROLE || this == REMOVE_LICENSE || this == REMOVE_SAAS_SEAT;
    }

    /** Takes a seat of the SKU named by the change's target (a license or a marketplace SaaS seat). */
    public boolean takesSeat() {
        return this == ASSIGN_LICENSE || this == ASSIGN_SAAS_SEAT;
    }

    /** Gives back a seat of the SKU named by the change's target. */
    public boolean freesSeat() {
        return this == REMOVE_LICENSE || this == REMOVE_SAAS_SEAT;
    }
}
