package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.ChangeOutcome;
import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.CustomerContext;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.domain.Program;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.domain.SubscriptionKind;
import com.partnerops.reconcile.domain.SubscriptionStatus;
import com.partnerops.reconcile.domain.UserAttribute;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedded store as a {@link Directory}: current state in HSQLDB tables that {@code import-state} loads and
 * {@code apply} changes. Every write joins the caller's transaction, so an apply chunk and its changes commit
 * together.
 */
@Component
public class StoreDirectory implements Directory {

    /** Keeps IN lists well under HSQLDB's statement limits. */
    private static final int IN_LIST = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public StoreDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public Optional<Customer> findCustomer(String reference) {
        String key = Names.key(reference);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (String column : List.of("tenant_key", "domain_key", "name_key")) {
            List<Customer> found = jdbc.query("SELECT tenant_id, domain, name FROM customer WHERE " + column
                    + " = ? ORDER BY tenant_id", (rs, n) -> customer(rs), key);
            if (found.size() == 1) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    private static Customer customer(ResultSet rs) throws SQLException {
        return new Customer(rs.getString("tenant_id"), rs.getString("domain"), rs.getString("name"));
    }

    @Override
    public Optional<CustomerContext> loadCustomer(String tenantId) {
        List<Customer> customer = jdbc.query("SELECT tenant_id, domain, name FROM customer WHERE tenant_id = ?",
                (rs, n) -> customer(rs), tenantId);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        List<Subscription> subscriptions = jdbc.query(
                "SELECT * FROM subscription WHERE tenant_id = ? ORDER BY sku, subscription_id",
                (rs, n) -> new Subscription(rs.getString("tenant_id"), rs.getString("subscription_id"),
                        rs.getString("sku"), rs.getString("product_name"),
                        SubscriptionKind.valueOf(rs.getString("kind")), Program.valueOf(rs.getString("program")),
                        rs.getInt("quantity"), SubscriptionStatus.valueOf(rs.getString("status")),
                        SubscriptionColumns.date(rs, "commitment_start"), SubscriptionColumns.date(rs, "term_end"),
                        rs.getString("assigned_display"), SubscriptionColumns.refundable(rs)),
                tenantId);
        List<GdapRelationship> relationships = jdbc.query(
                "SELECT * FROM gdap_relationship WHERE tenant_id = ? ORDER BY relationship_id",
                (rs, n) -> {
                    OffsetDateTime end = rs.getObject("end_date_time", OffsetDateTime.class);
                    return new GdapRelationship(rs.getString("tenant_id"), rs.getString("relationship_id"),
                            rs.getString("status"), end == null ? null : end.toInstant(),
                            PlannedChange.splitList(rs.getString("roles")).stream().toList());
                },
                tenantId);
        Map<String, Integer> assigned = new HashMap<>();
        jdbc.query("SELECT sku, COUNT(*) AS holders FROM user_license WHERE tenant_id = ? GROUP BY sku",
                rs -> {
                    assigned.put(rs.getString("sku"), rs.getInt("holders"));
                }, tenantId);
        return Optional.of(new CustomerContext(customer.get(0), subscriptions, relationships, assigned));
    }

    @Override
    public Map<String, DirectoryUser> loadUsers(String tenantId, Collection<String> userPrincipalNames) {
        List<String> keys = userPrincipalNames.stream().map(Names::key).distinct().toList();
        Map<String, DirectoryUser> users = new LinkedHashMap<>();
        for (int from = 0; from < keys.size(); from += IN_LIST) {
            users.putAll(loadUserBatch(tenantId, keys.subList(from, Math.min(keys.size(), from + IN_LIST))));
        }
        return users;
    }

    private Map<String, DirectoryUser> loadUserBatch(String tenantId, List<String> keys) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenant", tenantId).addValue("keys", keys);
        Map<String, Set<String>> licenses = new HashMap<>();
        Map<String, Map<String, Set<String>>> disabled = new HashMap<>();
        Map<String, Map<String, String>> inherited = new HashMap<>();
        named.query("SELECT upn_key, sku, disabled_plans, assigned_by_group FROM user_license"
                + " WHERE tenant_id = :tenant AND upn_key IN (:keys)", params, rs -> {
                    String key = rs.getString("upn_key");
                    licenses.computeIfAbsent(key, k -> new TreeSet<>()).add(rs.getString("sku"));
                    disabled.computeIfAbsent(key, k -> new TreeMap<>())
                            .put(rs.getString("sku"), PlannedChange.splitList(rs.getString("disabled_plans")));
                    if (rs.getString("assigned_by_group") != null) {
                        inherited.computeIfAbsent(key, k -> new TreeMap<>())
                                .put(rs.getString("sku"), rs.getString("assigned_by_group"));
                    }
                });
        Map<String, Set<String>> roles = new HashMap<>();
        named.query("SELECT upn_key, role FROM user_role WHERE tenant_id = :tenant AND upn_key IN (:keys)", params,
                rs -> {
                    roles.computeIfAbsent(rs.getString("upn_key"), k -> new TreeSet<>()).add(rs.getString("role"));
                });
        Map<String, DirectoryUser> users = new HashMap<>();
        named.query("SELECT * FROM directory_user WHERE tenant_id = :tenant AND upn_key IN (:keys)", params, rs -> {
            String key = rs.getString("upn_key");
            Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
            for (UserAttribute attribute : UserAttribute.values()) {
                attributes.put(attribute, rs.getString(column(attribute)));
            }
            users.put(key, new DirectoryUser(tenantId, rs.getString("upn"), attributes,
                    rs.getBoolean("account_enabled"), licenses.getOrDefault(key, Set.of()),
                    roles.getOrDefault(key, Set.of()), disabled.getOrDefault(key, Map.of()),
                    inherited.getOrDefault(key, Map.of())));
        });
        return users;
    }

    private static String column(UserAttribute attribute) {
        return switch (attribute) {
            case DISPLAY_NAME -> "display_name";
            case GIVEN_NAME -> "given_name";
            case SURNAME -> "surname";
            case JOB_TITLE -> "job_title";
            case DEPARTMENT -> "department";
            case USAGE_LOCATION -> "usage_location";
        };
    }

    /** All or nothing: the caller's transaction holds every statement, so each change is applied or none is. */
    @Override
    public List<ChangeOutcome> apply(DirectoryUser user, List<PlannedChange> changes) {
        DirectoryUser after = user;
        for (PlannedChange change : changes) {
            after = change.applyTo(after);
        }
        String tenant = user.tenantId();
        String key = Names.key(user.userPrincipalName());
        if (!after.attributes().equals(user.attributes())) {
            StringBuilder sql = new StringBuilder("UPDATE directory_user SET ");
            List<Object> args = new ArrayList<>();
            for (UserAttribute attribute : UserAttribute.values()) {
                sql.append(args.isEmpty() ? "" : ", ").append(column(attribute)).append(" = ?");
                args.add(after.attribute(attribute));
            }
            sql.append(" WHERE tenant_id = ? AND upn_key = ?");
            args.addAll(List.of(tenant, key));
            jdbc.update(sql.toString(), args.toArray());
        }
        for (String sku : minus(user.licenses(), after.licenses())) {
            jdbc.update("DELETE FROM user_license WHERE tenant_id = ? AND upn_key = ? AND sku = ?", tenant, key, sku);
        }
        for (String sku : after.licenses()) {
            String off = String.join(";", after.disabledPlansOf(sku));
            if (!user.licenses().contains(sku)) {
                jdbc.update("INSERT INTO user_license (tenant_id, upn_key, sku, disabled_plans) VALUES (?, ?, ?, ?)",
                        tenant, key, sku, off);
            } else if (!after.disabledPlansOf(sku).equals(user.disabledPlansOf(sku))) {
                jdbc.update("UPDATE user_license SET disabled_plans = ? WHERE tenant_id = ? AND upn_key = ? AND sku = ?",
                        off, tenant, key, sku);
            }
        }
        for (String role : minus(user.roles(), after.roles())) {
            jdbc.update("DELETE FROM user_role WHERE tenant_id = ? AND upn_key = ? AND role = ?", tenant, key, role);
        }
        for (String role : minus(after.roles(), user.roles())) {
            jdbc.update("INSERT INTO user_role (tenant_id, upn_key, role) VALUES (?, ?, ?)", tenant, key, role);
        }
        return changes.stream().map(change -> ChangeOutcome.applied()).toList();
    }

    private static Set<String> minus(Set<String> from, Set<String> taken) {
        Set<String> rest = new HashSet<>(from);
        rest.removeAll(taken);
        return rest;
    }
}
