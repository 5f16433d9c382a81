package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.ChangeOutcome;
import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.CustomerContext;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.domain.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedded store as a {@link Directory}: current state in HSQLDB tables that {@code import-state} loads and
 * {@code apply} changes. Every write joins the caller's transaction, so an apply chunk and its changes commit
 * together.
 */
@Component
public class StoreDirectory implements Directory {

    /** A tenant id first, then a primary domain, then an exact name; a rank whose match is not unique is passed. */
    private static final String FIND_CUSTOMER = "SELECT 1 AS match_rank, tenant_id, domain, name FROM customer"
            + " WHERE tenant_key = ? UNION ALL SELECT 2, tenant_id, domain, name FROM customer WHERE domain_key = ?"
            + " UNION ALL SELECT 3, tenant_id, domain, name FROM customer WHERE name_key = ?";

    private static final List<String> UPN_KEY = List.of("upn_key");

    private final JdbcTemplate jdbc;
    private final KeyedReads keyed;
    private final CustomerStates states;

    public StoreDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.keyed = new KeyedReads(jdbc);
        this.states = new CustomerStates(jdbc, keyed);
    }

    @Override
    public Optional<Customer> findCustomer(String reference) {
        String key = Names.key(reference);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        // The three look-ups in one statement (each on its own index): a plan resolves every distinct reference of
        // its files, and preparing the statement cost more than running it.
        Map<Integer, List<Customer>> byRank = new TreeMap<>();
        jdbc.query(FIND_CUSTOMER, rs -> {
            byRank.computeIfAbsent(rs.getInt("match_rank"), rank -> new ArrayList<>()).add(StoreRows.customer(rs));
        }, key, key, key);
        return CustomerIndex.firstUnique(byRank.values());
    }

    /** Every customer read once, into memory: one entry per customer and way of naming it. */
    @Override
    public Function<String, Optional<Customer>> customerFinder() {
        CustomerIndex index = new CustomerIndex();
        jdbc.query("SELECT tenant_id, domain, name, tenant_key, domain_key, name_key FROM customer", rs -> {
            index.add(StoreRows.customer(rs), rs.getString("tenant_key"), rs.getString("domain_key"),
                    rs.getString("name_key"));
        });
        return index;
    }

    @Override
    public Optional<CustomerContext> loadCustomer(String tenantId) {
        List<Customer> customer = jdbc.query("SELECT tenant_id, domain, name FROM customer WHERE tenant_id = ?",
                (rs, n) -> StoreRows.customer(rs), tenantId);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        List<Subscription> subscriptions = jdbc.query(
                "SELECT * FROM subscription WHERE tenant_id = ? ORDER BY sku, subscription_id",
                (rs, n) -> StoreRows.subscription(rs), tenantId);
        List<GdapRelationship> relationships = jdbc.query(
                "SELECT * FROM gdap_relationship WHERE tenant_id = ? ORDER BY relationship_id",
                (rs, n) -> StoreRows.relationship(rs), tenantId);
        Map<String, Integer> assigned = new HashMap<>();
        jdbc.query("SELECT sku, COUNT(*) AS holders FROM user_license WHERE tenant_id = ? GROUP BY sku",
                rs -> {
                    assigned.put(rs.getString("sku"), rs.getInt("holders"));
                }, tenantId);
        return Optional.of(new CustomerContext(customer.get(0), subscriptions, relationships, assigned));
    }

    @Override
    public Map<String, DirectoryUser> loadUsers(String tenantId, Collection<String> userPrincipalNames) {
        List<Object[]> keys = userPrincipalNames.stream().map(Names::key).distinct()
                .map(key -> new Object[] {key}).toList();
        Map<String, Set<String>> licenses = new HashMap<>();
        Map<String, Map<String, Set<String>>> disabled = new HashMap<>();
        Map<String, Map<String, String>> inherited = new HashMap<>();
        keyed.query("SELECT upn_key, sku, disabled_plans, assigned_by_group FROM user_license WHERE tenant_id = ?"
                + " AND ", UPN_KEY, keys, "", rs -> {
                    String key = rs.getString("upn_key");
                    licenses.computeIfAbsent(key, k -> new TreeSet<>()).add(rs.getString("sku"));
                    disabled.computeIfAbsent(key, k -> new TreeMap<>())
                            .put(rs.getString("sku"), PlannedChange.splitList(rs.getString("disabled_plans")));
                    if (rs.getString("assigned_by_group") != null) {
                        inherited.computeIfAbsent(key, k -> new TreeMap<>())
                                .put(rs.getString("sku"), rs.getString("assigned_by_group"));
                    }
                }, tenantId);
        Map<String, Set<String>> roles = new HashMap<>();
        keyed.query("SELECT upn_key, role FROM user_role WHERE tenant_id = ? AND ", UPN_KEY, keys, "", rs -> {
            roles.computeIfAbsent(rs.getString("upn_key"), k -> new TreeSet<>()).add(rs.getString("role"));
        }, tenantId);
        Map<String, DirectoryUser> found = new HashMap<>();
        keyed.query("SELECT * FROM directory_user WHERE tenant_id = ? AND ", UPN_KEY, keys, "", rs -> {
            String key = rs.getString("upn_key");
            found.put(key, StoreRows.user(rs, tenantId, licenses.getOrDefault(key, Set.of()),
                    roles.getOrDefault(key, Set.of()), disabled.getOrDefault(key, Map.of()),
                    inherited.getOrDefault(key, Map.of())));
        }, tenantId);
        // in the order asked
        Map<String, DirectoryUser> users = new LinkedHashMap<>();
        keys.forEach(key -> {
            DirectoryUser user = found.get((String) key[0]);
            if (user != null) {
                users.put((String) key[0], user);
            }
        });
        return users;
    }

    /** One query per table for all of them ({@link CustomerStates#loadFew}), the users by their keys. */
    @Override
    public Map<String, CustomerStates.CustomerState> loadCustomers(Map<String, List<String>> userPrincipalNames) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        userPrincipalNames.forEach((tenantId, upns) -> keys.put(tenantId,
                upns.stream().map(Names::key).collect(Collectors.toSet())));
        return states.loadFew(keys);
    }

    /** All or nothing: the caller's transaction holds every statement, so each change is applied or none is. */
    @Override
    public List<ChangeOutcome> apply(DirectoryUser user, List<PlannedChange> changes) {
        return applyAll(List.of(new UserChanges(user, changes))).get(0);
    }

    /**
     * Every user's changes in one JDBC batch per statement ({@link UserWriteBatch}), in the caller's transaction.
     * Users are distinct (one entry each), so no two of them touch the same row; the seats that one frees and
     * another takes are the guard's business, settled before this is called.
     */
    @Override
    public List<List<ChangeOutcome>> applyAll(List<UserChanges> users) {
        UserWriteBatch batch = new UserWriteBatch();
        List<List<ChangeOutcome>> outcomes = new ArrayList<>();
        for (UserChanges user : users) {
            DirectoryUser after = user.user();
            for (PlannedChange change : user.changes()) {
                after = change.applyTo(after);
            }
            batch.add(user.user(), after);
            outcomes.add(user.changes().stream().map(change -> ChangeOutcome.applied()).toList());
        }
        batch.send(jdbc);
        return outcomes;
    }
}
