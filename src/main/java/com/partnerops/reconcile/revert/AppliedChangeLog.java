package com.partnerops.reconcile.revert;

import com.partnerops.reconcile.domain.AppliedChanges;
import com.partnerops.reconcile.domain.ChangeKind;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.plan.PlanStore;
import com.partnerops.reconcile.plan.RevertOrigin;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a plan applied, read back from the audit log for a revert: the audit holds only what was applied (a plan
 * applied in part is reverted in part), with each change's value before it.
 */
@Component
public class AppliedChangeLog {

    /** What the plan applied to one user, and the number of the desired row it came from, for the revert's rows. */
    public record AuditedUser(AppliedChanges changes, long desiredRowSeq) {
    }

    private final NamedParameterJdbcTemplate named;

    public AppliedChangeLog(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * When and by whom the plan's changes in this selection were applied; empty when it applied none of them.
     *
     * @param tenants empty for every customer
     * @param users UPNs; empty for every user
     */
    public Optional<RevertOrigin> origin(String planId, List<String> tenants, List<String> users) {
        Selection where = new Selection(planId, tenants, users);
        List<String> appliedBy = named.queryForList("SELECT DISTINCT applied_by FROM audit_log a WHERE "
                + where.sql + " ORDER BY applied_by", where.params, String.class);
        if (appliedBy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(named.queryForObject("SELECT MIN(applied_at) AS first_at, MAX(applied_at) AS last_at"
                + " FROM audit_log a WHERE " + where.sql, where.params, (rs, n) -> new RevertOrigin(planId, users,
                        rs.getObject("first_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_at", OffsetDateTime.class).toInstant(), appliedBy)));
    }

    /** How many changes of the selection the plan applied. */
    public long count(String planId, List<String> tenants, List<String> users) {
        Selection where = new Selection(planId, tenants, users);
        return named.queryForObject("SELECT COUNT(*) FROM audit_log a WHERE " + where.sql, where.params, Long.class);
    }

    /** The customers the plan changed, in the order it first changed them. */
    public List<String> customers(String planId, List<String> tenants, List<String> users) {
        Selection where = new Selection(planId, tenants, users);
        return named.queryForList("SELECT tenant_id FROM audit_log a WHERE " + where.sql
                + " GROUP BY tenant_id ORDER BY MIN(audit_id)", where.params, String.class);
    }

    /** What the plan applied to each user of one customer, users in the order it first changed them. */
    public List<AuditedUser> users(String planId, String tenantId, List<String> users) {
        Selection where = new Selection(planId, List.of(tenantId), users);
        Map<String, Source> sourceOfChange = sourceOfEachChange(planId, tenantId);
        Map<String, List<PlannedChange>> changes = new LinkedHashMap<>();
        Map<String, String> upns = new HashMap<>();
        Map<String, Source> sources = new HashMap<>();
        named.query("SELECT upn, change_kind, target, before_value, after_value FROM audit_log a WHERE " + where.sql
                + " ORDER BY audit_id", where.params, rs -> {
                    String key = Names.key(rs.getString("upn"));
                    Source source = sourceOfChange.get(changeKey(key, rs.getString("change_kind"),
                            rs.getString("target")));
                    if (source == null) {
                        throw new IllegalStateException("the audit log of plan " + planId + " names a change to "
                                + rs.getString("upn") + " that the plan does not hold");
                    }
                    upns.putIfAbsent(key, rs.getString("upn"));
                    sources.putIfAbsent(key, source);
                    changes.computeIfAbsent(key, k -> new ArrayList<>()).add(PlannedChange.restore(
                            ChangeKind.valueOf(rs.getString("change_kind")), rs.getString("target"),
                            rs.getString("before_value"), rs.getString("after_value")));
                });
        List<AuditedUser> audited = new ArrayList<>();
        changes.forEach((key, applied) -> {
            Source source = sources.get(key);
            audited.add(new AuditedUser(new AppliedChanges(upns.get(key), applied, source.file(), source.row()),
                    source.desiredRowSeq()));
        });
        return audited;
    }

    /** The desired row each of the plan's changes came from: a revert's rows cite it. */
    private record Source(String file, int row, long desiredRowSeq) {
    }

    private Map<String, Source> sourceOfEachChange(String planId, String tenantId) {
        Map<String, Source> sources = new HashMap<>();
        named.query("SELECT upn_key, change_kind, target, source_file, source_row, seq FROM plan_line"
                + " WHERE plan_id = :plan AND tenant_id = :tenant AND status = 'PLANNED'",
                new MapSqlParameterSource("plan", planId).addValue("tenant", tenantId), rs -> {
                    sources.put(changeKey(rs.getString("upn_key"), rs.getString("change_kind"),
                            rs.getString("target")), new Source(rs.getString("source_file"), rs.getInt("source_row"),
                                    PlanStore.desiredRowSeq(rs.getLong("seq"))));
                });
        return sources;
    }

    private static String changeKey(String upnKey, String kind, String target) {
        return upnKey + '\n' + kind + '\n' + target;
    }

    /** The audit rows of one plan, narrowed to some customers and some users (by {@link Names#key}). */
    private static final class Selection {

        final String sql;
        final MapSqlParameterSource params;

        Selection(String planId, List<String> tenants, List<String> users) {
            StringBuilder where = new StringBuilder("a.plan_id = :plan");
            params = new MapSqlParameterSource("plan", planId);
            if (!tenants.isEmpty()) {
                where.append(" AND a.tenant_id IN (:tenants)");
                params.addValue("tenants", tenants);
            }
            if (!users.isEmpty()) {
                where.append(" AND UPPER(TRIM(a.upn)) IN (:users)");
                params.addValue("users", users.stream().map(Names::key).toList());
            }
            sql = where.toString();
        }
    }
}
