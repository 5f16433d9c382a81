package com.partnerops.reconcile.account;

import java.util.Locale;
import java.util.Optional;

/**
 * What a web account may do. A technician plans and finishes plans for their customers; an approver also finishes
 * other people's plans (the second pair of eyes); an admin does all of that for every customer it is given.
 */
public enum AccountRole {
    TECHNICIAN,
    APPROVER,
    ADMIN;

    public static Optional<AccountRole> parse(String text) {
        for (AccountRole role : values()) {
            if (role.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** May finish a plan someone else submitted, when the four-eyes rule asks for a second person. */
    public boolean approves() {
        return this != TECHNICIAN;
    }
}
