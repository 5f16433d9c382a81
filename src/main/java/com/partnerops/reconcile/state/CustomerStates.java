package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.CustomerContext;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.domain.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current state of many customers at once, for plan: one query per table for a whole slice of customers
 * (their customer row, subscriptions, GDAP relationships, licenses, roles and users) instead of a handful per
 * customer. Only the users the caller names are built; every license is counted for the seats.
 */
@Component
public class CustomerStates {

    /** A customer's context and the named users that exist, keyed by {@code Names.key} of the UPN. */
    public record CustomerState(CustomerContext context, Map<String, DirectoryUser> users) {
    }

    /** Keeps IN lists well under HSQLDB's statement limits. */
    private static final int KEYS_PER_QUERY = 500;

    private final NamedParameterJdbcTemplate named;

    public CustomerStates(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * @param namedUsers per tenant id, the keys of the users to build (none for a customer whose users are not
     *     read); keep a slice to a few hundred tenants, as it goes into IN lists
     * @return the state of each tenant the store has; a tenant it does not have is left out
     */
    public Map<String, CustomerState> load(Map<String, Set<String>> namedUsers) {
        return load(namedUsers, false);
    }

    /**
     * As {@link #load}, for named users who are few of their customers' (apply's chunk of users): their user and
     * role rows are looked up by key instead of read with every user of their tenants. The license rows are still
     * read whole: they are the seats' counts.
     */
    public Map<String, CustomerState> loadFew(Map<String, Set<String>> namedUsers) {
        return load(namedUsers, true);
    }

    private Map<String, CustomerState> load(Map<String, Set<String>> namedUsers, boolean byKey) {
        if (namedUsers.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource tenants = new MapSqlParameterSource("tenants", List.copyOf(namedUsers.keySet()));
        Map<String, Customer> customers = new HashMap<>();
        named.query("SELECT tenant_id, domain, name FROM customer WHERE tenant_id IN (:tenants)", tenants, rs -> {
            customers.put(rs.getString("tenant_id"), StoreRows.customer(rs));
        });
        Map<String, List<Subscription>> subscriptions = new HashMap<>();
        named.query("SELECT * FROM subscription WHERE tenant_id IN (:tenants) ORDER BY tenant_id, sku,"
                + " subscription_id", tenants, rs -> {
                    subscriptions.computeIfAbsent(rs.getString("tenant_id"), t -> new ArrayList<>())
                            .add(StoreRows.subscription(rs));
                });
        Map<String, List<GdapRelationship>> relationships = new HashMap<>();
        named.query("SELECT * FROM gdap_relationship WHERE tenant_id IN (:tenants) ORDER BY tenant_id,"
                + " relationship_id", tenants, rs -> {
                    relationships.computeIfAbsent(rs.getString("tenant_id"), t -> new ArrayList<>())
                            .add(StoreRows.relationship(rs));
                });
        Map<String, Map<String, Integer>> assigned = new HashMap<>();
        Map<String, Set<String>> licenses = new HashMap<>();
        Map<String, Map<String, Set<String>>> disabled = new HashMap<>();
        Map<String, Map<String, String>> inherited = new HashMap<>();
        named.query("SELECT tenant_id, upn_key, sku, disabled_plans, assigned_by_group FROM user_license"
                + " WHERE tenant_id IN (:tenants)", tenants, rs -> {
                    String tenant = rs.getString("tenant_id");
                    String sku = rs.getString("sku");
                    assigned.computeIfAbsent(tenant, t -> new HashMap<>()).merge(sku, 1, Integer::sum);
                    String key = rs.getString("upn_key");
                    if (isNamed(namedUsers, tenant, key)) {
                        String user = userKey(tenant, key);
                        licenses.computeIfAbsent(user, k -> new TreeSet<>()).add(sku);
                        disabled.computeIfAbsent(user, k -> new TreeMap<>())
                                .put(sku, PlannedChange.splitList(rs.getString("disabled_plans")));
                        if (rs.getString("assigned_by_group") != null) {
                            inherited.computeIfAbsent(user, k -> new TreeMap<>())
                                    .put(sku, rs.getString("assigned_by_group"));
                        }
                    }
                });
        Map<String, Set<String>> roles = new HashMap<>();
        forEachUserRow("SELECT tenant_id, upn_key, role FROM user_role", namedUsers, byKey, rs -> {
            String tenant = rs.getString("tenant_id");
            String key = rs.getString("upn_key");
            if (isNamed(namedUsers, tenant, key)) {
                roles.computeIfAbsent(userKey(tenant, key), k -> new TreeSet<>()).add(rs.getString("role"));
            }
        });
        Map<String, Map<String, DirectoryUser>> users = new HashMap<>();
        forEachUserRow("SELECT * FROM directory_user", namedUsers, byKey, rs -> {
            String tenant = rs.getString("tenant_id");
            String key = rs.getString("upn_key");
            if (isNamed(namedUsers, tenant, key)) {
                String user = userKey(tenant, key);
                users.computeIfAbsent(tenant, t -> new HashMap<>()).put(key, StoreRows.user(rs, tenant,
                        licenses.getOrDefault(user, Set.of()), roles.getOrDefault(user, Set.of()),
                        disabled.getOrDefault(user, Map.of()), inherited.getOrDefault(user, Map.of())));
            }
        });
        Map<String, CustomerState> states = new HashMap<>();
        customers.forEach((tenant, customer) -> states.put(tenant, new CustomerState(
                new CustomerContext(customer, subscriptions.getOrDefault(tenant, List.of()),
                        relationships.getOrDefault(tenant, List.of()), assigned.getOrDefault(tenant, Map.of())),
                users.getOrDefault(tenant, Map.of()))));
        return states;
    }

    /**
     * The rows of {@code select} (a table keyed by tenant and user) of the named users' tenants, or only of the
     * named users, by their keys (a row-value IN over the primary key, which both stores look up by index).
     */
    private void forEachUserRow(String select, Map<String, Set<String>> namedUsers, boolean byKey,
            RowCallbackHandler handler) {
        if (!byKey) {
            named.query(select + " WHERE tenant_id IN (:tenants)",
                    new MapSqlParameterSource("tenants", List.copyOf(namedUsers.keySet())), handler);
            return;
        }
        List<Object[]> keys = new ArrayList<>();
        namedUsers.forEach((tenant, users) -> users.forEach(user -> keys.add(new Object[] {tenant, user})));
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            named.query(select + " WHERE (tenant_id, upn_key) IN (:keys)", new MapSqlParameterSource("keys",
                    keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY))), handler);
        }
    }

    private static boolean isNamed(Map<String, Set<String>> namedUsers, String tenant, String key) {
        Set<String> keys = namedUsers.get(tenant);
        return keys != null && keys.contains(key);
    }

    private static String userKey(String tenant, String key) {
        return tenant + '\n' + key;
    }
}
