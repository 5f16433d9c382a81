package com.partnerops.reconcile.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a desired-state file, as the admin wrote it. List cells stay raw text: their meaning (exact list or
 * {@code +/-} delta) is a rule, decided by the planner.
 *
 * @param attributes only the non-blank attribute cells: a blank cell leaves the value as it is
 * @param roles empty when the file has no roles column; present and blank means "no roles"
 * @param readProblem why the row as read cannot be trusted (a value in a column without header, a row split on
 *     the wrong delimiter); null for a sound row. Such a row is rejected whole, never guessed at.
 */
public record DesiredUserRow(
        String sourceFile,
        int sourceRow,
        String customerRef,
        String userPrincipalName,
        Map<UserAttribute, String> attributes,
        Optional<String> roles,
        Optional<String> licenses,
        Optional<String> disabledPlans,
        String readProblem) {

    public DesiredUserRow {
        attributes = Map.copyOf(attributes);
    }

    /** Two rows for the same user are duplicates only if they ask for different things. */
    public boolean sameWishesAs(DesiredUserRow other) {
        return attributes.equals(other.attributes)
                && Objects.equals(roles, other.roles)
                && Objects.equals(licenses, other.licenses)
                && Objects.equals(disabledPlans, other.disabledPlans);
    }

    public String where() {
        return sourceFile + " row " + sourceRow;
    }
}
