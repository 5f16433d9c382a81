package com.partnerops.reconcile.graph;

import static com.partnerops.reconcile.graph.LiveJson.text;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.domain.UserAttribute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reads one customer tenant: its SKUs and subscriptions (with Partner Center's view of them), its admin roles and
 * its users with their licenses, disabled plans and group-inherited licenses. Nothing is kept of a customer whose
 * read fails half-way: the exception ends it.
 */
final class CustomerReader {

    /** Graph returns these only when named in $select. */
    static final String USER_FIELDS = "id,userPrincipalName,displayName,givenName,surname,usageLocation,jobTitle,"
            + "department,accountEnabled,assignedLicenses,licenseAssignmentStates";
    private static final String TENANT_WIDE = "/";

    private final LiveApi api;
    private final ProductCatalog catalog;

    CustomerReader(LiveApi api, ProductCatalog catalog) {
        this.api = api;
        this.catalog = catalog;
    }

    ReadCustomer read(Customer customer, List<JsonNode> relationships, Instant readAt) {
        String tenant = customer.tenantId();
        TenantSkus skus = new TenantSkus(api.graphPages(tenant, "/subscribedSkus"), catalog);
        List<JsonNode> partnerCenter = api.partnerCenterPages("/customers/" + tenant + "/subscriptions");
        var subscriptions = SubscriptionMapping.map(tenant, skus, api.graphPages(tenant, "/directory/subscriptions"),
                partnerCenter);
        Map<String, String> roleNames = new HashMap<>();
        for (JsonNode definition : api.graphPages(tenant, "/roleManagement/directory/roleDefinitions")) {
            roleNames.put(text(definition, "id"), text(definition, "displayName"));
            roleNames.put(text(definition, "templateId"), text(definition, "displayName"));
        }
        Map<String, Set<String>> rolesByPrincipal = new HashMap<>();
        for (JsonNode assignment : api.graphPages(tenant, "/roleManagement/directory/roleAssignments")) {
            if (TENANT_WIDE.equals(text(assignment, "directoryScopeId"))) {
                rolesByPrincipal.computeIfAbsent(text(assignment, "principalId"), k -> new TreeSet<>())
                        .add(roleNames.getOrDefault(text(assignment, "roleDefinitionId"),
                                text(assignment, "roleDefinitionId")));
            }
        }
        List<JsonNode> users = api.graphPages(tenant, "/users?$select=" + USER_FIELDS + "&$top=999");
        Map<String, String> groupNames = groupNames(tenant, users);
        List<DirectoryUser> read = new ArrayList<>();
        for (JsonNode user : users) {
            read.add(user(tenant, user, skus, rolesByPrincipal.getOrDefault(text(user, "id"), Set.of()),
                    groupNames));
        }
        return new ReadCustomer(customer, subscriptions, relationships(tenant, relationships, roleNames), read,
                readAt);
    }

    /** The display names of the groups licenses are inherited from: the rule's message names the group. */
    private Map<String, String> groupNames(String tenant, List<JsonNode> users) {
        Set<String> ids = new TreeSet<>();
        users.forEach(user -> user.path("licenseAssignmentStates").forEach(state -> {
            if (!text(state, "assignedByGroup").isEmpty()) {
                ids.add(text(state, "assignedByGroup"));
            }
        }));
        Map<String, String> names = new HashMap<>();
        for (String id : ids) {
            JsonNode group = api.graphObject(tenant, "/groups/" + id + "?$select=id,displayName");
            names.put(id, text(group, "displayName").isEmpty() ? id : text(group, "displayName"));
        }
        return names;
    }

    static DirectoryUser user(String tenant, JsonNode user, TenantSkus skus, Set<String> roles,
            Map<String, String> groupNames) {
        Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
        attributes.put(UserAttribute.DISPLAY_NAME, text(user, "displayName"));
        attributes.put(UserAttribute.GIVEN_NAME, text(user, "givenName"));
        attributes.put(UserAttribute.SURNAME, text(user, "surname"));
        attributes.put(UserAttribute.JOB_TITLE, text(user, "jobTitle"));
        attributes.put(UserAttribute.DEPARTMENT, text(user, "department"));
        attributes.put(UserAttribute.USAGE_LOCATION, text(user, "usageLocation"));
        Set<String> licenses = new TreeSet<>();
        Map<String, Set<String>> disabled = new TreeMap<>();
        for (JsonNode license : user.path("assignedLicenses")) {
            String sku = skus.partNumber(text(license, "skuId"));
            licenses.add(sku);
            for (JsonNode plan : license.path("disabledPlans")) {
                disabled.computeIfAbsent(sku, k -> new TreeSet<>()).add(skus.servicePlanName(sku, plan.asString()));
            }
        }
        Map<String, String> inherited = new TreeMap<>();
        for (JsonNode state : user.path("licenseAssignmentStates")) {
            String group = text(state, "assignedByGroup");
            if (!group.isEmpty()) {
                inherited.merge(skus.partNumber(text(state, "skuId")), groupNames.getOrDefault(group, group),
                        (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        boolean enabled = !user.path("accountEnabled").isBoolean() || user.path("accountEnabled").asBoolean();
        return new DirectoryUser(tenant, text(user, "userPrincipalName"), attributes, enabled, licenses, roles,
                disabled, inherited);
    }

    /**
     * The customer's GDAP relationships with the roles by name. Graph's statuses are folded into the three the
     * rules know; one not yet in force (created, approval pending, activating) grants nothing and is left out.
     */
    static List<GdapRelationship> relationships(String tenant, List<JsonNode> relationships,
            Map<String, String> roleNames) {
        List<GdapRelationship> read = new ArrayList<>();
        for (JsonNode relationship : relationships) {
            String status = switch (text(relationship, "status")) {
                case "active", "expiring" -> "active";
                case "expired" -> "expired";
                case "terminated", "terminating", "terminationRequested" -> "terminated";
                default -> null;
            };
            if (status == null) {
                continue;
            }
            List<String> roles = new ArrayList<>();
            relationship.path("accessDetails").path("unifiedRoles").forEach(role -> roles.add(roleNames
                    .getOrDefault(text(role, "roleDefinitionId"), text(role, "roleDefinitionId"))));
            String end = text(relationship, "endDateTime");
            read.add(new GdapRelationship(tenant, text(relationship, "id"), status,
                    end.isEmpty() ? null : java.time.OffsetDateTime.parse(end).toInstant(), roles));
        }
        return read;
    }
}
