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

    private static final List<String> USER_KEY = List.of("tenant_id", "upn_key");

    private final NamedParameterJdbcTemplate named;
    private final KeyedReads keyed;

    public CustomerStates(JdbcTemplate jdbc, KeyedReads keyed) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.keyed = keyed;
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
        NamedUserRows namedRows = new NamedUserRows(namedUsers);
        named.query("SELECT tenant_id, upn_key, sku, disabled_plans, assigned_by_group FROM user_license"
                + " WHERE tenant_id IN (:tenants)", tenants, rs -> {
                    String tenant = rs.getString("tenant_id");
                    String sku = rs.getString("sku");
                    assigned.computeIfAbsent(tenant, t -> new HashMap<>()).merge(sku, 1, Integer::sum);
                    UserRows user = namedRows.of(tenant, rs.getString("upn_key"));
                    if (user != null) {
                        user.license(sku, PlannedChange.splitList(rs.getString("disabled_plans")),
                                rs.getString("assigned_by_group"));
                    }
                });
        forEachUserRow("SELECT tenant_id, upn_key, role FROM user_role", namedUsers, byKey, rs -> {
            UserRows user = namedRows.of(rs.getString("tenant_id"), rs.getString("upn_key"));
            if (user != null) {
                user.roles.add(rs.getString("role"));
            }
        });
        Map<String, Map<String, DirectoryUser>> users = new HashMap<>();
        forEachUserRow("SELECT * FROM directory_user", namedUsers, byKey, rs -> {
            String tenant = rs.getString("tenant_id");
            String key = rs.getString("upn_key");
            UserRows user = namedRows.of(tenant, key);
            if (user != null) {
                users.computeIfAbsent(tenant, t -> new HashMap<>()).put(key, StoreRows.user(rs, tenant,
                        user.licenses, user.roles, user.disabled, user.inherited));
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
     * named users, by their keys ({@link KeyedReads}: looked up by the primary key).
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
        keyed.query(select + " WHERE ", USER_KEY, keys, "", handler);
    }

    /**
     * Each named user's license and role rows as they are read, found by tenant and key: one look-up per row, where
     * a map per kind of row keyed by a joined string made a new key, and hashed it, several times a row.
     */
    private static final class NamedUserRows {
        private final Map<String, Map<String, UserRows>> byTenant = new HashMap<>();

        NamedUserRows(Map<String, Set<String>> namedUsers) {
            namedUsers.forEach((tenant, keys) -> {
                Map<String, UserRows> users = new HashMap<>(keys.size() * 2);
                keys.forEach(key -> users.put(key, new UserRows()));
                byTenant.put(tenant, users);
            });
        }

        /** The rows gathered for this user, or null for a user not named. */
        UserRows of(String tenant, String key) {
            Map<String, UserRows> users = byTenant.get(tenant);
            return users == null ? null : users.get(key);
        }
    }

    /** One named user's licenses (with their disabled plans and the groups they come from) and roles. */
    private static final class UserRows {
        final Set<String> licenses = new TreeSet<>();
        final Map<String, Set<String>> disabled = new TreeMap<>();
        final Map<String, String> inherited = new TreeMap<>();
        final Set<String> roles = new TreeSet<>();

        void license(String sku, Set<String> disabledPlans, String assignedByGroup) {
            licenses.add(sku);
            disabled.put(sku, disabledPlans);
            if (assignedByGroup != null) {
                inherited.put(sku, assignedByGroup);
            }
        }
    }
}
