package com.partnerops.reconcile.testsupport.graph;

import static com.partnerops.reconcile.testsupport.graph.GraphEmulator.graphError;
import static com.partnerops.reconcile.testsupport.graph.GraphEmulator.send;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's v1.0 endpoints the job uses, answering for the tenant the access token was issued in: the reads, the
 * writes ({@link GraphWrites}) and {@code $batch} ({@link BatchRoute}), each request as one {@link Reply}.
 */
final class GraphRoutes {

    private static final Set<String> USER_PROPERTIES = Set.of("id", "userPrincipalName", "displayName", "givenName",
            "surname", "usageLocation", "jobTitle", "department", "accountEnabled", "assignedLicenses",
            "licenseAssignmentStates", "mail", "businessPhones", "mobilePhone", "officeLocation", "preferredLanguage");
    private static final List<String> USER_DEFAULTS = List.of("businessPhones", "displayName", "givenName",
            "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName",
            "id");
    private static final String ROLE_ASSIGNMENTS = "/roleManagement/directory/roleAssignments";

    private final GraphEmulator emulator;
    private final GraphWrites writes;
    private final BatchRoute batch;

    GraphEmulator emulator() {
        return emulator;
    }

    GraphRoutes(GraphEmulator emulator) {
        this.emulator = emulator;
        this.writes = new GraphWrites(emulator);
        this.batch = new BatchRoute(this);
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
        String method = exchange.getRequestMethod();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? null : EmulatedTenant.MAPPER.readTree(new String(raw,
                StandardCharsets.UTF_8));
        Reply reply;
        if (path.equals("/$batch") && "POST".equals(method)) {
            // the batch itself counts against the limits like any request; its items once more, each
            reply = emulator.faultReply(grant.tenant(), "GET");
            if (reply == null) {
                reply = batch.answer(grant.tenant(), body);
            }
        } else {
            reply = answer(grant.tenant(), method, path, GraphEmulator.query(exchange.getRequestURI().getRawQuery()),
                    body);
        }
        send(exchange, reply.status(), reply.body(), reply.retryAfter());
    }

    /** One request, direct or a batch item: faults first, then the route; a write goes to the write log. */
    Reply answer(String tenant, String method, String path, Map<String, String> query, JsonNode body) {
        Reply reply = route(tenant, method, path, query, body);
        if (!"GET".equals(method)) {
            emulator.writeLog.add(new WriteLog.Write(tenant, method, path, body, reply.status()));
            emulator.wrote(reply.status() >= 200 && reply.status() < 300);
        }
        return reply;
    }

    private Reply route(String tenant, String method, String path, Map<String, String> query, JsonNode body) {
        Reply fault = emulator.faultReply(tenant, method);
        if (fault != null) {
            return fault;
        }
        if (path.equals("/tenantRelationships/delegatedAdminRelationships")) {
            return GraphEmulator.PARTNER_TENANT.equals(tenant) ? page(path, emulator.relationships, query) : denied();
        }
        EmulatedTenant data = emulator.tenant(tenant);
        if (data == null || emulator.forbidden.contains(tenant)) {
            return denied();
        }
        if (!"GET".equals(method)) {
            return writes.answer(data, method, path, body);
        }
        synchronized (data) {
            return read(data, path, query);
        }
    }

    private Reply read(EmulatedTenant data, String path, Map<String, String> query) {
        switch (path) {
            case "/users":
                return users(data, query);
            case "/subscribedSkus":
                return whole(skus(data));
            case "/directory/subscriptions":
                return whole(data.subscriptions);
            case "/roleManagement/directory/roleDefinitions":
                return page(path, data.roleDefinitions, query);
            case ROLE_ASSIGNMENTS:
                return page(path, assignments(data, query.get("$filter")), query);
            default:
                break;
        }
        if (path.startsWith("/users/")) {
            ObjectNode user = data.user(path.substring("/users/".length()));
            return user == null ? GraphWrites.noSuchUser(path.substring("/users/".length()))
                    : selected(user, query);
        }
        if (path.startsWith("/groups/") && data.groups.containsKey(path.substring("/groups/".length()))) {
            return Reply.of(200, data.groups.get(path.substring("/groups/".length())));
        }
        return Reply.error(400, "BadRequest", "Resource not found for the segment '"
                + path.substring(path.lastIndexOf('/') + 1) + "'.");
    }

    /** {@code $filter=principalId eq '...'}, the one filter the job sends; anything else is refused as Graph does. */
    private static List<ObjectNode> assignments(EmulatedTenant data, String filter) {
        if (filter == null) {
            return data.roleAssignments;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("principalId eq '([^']+)'").matcher(filter);
        if (!m.matches()) {
            throw new IllegalArgumentException("unsupported filter " + filter);
        }
        return data.roleAssignments.stream().filter(a -> a.get("principalId").asString().equals(m.group(1)))
                .toList();
    }

    static Reply denied() {
        return Reply.error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
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
            copy.put("consumedUnits", data.consumed(sku.get("skuId").asString()));
            skus.add(copy);
        }
        return skus;
    }

    private static List<String> select(Map<String, String> query) {
        return query.containsKey("$select") ? List.of(query.get("$select").split(",")) : USER_DEFAULTS;
    }

    private static Reply unknownProperty(List<String> select) {
        for (String property : select) {
            if (!USER_PROPERTIES.contains(property)) {
                return Reply.error(400, "Request_BadRequest", "Could not find a property named '" + property
                        + "' on type 'microsoft.graph.user'.");
            }
        }
        return null;
    }

    private static ObjectNode visible(ObjectNode user, List<String> select) {
        ObjectNode visible = EmulatedTenant.JSON.objectNode();
        select.forEach(p -> visible.set(p, user.has(p) ? user.get(p).deepCopy() : EmulatedTenant.JSON.nullNode()));
        return visible;
    }

    private static Reply selected(ObjectNode user, Map<String, String> query) {
        Reply refused = unknownProperty(select(query));
        return refused != null ? refused : Reply.of(200, visible(user, select(query)));
    }

    private Reply users(EmulatedTenant data, Map<String, String> query) {
        List<String> select = select(query);
        Reply refused = unknownProperty(select);
        if (refused != null) {
            return refused;
        }
        return page("/users", data.users.stream().map(user -> visible(user, select)).toList(), query);
    }

    private static Reply whole(List<ObjectNode> items) {
        ObjectNode body = EmulatedTenant.JSON.objectNode();
        body.set("value", GraphEmulator.array(items));
        return Reply.of(200, body);
    }

    /** A page of at most $top (1 to 999) and the emulator's page size; the rest behind @odata.nextLink. */
    private Reply page(String path, List<ObjectNode> items, Map<String, String> query) {
        int top = 100;
        if (query.containsKey("$top")) {
            try {
                top = Integer.parseInt(query.get("$top"));
            } catch (NumberFormatException e) {
                top = -1;
            }
            if (top < 1 || top > 999) {
                return Reply.error(400, "Request_BadRequest", "Invalid page size specified: '"
                        + query.get("$top") + "'. Must be between 1 and 999 inclusive.");
            }
        }
        int offset;
        try {
            offset = query.containsKey("$skiptoken") ? GraphEmulator.offsetOf(query.get("$skiptoken")) : 0;
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "Directory_InvalidSkipToken", "The specified page token value has"
                    + " expired and can no longer be included in your request.");
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
        return Reply.of(200, body);
    }
}
