package com.partnerops.reconcile.graph;

import static com.partnerops.reconcile.graph.LiveJson.text;

import com.partnerops.reconcile.domain.ChangeKind;
import com.partnerops.reconcile.domain.ChangeOutcome;
import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.CustomerContext;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.state.Directory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * A customer tenant through Microsoft Graph, as apply sees it: seats, subscriptions and GDAP read live (never the
 * imported copy), users re-read live in {@code $batch}es, changes made by {@link LiveCalls}. After a failed call
 * the user's later calls are not sent; the calls made stay made. The store's copy of the user is then set to what
 * the tenant holds ({@link StoreCopy}).
 */
final class GraphDirectory implements Directory {

    private final LiveApi api;
    private final ProductCatalog catalog;
    private final Directory store;
    private final StoreCopy copy;
    private final String partnerTenant;
    private final LiveUserReader reader;
    private final Map<String, TenantSkus> skus = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> roleNames = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> groupNames = new ConcurrentHashMap<>();
    private final Map<String, LiveUserReader.LiveUser> users = new ConcurrentHashMap<>();
    private volatile Map<String, List<JsonNode>> relationships;

    GraphDirectory(LiveApi api, ProductCatalog catalog, Directory store, StoreCopy copy, String partnerTenant) {
        this.api = api;
        this.catalog = catalog;
        this.store = store;
        this.copy = copy;
        this.partnerTenant = partnerTenant;
        this.reader = new LiveUserReader(api);
    }

    @Override
    public Optional<Customer> findCustomer(String reference) {
        return store.findCustomer(reference);
    }

    @Override
    public Optional<CustomerContext> loadCustomer(String tenantId) {
        Optional<Customer> customer = store.findCustomer(tenantId);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        TenantSkus tenantSkus = new TenantSkus(api.graphPages(tenantId, "/subscribedSkus"), catalog);
        skus.put(tenantId, tenantSkus);
        List<Subscription> subscriptions = SubscriptionMapping.map(tenantId, tenantSkus,
                api.graphPages(tenantId, "/directory/subscriptions"),
                api.partnerCenterPages("/customers/" + tenantId + "/subscriptions"));
        var gdap = CustomerReader.relationships(tenantId, relationships().getOrDefault(tenantId, List.of()),
                roleNames(tenantId));
        return Optional.of(new CustomerContext(customer.get(), subscriptions, gdap, tenantSkus.consumed()));
    }

    /** The partner's GDAP relationships, read once per apply from the partner tenant. */
    private Map<String, List<JsonNode>> relationships() {
        if (relationships == null) {
            synchronized (this) {
                if (relationships == null) {
                    Map<String, List<JsonNode>> read = new HashMap<>();
                    for (JsonNode r : api.graphPages(partnerTenant,
                            "/tenantRelationships/delegatedAdminRelationships")) {
                        read.computeIfAbsent(text(r.path("customer"), "tenantId"), k -> new ArrayList<>()).add(r);
                    }
                    relationships = read;
                }
            }
        }
        return relationships;
    }

    /** Role definition ids and template ids to display names; read once per tenant and apply. */
    private Map<String, String> roleNames(String tenantId) {
        return roleNames.computeIfAbsent(tenantId, tenant -> {
            Map<String, String> names = new HashMap<>();
            for (JsonNode definition : api.graphPages(tenant, "/roleManagement/directory/roleDefinitions")) {
                names.put(text(definition, "id"), text(definition, "displayName"));
                names.put(text(definition, "templateId"), text(definition, "displayName"));
            }
            return names;
        });
    }

    @Override
    public Map<String, DirectoryUser> loadUsers(String tenantId, Collection<String> userPrincipalNames) {
        TenantSkus tenantSkus = skus.computeIfAbsent(tenantId, tenant -> new TenantSkus(
                api.graphPages(tenant, "/subscribedSkus"), catalog));
        Map<String, String> groups = groupNames.computeIfAbsent(tenantId, tenant -> new ConcurrentHashMap<>());
        Map<String, LiveUserReader.LiveUser> read = reader.read(tenantId, List.copyOf(userPrincipalNames), tenantSkus,
                roleNames(tenantId), new GroupNames(api, tenantId, groups));
        Map<String, DirectoryUser> found = new HashMap<>();
        read.forEach((key, live) -> {
            users.put(tenantId + " " + key, live);
            found.put(key, live.user());
        });
        return found;
    }

    @Override
    public List<ChangeOutcome> apply(DirectoryUser user, List<PlannedChange> changes) {
        String tenant = user.tenantId();
        LiveUserReader.LiveUser live = users.remove(tenant + " " + Names.key(user.userPrincipalName()));
        if (live == null) {
            throw new IllegalStateException("apply before the user was read live: " + user.userPrincipalName());
        }
        ChangeOutcome[] outcomes = new ChangeOutcome[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            ChangeKind kind = changes.get(i).kind();
            if (kind == ChangeKind.ASSIGN_SAAS_SEAT || kind == ChangeKind.REMOVE_SAAS_SEAT) {
                outcomes[i] = ChangeOutcome.failed(null, "marketplace SaaS seats are assigned in the publisher's"
                        + " portal, not through Graph: nothing was sent; make this change there");
            }
        }
        Map<String, String> roleIds = new HashMap<>();
        roleNames(tenant).forEach((id, name) -> roleIds.putIfAbsent(name, id));
        DirectoryUser after = user;
        int failedChange = -1;
        for (LiveCalls.Call call : LiveCalls.of(live, changes, skus.get(tenant), roleIds)) {
            if (failedChange >= 0) {
                ChangeOutcome skipped = ChangeOutcome.skipped(changes.get(failedChange), outcomes[failedChange]);
                call.changes().forEach(i -> outcomes[i] = skipped);
                continue;
            }
            LiveApi.Reply reply = api.send(tenant, call.method(), call.path(), call.body());
            if (reply.succeeded()) {
                for (int i : call.changes()) {
                    outcomes[i] = ChangeOutcome.applied();
                    after = changes.get(i).applyTo(after);
                }
            } else {
                ChangeOutcome failed = GraphErrors.outcome(call, reply);
                call.changes().forEach(i -> outcomes[i] = failed);
                failedChange = call.changes().get(0);
            }
        }
        copy.replace(after);
        return Arrays.asList(outcomes);
    }

    /** A group's display name, read when a user's license is first seen inherited from it. */
    private record GroupNames(LiveApi api, String tenant, Map<String, String> known)
            implements java.util.function.Function<String, String> {
        @Override
        public String apply(String id) {
            return known.computeIfAbsent(id, group -> {
                JsonNode read = api.graphObject(tenant, "/groups/" + group + "?$select=id,displayName");
                return text(read, "displayName").isEmpty() ? group : text(read, "displayName");
            });
        }
    }
}
