package com.partnerops.reconcile.graph;

import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.Names;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store's copy of a user of a live tenant, set to what the tenant holds after apply's calls: planning the same
 * files again then plans nothing, and a fresh live read agrees. Replaced whole rather than changed by the applied
 * changes, because after an interrupted apply the tenant holds changes the rolled-back store copy does not. Joins
 * the chunk's transaction, so it commits with the user's apply rows.
 */
final class StoreCopy {

    private final JdbcTemplate jdbc;

    StoreCopy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void replace(DirectoryUser user) {
        String tenant = user.tenantId();
        String key = Names.key(user.userPrincipalName());
        jdbc.update("UPDATE directory_user SET display_name = ?, given_name = ?, surname = ?, usage_location = ?,"
                + " job_title = ?, department = ? WHERE tenant_id = ? AND upn_key = ?",
                value(user, com.partnerops.reconcile.domain.UserAttribute.DISPLAY_NAME),
                value(user, com.partnerops.reconcile.domain.UserAttribute.GIVEN_NAME),
                value(user, com.partnerops.reconcile.domain.UserAttribute.SURNAME),
                value(user, com.partnerops.reconcile.domain.UserAttribute.USAGE_LOCATION),
                value(user, com.partnerops.reconcile.domain.UserAttribute.JOB_TITLE),
                value(user, com.partnerops.reconcile.domain.UserAttribute.DEPARTMENT), tenant, key);
        jdbc.update("DELETE FROM user_license WHERE tenant_id = ? AND upn_key = ?", tenant, key);
        jdbc.update("DELETE FROM user_role WHERE tenant_id = ? AND upn_key = ?", tenant, key);
        List<Object[]> licenses = new ArrayList<>();
        for (String sku : user.licenses()) {
            licenses.add(new Object[] {tenant, key, sku, String.join(";", user.disabledPlansOf(sku)),
                    user.groupOf(sku).orElse(null)});
        }
        jdbc.batchUpdate("INSERT INTO user_license (tenant_id, upn_key, sku, disabled_plans, assigned_by_group)"
                + " VALUES (?, ?, ?, ?, ?)", licenses);
        jdbc.batchUpdate("INSERT INTO user_role (tenant_id, upn_key, role) VALUES (?, ?, ?)",
                user.roles().stream().map(role -> new Object[] {tenant, key, role}).toList());
    }

    /** As an import stores it: an empty value as "". */
    private static String value(DirectoryUser user, com.partnerops.reconcile.domain.UserAttribute attribute) {
        return user.attribute(attribute);
    }
}
