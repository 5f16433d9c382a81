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
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A customer tenant through Microsoft Graph, as apply sees it: seats, subscriptions and GDAP read live (never the
 * imported copy), users re-read live in {@code $batch}es, changes made by {@link LiveCalls} in {@code $batch}es
 * ({@link LiveBatchWriter}). After a failed call the user's later calls are not sent; the calls made stay made.
 * The store's copy of the user is then set to what the tenant holds ({@link StoreCopy}).
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
    /** Per tenant, its marketplace SaaS offers by offer id (lower case), from Partner Center's live answer. */
    private final Map<String, Map<String, SaasHandoffs.Offer>> offers = new ConcurrentHashMap<>();
    private final LiveBatchWriter batches;
    private final SaasHandoffs handoffs;
    private volatile Map<String, List<JsonNode>> relationships;

    GraphDirectory(LiveApi api, ProductCatalog catalog, Directory store, StoreCopy copy, String partnerTenant,
            LiveBatchWriter batches, SaasHandoffs handoffs) {
        this.api = api;
        this.batches = batches;
        this.handoffs = handoffs;
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
    public Function<String, Optional<Customer>> customerFinder() {
        return store.customerFinder();
    }

    @Override
    public Optional<CustomerContext> loadCustomer(String tenantId) {
        Optional<Customer> customer = store.findCustomer(tenantId);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        TenantSkus tenantSkus = new TenantSkus(api.graphPages(tenantId, "/subscribedSkus"), catalog);
        skus.put(tenantId, tenantSkus);
        List<JsonNode> commerce = api.partnerCenterPages("/customers/" + tenantId + "/subscriptions");
        offers.put(tenantId, SubscriptionMapping.saasOffers(commerce));
        List<Subscription> subscriptions = SubscriptionMapping.map(tenantId, tenantSkus,
                api.graphPages(tenantId, "/directory/subscriptions"), commerce);
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

    /** Graph's writes are journaled under their plan: apply makes them through {@link #write}. */
    @Override
    public List<ChangeOutcome> apply(DirectoryUser user, List<PlannedChange> changes) {
        throw new UnsupportedOperationException("Graph writes are journaled per plan: use write(planId, users)");
    }

    /**
     * The users' calls in {@code $batch}es ({@link LiveBatchWriter}); SaaS seats handed off, not sent. A user whose
     * changes take a seat that a user before them in the same round frees starts a new round, so Graph has made
     * the freeing call before it sees the taking one.
     *
     * @param users of one customer; their calls are journaled under {@code planId}
     */
    List<List<ChangeOutcome>> write(String planId, List<UserChanges> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        String tenant = users.get(0).user().tenantId();
        Map<String, String> roleIds = new HashMap<>();
        roleNames(tenant).forEach((id, name) -> roleIds.putIfAbsent(name, id));
        List<ChangeOutcome[]> outcomes = new ArrayList<>();
        List<List<LiveCalls.Call>> callsOf = new ArrayList<>();
        List<List<LiveBatchWriter.Chain>> rounds = new ArrayList<>();
        Set<String> freedInRound = new HashSet<>();
        for (UserChanges user : users) {
            DirectoryUser directoryUser = user.user();
            LiveUserReader.LiveUser live = this.users.remove(tenant + " " + Names.key(directoryUser
                    .userPrincipalName()));
            if (live == null) {
                throw new IllegalStateException("apply before the user was read live: "
                        + directoryUser.userPrincipalName());
            }
            ChangeOutcome[] userOutcomes = new ChangeOutcome[user.changes().size()];
            for (int i = 0; i < user.changes().size(); i++) {
                PlannedChange change = user.changes().get(i);
                if (SaasHandoffs.isSaas(change)) {
                    userOutcomes[i] = handoffs.handOff(planId, tenant, directoryUser.userPrincipalName(), change,
                            offers.getOrDefault(tenant, Map.of()).getOrDefault(change.target().toLowerCase(
                                    java.util.Locale.ROOT), new SaasHandoffs.Offer(change.target(),
                                            SubscriptionMapping.publisherOf(change.target(), null))));
                }
            }
            outcomes.add(userOutcomes);
            List<LiveCalls.Call> calls = LiveCalls.of(live, user.changes(), skus.get(tenant), roleIds);
            callsOf.add(calls);
            boolean takesFreed = user.changes().stream().anyMatch(c -> c.kind().takesSeat()
                    && freedInRound.contains(c.target()));
            if (rounds.isEmpty() || takesFreed) {
                rounds.add(new ArrayList<>());
                freedInRound.clear();
            }
            user.changes().stream().filter(c -> c.kind().freesSeat()).forEach(c -> freedInRound.add(c.target()));
            rounds.get(rounds.size() - 1).add(new LiveBatchWriter.Chain(Names.key(directoryUser.userPrincipalName()),
                    calls));
        }
        List<LiveApi.Reply[]> replies = batches.send(planId, tenant, rounds);
        List<List<ChangeOutcome>> result = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            result.add(outcomes(users.get(u), callsOf.get(u), replies.get(u), outcomes.get(u)));
        }
        return result;
    }

    /** What each change became, from its call's answer; the store's copy set to what the tenant now holds. */
    private List<ChangeOutcome> outcomes(UserChanges user, List<LiveCalls.Call> calls, LiveApi.Reply[] replies,
            ChangeOutcome[] outcomes) {
        List<PlannedChange> changes = user.changes();
        DirectoryUser after = user.user();
        int failedChange = -1;
        for (int k = 0; k < calls.size(); k++) {
            LiveCalls.Call call = calls.get(k);
            LiveApi.Reply reply = replies[k];
            if (reply == null && failedChange < 0) {
                throw new IllegalStateException("no answer for " + call.describe() + " and no failed call before it");
            }
            if (reply == null || failedChange >= 0) {
                ChangeOutcome skipped = ChangeOutcome.skipped(changes.get(failedChange), outcomes[failedChange]);
                call.changes().forEach(i -> outcomes[i] = skipped);
            } else if (reply.succeeded()) {
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
