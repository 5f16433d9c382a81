package com.partnerops.reconcile.apply;

/** A user of a plan whose changes have not been applied (or held back) yet. */
public record PendingUser(String tenantId, String upnKey, String userPrincipalName, String fingerprint) {
}
