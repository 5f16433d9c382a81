package com.partnerops.reconcile.testsupport.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /$batch} as Microsoft's JSON batching documents it: up to 20 {@code requests} with {@code id},
 * {@code method}, {@code url} (relative to the version), optional {@code body}, {@code headers} and
 * {@code dependsOn}; one response per item with {@code id}, {@code status}, {@code headers} (Retry-After of a
 * throttled item among them) and {@code body}. An item whose dependency did not succeed is answered 424 Failed
 * Dependency and not run. Items are run in order.
 */
final class BatchRoute {

    static final int MAX_ITEMS = 20;

    private final GraphRoutes routes;

    BatchRoute(GraphRoutes routes) {
        this.routes = routes;
    }

    Reply answer(String tenant, JsonNode batch) {
        JsonNode requests = batch == null ? null : batch.get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            return Reply.error(400, "BadRequest", "Invalid batch payload format.");
        }
        if (requests.size() > MAX_ITEMS) {
            return Reply.error(400, "BadRequest", "Batch request has more than the limit of " + MAX_ITEMS
                    + " requests.");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode request : requests) {
            if (!ids.add(request.path("id").asString(""))) {
                return Reply.error(400, "BadRequest", "Batch request contains duplicate request id '"
                        + request.path("id").asString("") + "'.");
            }
        }
        Map<String, Integer> statusById = new HashMap<>();
        List<ObjectNode> responses = new ArrayList<>();
        Reply throttled = null;
        for (JsonNode request : requests) {
            String id = request.get("id").asString();
            // once an item is throttled, the rest of the batch is too: they arrive within the same wait
            Reply reply = throttled != null ? throttled : dependencyFailed(request, statusById) ? Reply.error(424,
                    "FailedDependency", "The request has a dependency that failed.") : item(tenant, request);
            if (reply.status() == 429) {
                throttled = reply;
            }
            statusById.put(id, reply.status());
            ObjectNode response = EmulatedTenant.JSON.objectNode().put("id", id).put("status", reply.status());
            ObjectNode headers = response.putObject("headers");
            if (reply.retryAfter() != null) {
                headers.put("Retry-After", String.valueOf(reply.retryAfter()));
            }
            if (reply.body() != null) {
                headers.put("Content-Type", "application/json");
                response.set("body", reply.body());
            }
            responses.add(response);
        }
        ObjectNode body = EmulatedTenant.JSON.objectNode();
        ArrayNode array = body.putArray("responses");
        responses.forEach(array::add);
        return Reply.of(200, body);
    }

    private static boolean dependencyFailed(JsonNode request, Map<String, Integer> statusById) {
        for (JsonNode dependency : request.path("dependsOn")) {
            Integer status = statusById.get(dependency.asString());
            if (status == null || status < 200 || status >= 300) {
                return true;
            }
        }
        return false;
    }

    private Reply item(String tenant, JsonNode request) {
        if (!"GET".equals(request.path("method").asString("GET"))) {
            routes.emulator().batchedWrites.incrementAndGet();
        }
        String url = request.path("url").asString("");
        if (!url.startsWith("/")) {
            url = "/" + url;
        }
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        Map<String, String> query = GraphEmulator.query(q < 0 ? null : url.substring(q + 1));
        return routes.answer(tenant, request.path("method").asString("GET"), path, query, request.get("body"));
    }
}
