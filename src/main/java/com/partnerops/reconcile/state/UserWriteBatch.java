package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.UserAttribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store writes that take many users from their state before to their state after: gathered user by user, sent
 * as one JDBC batch per statement. Each statement touches only its own user's rows, so the batches' order among
 * users does not matter; removals go before additions all the same.
 */
final class UserWriteBatch {

    private static final String UPDATE_ATTRIBUTES = "UPDATE directory_user SET "
            + Arrays.stream(UserAttribute.values()).map(a -> StoreRows.column(a) + " = ?")
                    .collect(Collectors.joining(", "))
            + " WHERE tenant_id = ? AND upn_key = ?";

    private final List<String[]> attributes = new ArrayList<>();
    private final List<String[]> licensesRemoved = new ArrayList<>();
    private final List<String[]> licensesAdded = new ArrayList<>();
    private final List<String[]> plansChanged = new ArrayList<>();
    private final List<String[]> rolesRemoved = new ArrayList<>();
    private final List<String[]> rolesAdded = new ArrayList<>();

    void add(DirectoryUser before, DirectoryUser after) {
        String tenant = before.tenantId();
        String key = Names.key(before.userPrincipalName());
        if (!after.attributes().equals(before.attributes())) {
            UserAttribute[] all = UserAttribute.values();
            String[] args = new String[all.length + 2];
            for (int i = 0; i < all.length; i++) {
                args[i] = after.attribute(all[i]);
            }
            args[all.length] = tenant;
            args[all.length + 1] = key;
            attributes.add(args);
        }
        for (String sku : minus(before.licenses(), after.licenses())) {
            licensesRemoved.add(new String[] {tenant, key, sku});
        }
        for (String sku : after.licenses()) {
            String off = String.join(";", after.disabledPlansOf(sku));
            if (!before.licenses().contains(sku)) {
                licensesAdded.add(new String[] {tenant, key, sku, off});
            } else if (!after.disabledPlansOf(sku).equals(before.disabledPlansOf(sku))) {
                plansChanged.add(new String[] {off, tenant, key, sku});
            }
        }
        for (String role : minus(before.roles(), after.roles())) {
            rolesRemoved.add(new String[] {tenant, key, role});
        }
        for (String role : minus(after.roles(), before.roles())) {
            rolesAdded.add(new String[] {tenant, key, role});
        }
    }

    void send(JdbcTemplate jdbc) {
        StoreRows.sendText(jdbc, UPDATE_ATTRIBUTES, attributes);
        StoreRows.sendText(jdbc, "DELETE FROM user_license WHERE tenant_id = ? AND upn_key = ? AND sku = ?",
                licensesRemoved);
        StoreRows.sendText(jdbc, "INSERT INTO user_license (tenant_id, upn_key, sku, disabled_plans)"
                + " VALUES (?, ?, ?, ?)", licensesAdded);
        StoreRows.sendText(jdbc, "UPDATE user_license SET disabled_plans = ? WHERE tenant_id = ? AND upn_key = ?"
                + " AND sku = ?", plansChanged);
        StoreRows.sendText(jdbc, "DELETE FROM user_role WHERE tenant_id = ? AND upn_key = ? AND role = ?",
                rolesRemoved);
        StoreRows.sendText(jdbc, "INSERT INTO user_role (tenant_id, upn_key, role) VALUES (?, ?, ?)", rolesAdded);
    }

    private static Set<String> minus(Set<String> from, Set<String> taken) {
        Set<String> rest = new HashSet<>(from);
        rest.removeAll(taken);
        return rest;
    }
}
