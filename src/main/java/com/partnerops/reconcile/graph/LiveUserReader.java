package com.partnerops.reconcile.graph;

import static com.partnerops.reconcile.graph.LiveJson.text;

import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.Names;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Apply's live re-read of users, in {@code $batch} requests of up to 20 GETs: the users by principal name, then
 * their tenant-wide role assignments by principal id. An item answered 429 holds the tenant off for its
 * Retry-After and only the items not yet answered are sent again (Resilience4j's retry, as for direct requests).
 */
final class LiveUserReader {

    static final int BATCH = 20;
    private static final String TENANT_WIDE = "/";

    /** A user read live: the rules' view, and what the write calls need (its object id, its role assignments). */
    record LiveUser(DirectoryUser user, String id, Map<String, String> assignmentIdByRole) {
    }

    private final LiveApi api;

    LiveUserReader(LiveApi api) {
        this.api = api;
    }

    /** The users that exist, by {@code Names.key(upn)}. */
    Map<String, LiveUser> read(String tenant, List<String> upns, TenantSkus skus, Map<String, String> roleNames,
            java.util.function.Function<String, String> groupName) {
        List<String> urls = upns.stream().map(upn -> "/users/" + URLEncoder.encode(upn, StandardCharsets.UTF_8)
                + "?$select=" + CustomerReader.USER_FIELDS).toList();
        List<JsonNode> found = get(tenant, urls);
        List<JsonNode> users = found.stream().filter(u -> u != null).toList();
        List<JsonNode> assignments = get(tenant, users.stream().map(u -> "/roleManagement/directory/roleAssignments"
                + "?$filter=" + URLEncoder.encode("principalId eq '" + text(u, "id") + "'", StandardCharsets.UTF_8)
                .replace("+", "%20")).toList());
        Map<String, LiveUser> read = new LinkedHashMap<>();
        for (int i = 0; i < users.size(); i++) {
            JsonNode user = users.get(i);
            Set<String> roles = new TreeSet<>();
            Map<String, String> assignmentIds = new HashMap<>();
            for (JsonNode assignment : assignments.get(i).path("value")) {
                if (TENANT_WIDE.equals(text(assignment, "directoryScopeId"))) {
                    String role = roleNames.getOrDefault(text(assignment, "roleDefinitionId"),
                            text(assignment, "roleDefinitionId"));
                    roles.add(role);
                    assignmentIds.put(role, text(assignment, "id"));
                }
            }
            Map<String, String> groupNames = new HashMap<>();
            user.path("licenseAssignmentStates").forEach(state -> {
                if (!text(state, "assignedByGroup").isEmpty()) {
                    groupNames.put(text(state, "assignedByGroup"), groupName.apply(text(state, "assignedByGroup")));
                }
            });
            DirectoryUser directoryUser = CustomerReader.user(tenant, user, skus, roles, groupNames);
            read.put(Names.key(directoryUser.userPrincipalName()), new LiveUser(directoryUser, text(user, "id"),
                    assignmentIds));
        }
        return read;
    }

    /** The bodies of GETs, in order; null for one answered 404 (no such user). */
    List<JsonNode> get(String tenant, List<String> urls) {
        List<JsonNode> bodies = new ArrayList<>();
        for (int from = 0; from < urls.size(); from += BATCH) {
            List<String> part = urls.subList(from, Math.min(urls.size(), from + BATCH));
            JsonNode[] answers = new JsonNode[part.size()];
            boolean[] answered = new boolean[part.size()];
            api.retried(() -> sendPending(tenant, part, answers, answered));
            bodies.addAll(java.util.Arrays.asList(answers));
        }
        return bodies;
    }

    private Void sendPending(String tenant, List<String> urls, JsonNode[] answers, boolean[] answered) {
        ObjectNode batch = JsonNodeFactory.instance.objectNode();
        var requests = batch.putArray("requests");
        for (int i = 0; i < urls.size(); i++) {
            if (!answered[i]) {
                requests.addObject().put("id", String.valueOf(i + 1)).put("method", "GET").put("url", urls.get(i));
            }
        }
        LiveApi.Reply reply = api.send(tenant, "POST", "/$batch", batch);
        if (!reply.succeeded()) {
            throw new LiveApi.LiveReadException("POST /$batch: " + reply.status() + " " + reply.error());
        }
        Duration longest = null;
        for (JsonNode response : reply.body().path("responses")) {
            int i = Integer.parseInt(text(response, "id")) - 1;
            int status = response.path("status").asInt();
            if (status >= 200 && status < 300 || status == 404) {
                answers[i] = status == 404 ? null : response.path("body");
                answered[i] = true;
            } else if (status == 429 || status == 503) {
                Duration wait = LiveApi.retryAfterSeconds(text(response.path("headers"), "Retry-After"));
                if (status == 429 && wait != null) {
                    api.holdOff(tenant, wait);
                }
                longest = wait == null ? longest : longest == null || wait.compareTo(longest) > 0 ? wait : longest;
            } else {
                throw new LiveApi.LiveReadException("GET " + urls.get(i).replaceAll("\\?.*", "") + " (in $batch): "
                        + status + " " + text(response.path("body").path("error"), "code") + ": "
                        + text(response.path("body").path("error"), "message"));
            }
        }
        for (boolean done : answered) {
            if (!done) {
                throw new LiveApi.Retryable(longest, "POST /$batch: items answered 429 or 503");
            }
        }
        return null;
    }
}
