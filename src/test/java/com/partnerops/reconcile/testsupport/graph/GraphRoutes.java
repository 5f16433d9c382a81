package com.partnerops.reconcile.testsupport.graph;

import static com.partnerops.reconcile.testsupport.graph.GraphEmulator.graphError;
import static com.partnerops.reconcile.testsupport.graph.GraphEmulator.send;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** Graph's v1.0 read endpoints the job uses, answering for the tenant the access token was issued in. */
final class GraphRoutes {

    private static final Set<String> USER_PROPERTIES = Set.of("id", "userPrincipalName", "displayName", "givenName",
            "surname", "usageLocation", "jobTitle", "department", "accountEnabled", "assignedLicenses",
            "licenseAssignmentStates", "mail", "businessPhones", "mobilePhone", "officeLocation", "preferredLanguage");
    private static final List<String> USER_DEFAULTS = List.of("businessPhones", "displayName", "givenName",
            "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName",
            "id");

    private final GraphEmulator emulator;

    GraphRoutes(GraphEmulator emulator) {
        this.emulator = emulator;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        String bearer = bearer(exchange);
        TokenService.Grant grant = emulator.tokens.grant(bearer);
        if (grant == null || !TokenService.GRAPH.equals(grant.resource())) {
            send(exchange, 401, graphError("InvalidAuthenticationToken", grant == null
                    ? "Access token validation failure." : "Access token validation failure. Invalid audience."),
                    null);
            return;
        }
        String tenant = grant.tenant();
        if (emulator.fault(exchange, tenant)) {
            return;
        }
        Map<String, String> query = GraphEmulator.query(exchange);
        if (path.equals("/tenantRelationships/delegatedAdminRelationships")) {
            if (!GraphEmulator.PARTNER_TENANT.equals(tenant)) {
                send(exchange, 403, denied(), null);
                return;
            }
            page(exchange, path, emulator.relationships, query);
            return;
        }
        EmulatedTenant data = emulator.tenant(tenant);
        if (data == null || emulator.forbidden.contains(tenant)) {
            send(exchange, 403, denied(), null);
            return;
        }
        switch (path) {
            case "/users" -> users(exchange, data, query);
            case "/subscribedSkus" -> whole(exchange, skus(data));
            case "/directory/subscriptions" -> whole(exchange, data.subscriptions);
            case "/roleManagement/directory/roleDefinitions" -> page(exchange, path, data.roleDefinitions, query);
            case "/roleManagement/directory/roleAssignments" -> page(exchange, path, data.roleAssignments, query);
            default -> {
                if (path.startsWith("/groups/") && data.groups.containsKey(path.substring("/groups/".length()))) {
                    send(exchange, 200, data.groups.get(path.substring("/groups/".length())), null);
                } else {
                    send(exchange, 400, graphError("BadRequest", "Resource not found for the segment '"
                            + path.substring(path.lastIndexOf('/') + 1) + "'."), null);
                }
            }
        }
    }

    private static ObjectNode denied() {
        return graphError("Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }

    private static String bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
    }

    /** consumedUnits as the tenant's assignments count them. */
    private static List<ObjectNode> skus(EmulatedTenant data) {
        List<ObjectNode> skus = new ArrayList<>();
        for (ObjectNode sku : data.skus) {
            ObjectNode copy = sku.deepCopy();
            long consumed = data.users.stream().filter(u -> u.get("assignedLicenses").valueStream()
                    .anyMatch(l -> l.get("skuId").asString().equals(sku.get("skuId").asString()))).count();
            copy.put("consumedUnits", consumed);
            skus.add(copy);
        }
        return skus;
    }

    private void users(HttpExchange exchange, EmulatedTenant data, Map<String, String> query) throws IOException {
        List<String> select = query.containsKey("$select") ? List.of(query.get("$select").split(",")) : USER_DEFAULTS;
        for (String property : select) {
            if (!USER_PROPERTIES.contains(property)) {
                send(exchange, 400, graphError("Request_BadRequest", "Could not find a property named '" + property
                        + "' on type 'microsoft.graph.user'."), null);
                return;
            }
        }
        List<ObjectNode> shown = new ArrayList<>();
        for (ObjectNode user : data.users) {
            ObjectNode visible = EmulatedTenant.JSON.objectNode();
            select.forEach(p -> visible.set(p, user.has(p) ? user.get(p).deepCopy() : EmulatedTenant.JSON.nullNode()));
            shown.add(visible);
        }
        page(exchange, "/users", shown, query);
    }

    private static void whole(HttpExchange exchange, List<ObjectNode> items) throws IOException {
        ObjectNode body = EmulatedTenant.JSON.objectNode();
        body.set("value", GraphEmulator.array(items));
        send(exchange, 200, body, null);
    }

    /** A page of at most $top (1 to 999) and the emulator's page size; the rest behind @odata.nextLink. */
    private void page(HttpExchange exchange, String path, List<ObjectNode> items, Map<String, String> query)
            throws IOException {
        int top = 100;
        if (query.containsKey("$top")) {
            try {
                top = Integer.parseInt(query.get("$top"));
            } catch (NumberFormatException e) {
                top = -1;
            }
            if (top < 1 || top > 999) {
                send(exchange, 400, graphError("Request_BadRequest", "Invalid page size specified: '"
                        + query.get("$top") + "'. Must be between 1 and 999 inclusive."), null);
                return;
            }
        }
        int offset;
        try {
            offset = query.containsKey("$skiptoken") ? GraphEmulator.offsetOf(query.get("$skiptoken")) : 0;
        } catch (IllegalArgumentException e) {
            send(exchange, 400, graphError("Directory_InvalidSkipToken", "The specified page token value has"
                    + " expired and can no longer be included in your request."), null);
            return;
        }
        int size = Math.min(top, emulator.pageSize);
        int end = Math.min(items.size(), offset + size);
        ObjectNode body = EmulatedTenant.JSON.objectNode();
        body.put("@odata.context", emulator.graphBaseUrl() + "/$metadata#" + path.substring(1));
        if (end < items.size()) {
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("$skiptoken", GraphEmulator.continuation(end));
            StringBuilder link = new StringBuilder(emulator.graphBaseUrl()).append(path).append('?');
            next.forEach((k, v) -> link.append(link.charAt(link.length() - 1) == '?' ? "" : "&").append(k).append('=')
                    .append(GraphEmulator.encode(v)));
            body.put("@odata.nextLink", link.toString());
        }
        body.set("value", GraphEmulator.array(items.subList(Math.min(offset, items.size()), end)));
        send(exchange, 200, body, null);
    }
}
