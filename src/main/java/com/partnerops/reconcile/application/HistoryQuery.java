package com.partnerops.reconcile.application;

/**
 * Which applied changes to show, newest first.
 *
 * @param customer a tenant id, domain or customer name; null for every customer
 * @param userPrincipalName null for every user
 * @param planId null for every plan
 * @param limit at most this many
 */
public record HistoryQuery(String customer, String userPrincipalName, String planId, int limit) {
}
