package com.partnerops.reconcile.apply;

import com.partnerops.reconcile.domain.ChangeKind;
import com.partnerops.reconcile.domain.ChangeOutcome;
import com.partnerops.reconcile.domain.LineStatus;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.domain.ReasonCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Apply's records: which reviewed rows were applied, held back or failed, and the append-only audit log. Every
 * method is called inside the chunk transaction that makes the change itself, so record and change commit together.
 */
@Component
public class ApplyStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public ApplyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The PLANNED rows of these users of one customer, by user key, in plan order: what the admin reviewed. */
    public Map<String, List<ReviewedLine>> reviewedLines(String planId, String tenantId, Collection<String> upnKeys) {
        Map<String, List<ReviewedLine>> lines = new HashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource("plan", planId).addValue("tenant", tenantId)
                .addValue("keys", upnKeys);
        named.query("SELECT upn_key, seq, change_kind, target, before_value, after_value FROM plan_line"
                + " WHERE plan_id = :plan AND tenant_id = :tenant AND upn_key IN (:keys) AND status = 'PLANNED'"
                + " ORDER BY seq", params, rs -> {
                    lines.computeIfAbsent(rs.getString("upn_key"), key -> new ArrayList<>())
                            .add(new ReviewedLine(rs.getLong("seq"), PlannedChange.restore(
                                    ChangeKind.valueOf(rs.getString("change_kind")), rs.getString("target"),
                                    rs.getString("before_value"), rs.getString("after_value"))));
                });
        return lines;
    }

    /**
     * What the directory did with each of the user's changes: every applied change is audited, a failed or skipped
     * one is recorded with its reason; the user is APPLIED when all of them were (or were handed off to the SaaS
     * publisher's portal), FAILED otherwise.
     *
     * @param outcomes and {@code relationshipIds}: one per line, same order
     */
    public void recordOutcomes(String planId, PendingUser user, List<ReviewedLine> lines,
            List<ChangeOutcome> outcomes, List<String> relationshipIds, Instant at, String appliedBy) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> audit = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PlannedChange change = lines.get(i).change();
            ChangeOutcome outcome = outcomes.get(i);
            rows.add(new Object[] {planId, lines.get(i).seq(), outcome.status().name(),
                    outcome.reason() == null ? null : outcome.reason().name(), outcome.message(),
                    at.atOffset(ZoneOffset.UTC)});
            if (outcome.isApplied()) {
                audit.add(new Object[] {planId, at.atOffset(ZoneOffset.UTC), user.tenantId(),
                        user.userPrincipalName(), change.kind().name(), change.target(), change.before(),
                        change.after(), relationshipIds.get(i), appliedBy});
            }
        }
        insertOutcomes(rows);
        jdbc.batchUpdate("INSERT INTO audit_log (plan_id, applied_at, tenant_id, upn, change_kind, target,"
                + " before_value, after_value, gdap_relationship_id, applied_by) VALUES (?,?,?,?,?,?,?,?,?,?)", audit);
        markUser(planId, user, outcomes.stream().allMatch(ChangeOutcome::isDone) ? LineStatus.APPLIED
                : LineStatus.FAILED);
    }

    /**
     * @param blocking the index of the change that failed, or -1 when the reason concerns the whole user
     */
    public void recordHeldBack(String planId, PendingUser user, List<ReviewedLine> lines, LineStatus status,
            ReasonCode reason, String message, int blocking, Instant at) {
        List<Object[]> outcomes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String why = blocking < 0 || i == blocking ? message
                    : "not applied because another change of this user failed (" + lines.get(blocking).change()
                            .kind() + " " + lines.get(blocking).change().target() + "): " + message;
            outcomes.add(new Object[] {planId, lines.get(i).seq(), status.name(), reason.name(), why,
                    at.atOffset(ZoneOffset.UTC)});
        }
        insertOutcomes(outcomes);
        markUser(planId, user, status);
    }

    private void insertOutcomes(List<Object[]> outcomes) {
        jdbc.batchUpdate("INSERT INTO apply_line (plan_id, seq, status, reason, message, applied_at)"
                + " VALUES (?,?,?,?,?,?)", outcomes);
    }

    private void markUser(String planId, PendingUser user, LineStatus status) {
        jdbc.update("UPDATE plan_user SET apply_status = ? WHERE plan_id = ? AND tenant_id = ? AND upn_key = ?",
                status.name(), planId, user.tenantId(), user.upnKey());
    }
}
