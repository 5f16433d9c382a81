package com.partnerops.reconcile.graph;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.domain.ChangeOutcome;
import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.CustomerContext;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.state.CustomerSources;
import com.partnerops.reconcile.state.CustomerStates.CustomerState;
import com.partnerops.reconcile.state.Directory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where apply makes each customer's changes, chosen by the store's {@code customer_source}: a customer read live
 * ({@code graph}) is applied through Microsoft Graph, one from a snapshot in the store only, as before. The rules
 * and reports see one {@link Directory} either way. The Graph side is built on first use, so a store-only apply
 * needs none of the live settings.
 */
@Component
public class ApplyDirectories {

    private final Directory store;
    private final CustomerSources sources;
    private final JdbcTemplate jdbc;
    private final ReconcileSettings settings;
    private final ProductCatalog catalog;
    private final Clock clock;
    private GraphDirectory graph;

    /** @param store the store's directory (in tests, one that stands in for it) */
    public ApplyDirectories(Directory store, CustomerSources sources, JdbcTemplate jdbc, ReconcileSettings settings,
            ProductCatalog catalog, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.jdbc = jdbc;
        this.settings = settings;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** "live tenant" or "store only": what the review and the summary say of a customer. */
    public String landing(String tenantId) {
        return landingOf(sources.readFromGraph(tenantId) ? CustomerSources.GRAPH : CustomerSources.SNAPSHOT);
    }

    /** The same, from a customer's {@code customer_source.source} (null when it has none: a snapshot's). */
    public static String landingOf(String source) {
        return CustomerSources.GRAPH.equals(source) ? "live tenant" : "store only";
    }

    /**
     * The directory apply uses: per customer, Graph or the store, looked up once per customer and apply (an import,
     * which could change a customer's source, waits for the store's write lock an apply holds).
     */
    public Directory forApply(String planId) {
        Map<String, Boolean> live = new ConcurrentHashMap<>();
        Predicate<String> readLive = tenantId -> live.computeIfAbsent(tenantId, sources::readFromGraph);
        Function<String, Directory> of = tenantId -> readLive.test(tenantId) ? graph() : store;
        return new Directory() {
            @Override
            public Optional<Customer> findCustomer(String reference) {
                return store.findCustomer(reference);
            }

            @Override
            public Optional<CustomerContext> loadCustomer(String tenantId) {
                return of.apply(tenantId).loadCustomer(tenantId);
            }

            @Override
            public Map<String, DirectoryUser> loadUsers(String tenantId, Collection<String> upns) {
                return of.apply(tenantId).loadUsers(tenantId, upns);
            }

            /** Live customers one by one from Graph, the store's in one read. */
            @Override
            public Map<String, CustomerState> loadCustomers(Map<String, List<String>> upns) {
                Map<String, List<String>> inStore = new LinkedHashMap<>();
                Map<String, CustomerState> states = new LinkedHashMap<>();
                upns.forEach((tenantId, users) -> {
                    if (readLive.test(tenantId)) {
                        states.putAll(graph().loadCustomers(Map.of(tenantId, users)));
                    } else {
                        inStore.put(tenantId, users);
                    }
                });
                states.putAll(store.loadCustomers(inStore));
                return states;
            }

            @Override
            public List<ChangeOutcome> apply(DirectoryUser user, List<PlannedChange> changes) {
                return applyAll(List.of(new UserChanges(user, changes))).get(0);
            }

            /** The users of one customer, as the apply writer sends them; Graph's writes journaled under the plan. */
            @Override
            public List<List<ChangeOutcome>> applyAll(List<UserChanges> users) {
                if (users.isEmpty()) {
                    return List.of();
                }
                String tenantId = users.get(0).user().tenantId();
                return readLive.test(tenantId) ? graph().write(planId, users) : store.applyAll(users);
            }
        };
    }

    /** The store's own directory: the users as imported, whatever their customer's source. */
    public Directory store() {
        return store;
    }

    private synchronized GraphDirectory graph() {
        if (graph == null) {
            ReconcileSettings.Graph live = settings.graph();
            LiveSettings.require(live);
            TokenBroker tokens = new TokenBroker(live, new RefreshTokenStore(Path.of(live.refreshTokenFile()),
                    live.refreshToken()), clock);
            LiveApi api = new LiveApi(live, settings.partnerCenter(), tokens);
            graph = new GraphDirectory(api, catalog, store, new StoreCopy(jdbc), live.partnerTenantId(),
                    new LiveBatchWriter(api, new LiveCallJournal(Path.of(settings.reports()), clock),
                            new WriteBudget(live.writeLimits())),
                    new SaasHandoffs(jdbc));
        }
        return graph;
    }
}
