package com.partnerops.reconcile.testsupport.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One customer tenant as Graph and Partner Center describe it, in their documented shapes: subscribedSku,
 * companySubscription, user (assignedLicenses, licenseAssignmentStates), unifiedRoleDefinition and
 * unifiedRoleAssignment, group; Partner Center's Customer and Subscription resources.
 */
public final class EmulatedTenant {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    final String tenantId;
    final String domain;
    final String name;
    final List<ObjectNode> skus = new ArrayList<>();
    final List<ObjectNode> subscriptions = new ArrayList<>();
    final List<ObjectNode> partnerCenterSubscriptions = new ArrayList<>();
    final List<ObjectNode> users = new ArrayList<>();
    final List<ObjectNode> roleDefinitions = new ArrayList<>();
    final List<ObjectNode> roleAssignments = new ArrayList<>();
    final Map<String, ObjectNode> groups = new LinkedHashMap<>();

    public EmulatedTenant(String tenantId, String domain, String name) {
        this.tenantId = tenantId;
        this.domain = domain;
        this.name = name;
    }

    /** @param plans service plan id, then name, repeated */
    public EmulatedTenant sku(String skuId, String partNumber, String appliesTo, int enabled, String... plans) {
        ObjectNode sku = JSON.objectNode().put("capabilityStatus", "Enabled").put("consumedUnits", 0)
                .put("id", tenantId + "_" + skuId).put("skuId", skuId).put("skuPartNumber", partNumber)
                .put("appliesTo", appliesTo);
        sku.putObject("prepaidUnits").put("enabled", enabled).put("suspended", 0).put("warning", 0)
                .put("lockedOut", 0);
        ArrayNode servicePlans = sku.putArray("servicePlans");
        for (int i = 0; i + 1 < plans.length; i += 2) {
            servicePlans.addObject().put("servicePlanId", plans[i]).put("servicePlanName", plans[i + 1])
                    .put("provisioningStatus", "Success").put("appliesTo", appliesTo);
        }
        skus.add(sku);
        return this;
    }

    /** A companySubscription ({@code /directory/subscriptions}). */
    public EmulatedTenant subscription(String id, String commerceSubscriptionId, String skuId, String partNumber,
            int totalLicenses, String status, String created, String nextLifecycle) {
        subscriptions.add(JSON.objectNode().put("id", id).put("commerceSubscriptionId", commerceSubscriptionId)
                .put("createdDateTime", created).put("isTrial", false).put("nextLifecycleDateTime", nextLifecycle)
                .put("skuId", skuId).put("skuPartNumber", partNumber).put("status", status)
                .put("totalLicenses", totalLicenses));
        return this;
    }

    /** A Partner Center subscription of the customer. */
    public EmulatedTenant partnerCenterSubscription(String id, String offerId, String offerName, int quantity,
            String status, boolean nce, boolean microsoftProduct, String effectiveStart, String commitmentEnd) {
        ObjectNode s = JSON.objectNode().put("id", id).put("offerId", offerId).put("offerName", offerName)
                .put("friendlyName", offerName).put("quantity", quantity).put("unitType", "Licenses")
                .put("effectiveStartDate", effectiveStart).put("commitmentEndDate", commitmentEnd)
                .put("status", status).put("autoRenewEnabled", true).put("isTrial", false)
                .put("billingType", "license").put("billingCycle", "monthly").put("termDuration", "P1Y")
                .put("isMicrosoftProduct", microsoftProduct);
        if (microsoftProduct) {
            s.put("publisherName", "Microsoft Corporation");
        }
        String type = nce ? "OnlineServicesNCE" : microsoftProduct ? "OnlineServices" : "SaaS";
        s.putObject("productType").put("id", type).put("displayName", type);
        s.putObject("attributes").put("objectType", "Subscription");
        partnerCenterSubscriptions.add(s);
        return this;
    }

    /** The publisher Partner Center names for a marketplace subscription ({@code publisherName}). */
    public EmulatedTenant publisher(String subscriptionId, String publisherName) {
        partnerCenterSubscriptions.stream().filter(s -> s.path("id").asString().equals(subscriptionId)).findFirst()
                .orElseThrow().put("publisherName", publisherName);
        return this;
    }

    /**
     * Partner Center's {@code refundableQuantity} of one of the customer's subscriptions: {@code seats} reducible
     * with a refund until {@code allowedUntil}.
     */
    public EmulatedTenant refundable(String subscriptionId, int seats, String allowedUntil) {
        ObjectNode subscription = partnerCenterSubscriptions.stream()
                .filter(s -> s.path("id").asString().equals(subscriptionId)).findFirst().orElseThrow();
        ObjectNode refundable = subscription.putObject("refundableQuantity").put("totalQuantity", seats);
        refundable.putArray("details").addObject().put("quantity", seats).put("allowedUntilDateTime", allowedUntil);
        return this;
    }

    public EmulatedTenant role(String templateId, String displayName) {
        roleDefinitions.add(JSON.objectNode().put("id", templateId).put("templateId", templateId)
                .put("displayName", displayName).put("isBuiltIn", true).put("isEnabled", true));
        return this;
    }

    public EmulatedTenant group(String id, String displayName) {
        groups.put(id, JSON.objectNode().put("id", id).put("displayName", displayName));
        return this;
    }

    /** A user; licenses and roles are added on the returned builder. */
    public User user(String id, String upn, String displayName, String givenName, String surname,
            String usageLocation, String jobTitle, String department, boolean enabled) {
        ObjectNode user = JSON.objectNode().put("id", id).put("userPrincipalName", upn).put("displayName", displayName)
                .put("givenName", givenName).put("surname", surname).put("usageLocation", usageLocation)
                .put("jobTitle", jobTitle).put("department", department).put("accountEnabled", enabled)
                .put("mail", upn);
        user.putArray("businessPhones");
        user.putArray("assignedLicenses");
        user.putArray("licenseAssignmentStates");
        users.add(user);
        return new User(user);
    }

    /** The user with this object id or user principal name (case-insensitive); null when there is none. */
    public ObjectNode user(String idOrUpn) {
        String wanted = java.net.URLDecoder.decode(idOrUpn, java.nio.charset.StandardCharsets.UTF_8);
        for (ObjectNode user : users) {
            if (user.get("id").asString().equals(wanted)
                    || user.get("userPrincipalName").asString().equalsIgnoreCase(wanted)) {
                return user;
            }
        }
        return null;
    }

    ObjectNode sku(String skuId) {
        return skus.stream().filter(s -> s.get("skuId").asString().equals(skuId)).findFirst().orElse(null);
    }

    /** Users holding the SKU, directly or through a group: Graph's consumedUnits. */
    public synchronized long consumed(String skuId) {
        return users.stream().filter(u -> holds(u, skuId)).count();
    }

    boolean holds(ObjectNode user, String skuId) {
        return user.get("assignedLicenses").valueStream().anyMatch(l -> l.get("skuId").asString().equals(skuId));
    }

    /** The group the user holds the SKU through, or null. */
    String groupOf(ObjectNode user, String skuId) {
        for (JsonNode state : user.get("licenseAssignmentStates")) {
            if (state.get("skuId").asString().equals(skuId) && state.path("assignedByGroup").isString()) {
                return state.get("assignedByGroup").asString();
            }
        }
        return null;
    }

    User builder(ObjectNode user) {
        return new User(user);
    }

    /** The user's licenses as {@code SKU id[:disabled plan id,...]}, sorted: what a test compares. */
    public synchronized java.util.List<String> licensesOf(String upn) {
        ObjectNode user = user(upn);
        java.util.List<String> held = new java.util.ArrayList<>();
        for (JsonNode license : user.get("assignedLicenses")) {
            java.util.List<String> off = license.path("disabledPlans").valueStream().map(JsonNode::asString)
                    .sorted().toList();
            held.add(license.get("skuId").asString() + (off.isEmpty() ? "" : ":" + String.join(",", off)));
        }
        return held.stream().sorted().toList();
    }

    /** The role definition ids the user holds tenant-wide, sorted. */
    public synchronized java.util.List<String> rolesOf(String upn) {
        String id = user(upn).get("id").asString();
        return roleAssignments.stream().filter(a -> a.get("principalId").asString().equals(id))
                .map(a -> a.get("roleDefinitionId").asString()).sorted().toList();
    }

    /** A property of the user as Graph holds it; null when unset. */
    public synchronized String property(String upn, String property) {
        JsonNode value = user(upn).get(property);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** A user being built. */
    public final class User {
        private final ObjectNode user;

        User(ObjectNode user) {
            this.user = user;
        }

        public User license(String skuId, String... disabledPlanIds) {
            return assign(skuId, null, disabledPlanIds);
        }

        public User groupLicense(String skuId, String groupId) {
            return assign(skuId, groupId);
        }

        private User assign(String skuId, String groupId, String... disabledPlanIds) {
            ObjectNode assigned = ((ArrayNode) user.get("assignedLicenses")).addObject();
            assigned.put("skuId", skuId);
            ArrayNode off = assigned.putArray("disabledPlans");
            for (String plan : disabledPlanIds) {
                off.add(plan);
            }
            ObjectNode state = ((ArrayNode) user.get("licenseAssignmentStates")).addObject();
            state.put("skuId", skuId).put("state", "Active").put("error", "None")
                    .put("lastUpdatedDateTime", "2026-11-01T08:00:00Z");
            if (groupId == null) {
                state.putNull("assignedByGroup");
            } else {
                state.put("assignedByGroup", groupId);
            }
            state.set("disabledPlans", off.deepCopy());
            return this;
        }

        public User role(String templateId) {
            roleAssignments.add(JSON.objectNode().put("id", "ra-" + roleAssignments.size() + "-" + user.get("id")
                    .asString()).put("principalId", user.get("id").asString()).put("roleDefinitionId", templateId)
                    .put("directoryScopeId", "/"));
            return this;
        }

        public User set(String property, String value) {
            user.put(property, value);
            return this;
        }

        public EmulatedTenant done() {
            return EmulatedTenant.this;
        }
    }
}
