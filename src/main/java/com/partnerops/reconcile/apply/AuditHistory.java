package com.partnerops.reconcile.apply;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the audit log back: the changes applied, newest first, narrowed to a customer, a user or a plan. */
@Component
public class AuditHistory {

    /** One applied change as the audit log holds it. */
    public record Entry(OffsetDateTime appliedAt, String appliedBy, String planId, String tenantId,
            String customerName, String userPrincipalName, String change, String target, String before,
            String after, String gdapRelationshipId) {
    }

    private final JdbcTemplate jdbc;

    public AuditHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param tenantId null for every customer
     * @param userPrincipalName null for every user; matched case-insensitively
     * @param planId null for every plan
     * @param limit at most this many entries, the newest
     */
    public List<Entry> find(String tenantId, String userPrincipalName, String planId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT a.*, c.name AS customer_name FROM audit_log a"
                + " LEFT JOIN customer c ON c.tenant_id = a.tenant_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (tenantId != null) {
            sql.append(" AND a.tenant_id = ?");
            args.add(tenantId);
        }
        if (userPrincipalName != null) {
            sql.append(" AND LOWER(a.upn) = ?");
            args.add(userPrincipalName.strip().toLowerCase(Locale.ROOT));
        }
        if (planId != null) {
            sql.append(" AND a.plan_id = ?");
            args.add(planId);
        }
        sql.append(" ORDER BY a.applied_at DESC, a.audit_id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new Entry(rs.getObject("applied_at", OffsetDateTime.class),
                rs.getString("applied_by"), rs.getString("plan_id"), rs.getString("tenant_id"),
                rs.getString("customer_name"), rs.getString("upn"), rs.getString("change_kind"),
                rs.getString("target"), rs.getString("before_value"), rs.getString("after_value"),
                rs.getString("gdap_relationship_id")), args.toArray());
    }
}
