package com.partnerops.reconcile.graph;

/**
 * The APIs a token is asked for. The scopes are Microsoft's resource URIs whatever base URL the settings give:
 * the token service knows the resources by these names, not by where the job sends its requests.
 */
enum Resource {
    GRAPH("https://graph.microsoft.com/.default"),
    PARTNER_CENTER("https://api.partnercenter.microsoft.com/.default");

    private final String scope;

    Resource(String scope) {
        this.scope = scope;
    }

    String scope() {
        return scope;
    }
}
