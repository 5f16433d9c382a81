package com.partnerops.reconcile.domain;

/**
 * A user with at least one planned change, as apply needs it.
 *
 * @param fingerprint the user's {@link DirectoryUser#fingerprint()} when the plan was made
 * @param freesSeats the user gives up a license or SaaS seat; apply serves such users first so the seats they
 *     free are there for the users planned to take them
 * @param takesSeats the user is assigned a license or SaaS seat; among those who free seats, apply serves the
 *     ones who take none first, so a user swapping licenses finds the seats the others give back
 */
public record PlannedUser(String tenantId, String userPrincipalName, String fingerprint, boolean freesSeats,
        boolean takesSeats) {
}
