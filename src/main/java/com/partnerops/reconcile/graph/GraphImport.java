package com.partnerops.reconcile.graph;

import static com.partnerops.reconcile.graph.LiveJson.text;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.ingest.UnusableInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code import-state --from graph}: the customers from Partner Center (all, or those named), their GDAP
 * relationships from the partner tenant, then each customer read on its own ({@code graph.concurrency} at once)
 * and stored whole in one transaction ({@link LiveStateWriter}). A customer that cannot be read is named with the
 * reason and keeps its previous state; the others go on.
 */
@Component
public class GraphImport {

    private static final Logger LOG = LoggerFactory.getLogger(GraphImport.class);

    private final ReconcileSettings settings;
    private final ProductCatalog catalog;
    private final LiveStateWriter writer;
    private final Clock clock;

    public GraphImport(ReconcileSettings settings, ProductCatalog catalog, LiveStateWriter writer, Clock clock) {
        this.settings = settings;
        this.catalog = catalog;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * @param references tenant ids, domains or exact names; empty for every customer
     * @param progress told (read, total) after each customer
     */
    public GraphImportOutcome run(List<String> references, BiConsumer<Integer, Integer> progress) {
        ReconcileSettings.Graph graph = settings.graph();
        LiveSettings.require(graph);
        TokenBroker tokens = new TokenBroker(graph, new RefreshTokenStore(Path.of(graph.refreshTokenFile()),
                graph.refreshToken()), clock);
        LiveApi api = new LiveApi(graph, settings.partnerCenter(), tokens);
        List<Customer> customers;
        Map<String, List<JsonNode>> relationships = new HashMap<>();
        try {
            customers = select(api.partnerCenterPages("/customers").stream().map(c -> new Customer(
                    text(c.path("companyProfile"), "tenantId").isEmpty() ? text(c, "id")
                            : text(c.path("companyProfile"), "tenantId"),
                    text(c.path("companyProfile"), "domain"), text(c.path("companyProfile"), "companyName")))
                    .toList(), references);
            for (JsonNode r : api.graphPages(graph.partnerTenantId(),
                    "/tenantRelationships/delegatedAdminRelationships")) {
                relationships.computeIfAbsent(text(r.path("customer"), "tenantId"), k -> new ArrayList<>()).add(r);
            }
        } catch (TokenBroker.TokenRefusedException | LiveApi.LiveReadException
                | RefreshTokenStore.MissingSignInException e) {
            throw new LiveReadUnavailableException("the partner tenant could not be read, nothing was imported: "
                    + e.getMessage(), false);
        }
        CustomerReader reader = new CustomerReader(api, catalog);
        List<GraphImportOutcome.NotRefreshed> failed = Collections.synchronizedList(new ArrayList<>());
        int[] stored = new int[4]; // customers, subscriptions, relationships, users: under its own lock
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, graph.concurrency()), runnable -> {
            Thread thread = new Thread(runnable, "live-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (Customer customer : customers) {
                reads.add(pool.submit(() -> {
                    readOne(reader, customer, relationships.getOrDefault(customer.tenantId(), List.of()), stored,
                            failed);
                    progress.accept(done.incrementAndGet(), customers.size());
                }));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading customers", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a customer's read could not be stored: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<GraphImportOutcome.NotRefreshed> sorted = new ArrayList<>(failed);
        sorted.sort(java.util.Comparator.comparing(n -> n.customer().name()));
        synchronized (stored) {
            return new GraphImportOutcome(List.of("customers=" + stored[0], "subscriptions=" + stored[1],
                    "gdap=" + stored[2], "users=" + stored[3]), sorted);
        }
    }

    private void readOne(CustomerReader reader, Customer customer, List<JsonNode> relationships, int[] stored,
            List<GraphImportOutcome.NotRefreshed> failed) {
        Instant readAt = Instant.now(clock);
        String reason;
        if (CustomerReader.relationships(customer.tenantId(), relationships, Map.of()).stream()
                .noneMatch(r -> r.isActiveAt(readAt))) {
            reason = "no active GDAP relationship with the partner";
        } else {
            try {
                ReadCustomer read = reader.read(customer, relationships, readAt);
                writer.store(read);
                synchronized (stored) {
                    stored[0]++;
                    stored[1] += read.subscriptions().size();
                    stored[2] += read.relationships().size();
                    stored[3] += read.users().size();
                }
                LOG.debug("import-state: {} ({}) read and stored", customer.name(), customer.tenantId());
                return;
            } catch (TokenBroker.TokenRefusedException | LiveApi.LiveReadException e) {
                reason = e.getMessage();
            }
        }
        failed.add(new GraphImportOutcome.NotRefreshed(customer, reason));
        writer.markNotRefreshed(customer.tenantId(), reason, readAt);
    }

    /** Every customer, or those the references name (each must name one). */
    private static List<Customer> select(List<Customer> all, List<String> references) {
        if (references.isEmpty()) {
            return all;
        }
        List<Customer> chosen = new ArrayList<>();
        for (String reference : references) {
            String key = Names.key(reference);
            Customer found = all.stream().filter(c -> Stream.of(c.tenantId(), c.domain(), c.name())
                    .anyMatch(name -> Names.key(name).equals(key))).findFirst()
                    .orElseThrow(() -> new UnusableInputException("customer", null, 0, null, "'" + reference
                            + "' is not among the partner's customers in Partner Center (tenant id, domain or name)"));
            if (!chosen.contains(found)) {
                chosen.add(found);
            }
        }
        return chosen;
    }
}
