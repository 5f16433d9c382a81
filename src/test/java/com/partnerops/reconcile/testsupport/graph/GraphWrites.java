package com.partnerops.reconcile.testsupport.graph;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's write endpoints as Microsoft documents them, against one tenant's state: {@code PATCH /users/{id}}
 * (204), {@code POST /users/{id}/assignLicense} (additions and removals in one step, all or nothing, 200 with the
 * user), {@code POST /roleManagement/directory/roleAssignments} (201) and {@code DELETE .../roleAssignments/{id}}
 * (204); errors in Graph's words. Each tenant is changed by one request at a time.
 */
final class GraphWrites {

    private static final Set<String> PATCHABLE = Set.of("displayName", "givenName", "surname", "jobTitle",
            "department", "usageLocation");
    private static final String ROLE_ASSIGNMENTS = "/roleManagement/directory/roleAssignments";

    private final GraphEmulator emulator;

    GraphWrites(GraphEmulator emulator) {
        this.emulator = emulator;
    }

    Reply answer(EmulatedTenant data, String method, String path, JsonNode body) {
        synchronized (data) {
            if ("PATCH".equals(method) && path.startsWith("/users/") && path.indexOf('/', 7) < 0) {
                return patch(data, path.substring("/users/".length()), body);
            }
            if ("POST".equals(method) && path.startsWith("/users/") && path.endsWith("/assignLicense")) {
                return assignLicense(data, path.substring("/users/".length(), path.length() - "/assignLicense"
                        .length()), body);
            }
            if ("POST".equals(method) && path.equals(ROLE_ASSIGNMENTS)) {
                return addRole(data, body);
            }
            if ("DELETE".equals(method) && path.startsWith(ROLE_ASSIGNMENTS + "/")) {
                return removeRole(data, path.substring(ROLE_ASSIGNMENTS.length() + 1));
            }
        }
        return Reply.error(405, "Request_BadRequest", "The HTTP method '" + method + "' is not allowed on '" + path
                + "'.");
    }

    static Reply noSuchUser(String id) {
        return Reply.error(404, "Request_ResourceNotFound", "Resource '" + id + "' does not exist or one of its"
                + " queried reference-property objects are not present.");
    }

    private Reply patch(EmulatedTenant data, String id, JsonNode body) {
        ObjectNode user = data.user(id);
        if (user == null) {
            return noSuchUser(id);
        }
        if (body == null || !body.isObject()) {
            return Reply.error(400, "BadRequest", "Empty Payload. JSON content expected.");
        }
        for (String property : body.propertyNames()) {
            if (!PATCHABLE.contains(property)) {
                return Reply.error(400, "Request_BadRequest", "Property '" + property + "' is read-only and cannot"
                        + " be set.");
            }
        }
        JsonNode location = body.get("usageLocation");
        if (location != null && !location.isNull() && !location.asString().matches("[A-Z]{2}")) {
            return Reply.error(400, "Request_BadRequest", "Invalid value specified for property 'usageLocation'"
                    + " of resource 'User'.");
        }
        body.properties().forEach(e -> user.set(e.getKey(), e.getValue().deepCopy()));
        return Reply.noContent();
    }

    private Reply assignLicense(EmulatedTenant data, String id, JsonNode body) {
        ObjectNode user = data.user(id);
        if (user == null) {
            return noSuchUser(id);
        }
        if (body == null || !body.path("addLicenses").isArray() || !body.path("removeLicenses").isArray()) {
            return Reply.error(400, "Request_BadRequest", "One or more parameters of the function import"
                    + " 'assignLicense' are missing from the request payload. The missing parameters are:"
                    + " addLicenses, removeLicenses.");
        }
        Set<String> removed = new HashSet<>();
        for (JsonNode sku : body.get("removeLicenses")) {
            String skuId = sku.asString();
            String group = data.groupOf(user, skuId);
            if (group != null) {
                return Reply.error(400, "Request_BadRequest", "User license is inherited from a group membership"
                        + " and it cannot be removed directly from the user.");
            }
            if (!data.holds(user, skuId)) {
                return Reply.error(400, "Request_BadRequest", "User does not have a corresponding license.");
            }
            removed.add(skuId);
        }
        for (JsonNode add : body.get("addLicenses")) {
            String skuId = add.path("skuId").asString("");
            ObjectNode sku = data.sku(skuId);
            if (sku == null) {
                return Reply.error(400, "Request_BadRequest", "License " + skuId + " does not correspond to a valid"
                        + " company License.");
            }
            String location = user.path("usageLocation").isString() ? user.get("usageLocation").asString() : "";
            if (location.isBlank()) {
                return Reply.error(400, "Request_BadRequest", "License assignment cannot be done for user with"
                        + " invalid usage location.");
            }
            if (!data.holds(user, skuId) && data.consumed(skuId) >= sku.path("prepaidUnits").path("enabled")
                    .asInt()) {
                return Reply.error(400, "Request_BadRequest", "Subscription with SKU " + skuId + " does not have"
                        + " any available licenses.");
            }
        }
        ArrayNode assigned = (ArrayNode) user.get("assignedLicenses");
        ArrayNode states = (ArrayNode) user.get("licenseAssignmentStates");
        for (String skuId : removed) {
            removeWhere(assigned, skuId);
            removeWhere(states, skuId);
        }
        EmulatedTenant.User builder = data.builder(user);
        for (JsonNode add : body.get("addLicenses")) {
            String skuId = add.get("skuId").asString();
            String[] off = add.path("disabledPlans").valueStream().map(JsonNode::asString).toArray(String[]::new);
            if (data.holds(user, skuId)) {
                removeWhere(assigned, skuId);
                removeWhere(states, skuId);
            }
            builder.license(skuId, off);
        }
        return Reply.of(200, user.deepCopy());
    }

    /** The direct assignment of the SKU (a group's stays: it is the group's to remove). */
    private static void removeWhere(ArrayNode licenses, String skuId) {
        for (int i = licenses.size() - 1; i >= 0; i--) {
            JsonNode license = licenses.get(i);
            if (license.path("skuId").asString().equals(skuId)
                    && (!license.has("assignedByGroup") || license.get("assignedByGroup").isNull())) {
                licenses.remove(i);
            }
        }
    }

    private Reply addRole(EmulatedTenant data, JsonNode body) {
        String principal = body == null ? "" : body.path("principalId").asString("");
        String role = body == null ? "" : body.path("roleDefinitionId").asString("");
        if (body == null || !body.path("directoryScopeId").isString() && !body.path("appScopeId").isString()) {
            return Reply.error(400, "Request_BadRequest", "Either directoryScopeId or appScopeId must be"
                    + " specified.");
        }
        if (data.user(principal) == null) {
            return Reply.error(400, "Request_BadRequest", "Invalid principal id '" + principal + "'.");
        }
        if (data.roleDefinitions.stream().noneMatch(d -> d.get("id").asString().equals(role))) {
            return Reply.error(404, "Request_ResourceNotFound", "Resource '" + role + "' does not exist or one of"
                    + " its queried reference-property objects are not present.");
        }
        String scope = body.path("directoryScopeId").asString("");
        boolean exists = data.roleAssignments.stream().anyMatch(a -> a.get("principalId").asString().equals(
                principal) && a.get("roleDefinitionId").asString().equals(role) && a.get("directoryScopeId")
                        .asString().equals(scope));
        if (exists) {
            return Reply.error(400, "Request_BadRequest", "A conflicting object with one or more of the specified"
                    + " property values is present in the directory.");
        }
        ObjectNode assignment = EmulatedTenant.JSON.objectNode()
                .put("id", "ra-w" + emulator.writeLog.all().size() + "-" + principal.toLowerCase(Locale.ROOT))
                .put("principalId", principal).put("roleDefinitionId", role).put("directoryScopeId", scope);
        data.roleAssignments.add(assignment);
        return Reply.of(201, assignment.deepCopy());
    }

    private static Reply removeRole(EmulatedTenant data, String id) {
        boolean removed = data.roleAssignments.removeIf(a -> a.get("id").asString().equals(id));
        return removed ? Reply.noContent() : Reply.error(404, "Request_ResourceNotFound", "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.");
    }
}
