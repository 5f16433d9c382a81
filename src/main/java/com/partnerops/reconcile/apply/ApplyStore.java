package com.partnerops.reconcile.apply;

import com.partnerops.reconcile.domain.ChangeKind;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.state.KeyedReads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Apply's records: the reviewed rows it reads, which of them were applied, held back or failed, and the append-only
 * audit log. Records are written inside the chunk transaction that makes the changes, so they commit together.
 */
@Component
public class ApplyStore {

    private final JdbcTemplate jdbc;
    private final KeyedReads keyed;

    public ApplyStore(JdbcTemplate jdbc, KeyedReads keyed) {
        this.jdbc = jdbc;
        this.keyed = keyed;
    }

    /** The PLANNED rows of these users of one customer, by user key, in plan order: what the admin reviewed. */
    public Map<String, List<ReviewedLine>> reviewedLines(String planId, String tenantId, Collection<String> upnKeys) {
        Map<String, List<ReviewedLine>> lines = new HashMap<>();
        List<Object[]> keys = upnKeys.stream().map(key -> new Object[] {key}).toList();
        keyed.query("SELECT upn_key, seq, change_kind, target, before_value, after_value FROM plan_line"
                + " WHERE plan_id = ? AND tenant_id = ? AND ", List.of("upn_key"), keys,
                " AND status = 'PLANNED' ORDER BY seq", rs -> {
                    lines.computeIfAbsent(rs.getString("upn_key"), key -> new ArrayList<>())
                            .add(new ReviewedLine(rs.getLong("seq"), PlannedChange.restore(
                                    ChangeKind.valueOf(rs.getString("change_kind")), rs.getString("target"),
                                    rs.getString("before_value"), rs.getString("after_value"))));
                }, planId, tenantId);
        return lines;
    }

    /** An empty set of records for one chunk of this plan's users. */
    public ChunkRecords newChunk(String planId, String appliedBy) {
        return new ChunkRecords(planId, appliedBy);
    }

    /**
     * The chunk's records, one batch per table; called inside the chunk's transaction, after its changes. Each
     * value is set with its type: from plain {@code Object[]} rows Spring works out every value's type, and for a
     * null asks the driver for the parameter's, hundreds of thousands of times in a large apply.
     */
    public void write(ChunkRecords records) {
        jdbc.batchUpdate("INSERT INTO apply_line (plan_id, seq, status, reason, message, applied_at)"
                + " VALUES (?,?,?,?,?,?)", records.applyLines, records.applyLines.size(), (insert, line) -> {
                    insert.setString(1, records.planId);
                    insert.setLong(2, line.seq());
                    insert.setString(3, line.status());
                    insert.setString(4, line.reason());
                    insert.setString(5, line.message());
                    insert.setObject(6, line.at());
                });
        jdbc.batchUpdate("INSERT INTO audit_log (plan_id, applied_at, tenant_id, upn, change_kind, target,"
                + " before_value, after_value, gdap_relationship_id, applied_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
                records.auditRows, records.auditRows.size(), (insert, row) -> {
                    insert.setString(1, records.planId);
                    insert.setObject(2, row.at());
                    insert.setString(3, row.tenantId());
                    insert.setString(4, row.upn());
                    insert.setString(5, row.changeKind());
                    insert.setString(6, row.target());
                    insert.setString(7, row.before());
                    insert.setString(8, row.after());
                    insert.setString(9, row.relationshipId());
                    insert.setString(10, records.appliedBy);
                });
        jdbc.batchUpdate("UPDATE plan_user SET apply_status = ? WHERE plan_id = ? AND tenant_id = ? AND upn_key = ?",
                records.doneMarks, records.doneMarks.size(), (update, mark) -> {
                    update.setString(1, mark.status());
                    update.setString(2, records.planId);
                    update.setString(3, mark.tenantId());
                    update.setString(4, mark.upnKey());
                });
    }
}
