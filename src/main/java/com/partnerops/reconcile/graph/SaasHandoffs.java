package com.partnerops.reconcile.graph;

import com.partnerops.reconcile.domain.ChangeKind;
import com.partnerops.reconcile.domain.ChangeOutcome;
import com.partnerops.reconcile.domain.PlannedChange;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Marketplace SaaS seats of a live tenant: license-based SaaS seats are assigned in the publisher's portal, not
 * through Graph, so apply sends nothing and lists them (the plan's saas-handoff.csv) for the admin to make there.
 * Recorded in the chunk's transaction, with the user's apply rows.
 */
final class SaasHandoffs {

    /** What Partner Center says of a SaaS subscription: its offer's name and publisher. */
    record Offer(String name, String publisher) {
    }

    private final JdbcTemplate jdbc;

    SaasHandoffs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static boolean isSaas(PlannedChange change) {
        return change.kind() == ChangeKind.ASSIGN_SAAS_SEAT || change.kind() == ChangeKind.REMOVE_SAAS_SEAT;
    }

    ChangeOutcome handOff(String planId, String tenantId, String upn, PlannedChange change, Offer offer) {
        String action = change.kind() == ChangeKind.ASSIGN_SAAS_SEAT ? "add" : "remove";
        jdbc.update("DELETE FROM saas_handoff WHERE plan_id = ? AND tenant_id = ? AND upn = ? AND offer_id = ?",
                planId, tenantId, upn, change.target());
        jdbc.update("INSERT INTO saas_handoff (plan_id, tenant_id, upn, offer_id, offer_name, publisher, action)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", planId, tenantId, upn, change.target(), offer.name(),
                offer.publisher(), action);
        return ChangeOutcome.handedOff("marketplace SaaS seats are assigned in the publisher's portal, not through"
                + " Graph: " + action + " this seat in " + offer.publisher() + "'s portal (listed in saas-handoff.csv);"
                + " nothing was sent to Graph");
    }
}
