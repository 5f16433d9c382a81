package com.partnerops.reconcile.graph;

import com.partnerops.reconcile.ReconcileSettings;
import java.util.ArrayList;
import java.util.List;

/** What a live read or sign-in cannot do without; the message names the settings, never their values. */
final class LiveSettings {

    private LiveSettings() {
    }

    static void require(ReconcileSettings.Graph graph) {
        List<String> missing = new ArrayList<>();
        if (graph.partnerTenantId().isBlank()) {
            missing.add("graph.partner-tenant-id");
        }
        if (graph.clientId().isBlank()) {
            missing.add("graph.client-id");
        }
        if (!missing.isEmpty()) {
            throw new LiveReadUnavailableException("this needs the settings " + String.join(", ", missing)
                    + " (reconcile." + missing.get(0) + ", or its environment variable)", true);
        }
    }
}
