package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.domain.DesiredUserRow;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.PlanLine;
import com.partnerops.reconcile.domain.PlannedUser;
import com.partnerops.reconcile.domain.SeatLine;
import com.partnerops.reconcile.domain.UserAttribute;
import com.partnerops.reconcile.report.ReportRow;
import com.partnerops.reconcile.report.ReportSummary;
import com.partnerops.reconcile.report.SeatReportRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Plans in the store: the plan record, its staged desired rows, and the plan's rows, users and seats. */
@Component
public class PlanStore {

    /** Plan rows of one desired row get consecutive numbers after the row's own. */
    private static final long LINES_PER_ROW = 10_000L;

    private final JdbcTemplate jdbc;

    public PlanStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void create(PlanRecord plan) {
        jdbc.update("INSERT INTO plan (plan_id, created_at, inputs, options, sheet, customers, additive, state,"
                + " rows_read, submitted_by, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", plan.planId(),
                plan.createdAt().atOffset(ZoneOffset.UTC), String.join("\n", plan.inputs()), plan.options(),
                plan.sheet(), String.join("\n", plan.customers()), plan.additive(), plan.state(),
                plan.submittedBy(), String.join("\n", plan.scope()));
    }

    public Optional<PlanRecord> find(String planId) {
        return jdbc.query("SELECT * FROM plan WHERE plan_id = ?", (rs, n) -> new PlanRecord(rs.getString("plan_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), lines(rs.getString("inputs")),
                rs.getString("options"), rs.getString("sheet"), lines(rs.getString("customers")),
                rs.getBoolean("additive"), rs.getString("state"), rs.getLong("rows_read"),
                rs.getLong("rows_out_of_scope"), rs.getString("rows_digest"), rs.getString("review_digest"),
                lines(rs.getString("warnings")), rs.getString("submitted_by"), lines(rs.getString("scope"))), planId)
                .stream().findFirst();
    }

    public PlanRecord get(String planId) {
        return find(planId).orElseThrow(() -> new IllegalStateException("no plan " + planId + " in the store"));
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    public void recordRevertOrigin(String planId, RevertOrigin origin) {
        jdbc.update("INSERT INTO plan_revert (plan_id, reverted_plan_id, users, first_applied_at, last_applied_at,"
                + " applied_by) VALUES (?, ?, ?, ?, ?, ?)", planId, origin.revertedPlanId(),
                String.join("\n", origin.users()), origin.firstAppliedAt().atOffset(ZoneOffset.UTC),
                origin.lastAppliedAt().atOffset(ZoneOffset.UTC), String.join("\n", origin.appliedBy()));
    }

    /** Empty for a plan made from desired files. */
    public Optional<RevertOrigin> revertOrigin(String planId) {
        return jdbc.query("SELECT * FROM plan_revert WHERE plan_id = ?", (rs, n) -> new RevertOrigin(
                rs.getString("reverted_plan_id"), lines(rs.getString("users")),
                rs.getObject("first_applied_at", OffsetDateTime.class).toInstant(),
                rs.getObject("last_applied_at", OffsetDateTime.class).toInstant(),
                lines(rs.getString("applied_by"))), planId).stream().findFirst();
    }

    /** The number a plan row of this number's desired row was given: rows of one desired row share it. */
    public static long desiredRowSeq(long lineSeq) {
        return lineSeq / LINES_PER_ROW;
    }

    /** The plan is reviewable: its rows and its plan.csv are fingerprinted and it becomes PLANNED. */
    public void markPlanned(String planId, String rowsDigest, String reviewDigest) {
        jdbc.update("UPDATE plan SET state = ?, rows_digest = ?, review_digest = ? WHERE plan_id = ?",
                PlanRecord.PLANNED, rowsDigest, reviewDigest, planId);
    }

    public void setFinishedBy(String planId, String finishedBy) {
        jdbc.update("UPDATE plan SET finished_by = ? WHERE plan_id = ?", finishedBy, planId);
    }

    /** Who applied the plan (or is applying it); empty before anyone did. */
    public Optional<String> finishedBy(String planId) {
        return jdbc.queryForList("SELECT finished_by FROM plan WHERE plan_id = ? AND finished_by IS NOT NULL",
                String.class, planId).stream().findFirst();
    }

    public void setWarnings(String planId, List<String> warnings) {
        jdbc.update("UPDATE plan SET warnings = ? WHERE plan_id = ?", String.join("\n", warnings), planId);
    }

    public void setState(String planId, String state) {
        jdbc.update("UPDATE plan SET state = ? WHERE plan_id = ?", state, planId);
    }

    public void setRowsRead(String planId, long rowsRead, long rowsOutOfScope) {
        jdbc.update("UPDATE plan SET rows_read = ?, rows_out_of_scope = ? WHERE plan_id = ?", rowsRead,
                rowsOutOfScope, planId);
    }

    /** How many customers the plan's rows name, once all are read: the web's progress bar counts up to it. */
    public void setCustomersToPlan(String planId, long customers) {
        jdbc.update("UPDATE plan SET customers_to_plan = ? WHERE plan_id = ?", customers, planId);
    }

    // ---- the plan's decisions ----

    public void save(String planId, List<? extends PlannedCustomer> customers) {
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> users = new ArrayList<>();
        List<Object[]> seats = new ArrayList<>();
        List<Object[]> heldBack = new ArrayList<>();
        for (PlannedCustomer customer : customers) {
            Map<Long, Long> nextSeq = new HashMap<>();
            Map<String, Long> firstSeqOfUser = new HashMap<>();
            for (PlanLine line : customer.plan().lines()) {
                long rowSeq = customer.rowSeq().get(PlannedCustomer.sourceKey(line.sourceFile(), line.sourceRow()));
                long seq = rowSeq * LINES_PER_ROW + nextSeq.merge(rowSeq, 1L, Long::sum);
                firstSeqOfUser.putIfAbsent(Names.key(line.userPrincipalName()), seq);
                lines.add(new Object[] {planId, seq, line.tenantId(),
                        customer.customerName() != null ? customer.customerName() : line.target(),
                        line.userPrincipalName(), Names.key(line.userPrincipalName()),
                        line.kind() == null ? null : line.kind().name(), line.target(),
                        line.change() == null ? null : line.change().before(),
                        line.change() == null ? null : line.change().after(), line.status().name(),
                        line.reason() == null ? null : line.reason().name(), line.message(),
                        line.gdapRelationshipId(), line.sourceFile(), line.sourceRow()});
            }
            for (PlannedUser user : customer.plan().users()) {
                String key = Names.key(user.userPrincipalName());
                users.add(new Object[] {planId, user.tenantId(), key, user.userPrincipalName(), user.fingerprint(),
                        user.freesSeats(), user.takesSeats(), firstSeqOfUser.get(key),
                        Partitions.bucket(user.tenantId())});
            }
            for (SeatLine seat : customer.plan().seats()) {
                seats.add(new Object[] {planId, seat.tenantId(), seat.sku(), seat.productName(), seat.kind().name(),
                        seat.program(), seat.purchased(), seat.assignedBefore(), seat.assignedAfter(),
                        seat.freeAfter(), seat.seatsToBuy(), seat.advice()});
            }
            if (customer.plan().tenantId() != null) {
                heldBack.add(new Object[] {planId, customer.plan().tenantId(), customer.plan().heldBack()});
            }
        }
        jdbc.batchUpdate("INSERT INTO plan_line (plan_id, seq, tenant_id, customer_name, upn, upn_key, change_kind,"
                + " target, before_value, after_value, status, reason, message, gdap_relationship_id, source_file,"
                + " source_row) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", lines);
        jdbc.batchUpdate("INSERT INTO plan_user (plan_id, tenant_id, upn_key, upn, fingerprint, frees_seats,"
                + " takes_seats, first_seq, bucket) VALUES (?,?,?,?,?,?,?,?,?)", users);
        jdbc.batchUpdate("INSERT INTO plan_seat (plan_id, tenant_id, sku, product_name, kind, program, purchased,"
                + " assigned_before, assigned_after, free_after, seats_to_buy, advice)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", seats);
        jdbc.batchUpdate("INSERT INTO plan_customer (plan_id, tenant_id, held_back) VALUES (?,?,?)", heldBack);
    }

    // ---- reading a plan back for its reports ----

    /** A plan row as the report shows it, with the store's row for what else a pass takes from it. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(ReportRow row, ResultSet rs) throws SQLException;
    }

    /** Streams the plan's rows in order, so a report of any size never sits in memory. */
    public void forEachRow(String planId, RowConsumer consumer) {
        jdbc.query("SELECT * FROM plan_line WHERE plan_id = ? ORDER BY seq", rs -> {
            consumer.accept(reportRow(rs, rs.getString("status"), rs.getString("reason"), rs.getString("message")),
                    rs);
        }, planId);
    }

    public static ReportRow reportRow(ResultSet rs, String status, String reason, String message) throws SQLException {
        return new ReportRow(rs.getString("tenant_id"), rs.getString("customer_name"), rs.getString("upn"),
                rs.getString("change_kind"), rs.getString("target"), rs.getString("before_value"),
                rs.getString("after_value"), status, reason, message, rs.getString("source_file"),
                rs.getInt("source_row"));
    }

    public List<SeatReportRow> seats(String planId) {
        return jdbc.query("SELECT s.*, c.name AS customer_name FROM plan_seat s LEFT JOIN customer c"
                + " ON c.tenant_id = s.tenant_id WHERE s.plan_id = ? ORDER BY c.name, s.tenant_id, s.sku",
                (rs, n) -> new SeatReportRow(rs.getString("tenant_id"), rs.getString("customer_name"),
                        rs.getString("sku"), rs.getString("product_name"), rs.getString("kind"),
                        rs.getString("program"), rs.getInt("purchased"), rs.getInt("assigned_before"),
                        rs.getInt("assigned_after"), rs.getInt("free_after"), rs.getInt("seats_to_buy"),
                        rs.getString("advice")), planId);
    }

    public ReportSummary summary(String planId) {
        return summary(get(planId), new SummaryTally(), false);
    }

    /**
     * The review's figures from a tally of the plan's rows.
     *
     * @param tallied true when {@code tally} has seen every row already; false to read them for it here
     */
    ReportSummary summary(PlanRecord plan, SummaryTally tally, boolean tallied) {
        if (!tallied) {
            tallyRows(tally, "SELECT status, reason, tenant_id, customer_name, upn_key FROM plan_line"
                    + " WHERE plan_id = ?", plan.planId());
        }
        Optional<RevertOrigin> origin = revertOrigin(plan.planId());
        return tally.summary(plan, "Review of plan " + plan.planId() + origin.map(o -> " (" + o.statement() + ")")
                .orElse(""), origin, heldBack(plan.planId()));
    }

    /**
     * Figures for a report's first page, from any query over a plan's rows that yields status, reason,
     * tenant_id, customer_name and upn_key, one row per plan or apply row.
     */
    public ReportSummary summary(PlanRecord plan, String title, String rowsQuery) {
        SummaryTally tally = new SummaryTally();
        tallyRows(tally, rowsQuery, plan.planId());
        return summary(plan, title, tally);
    }

    /** Figures for a report's first page from a tally that a pass over the rows, made anyway, has fed. */
    public ReportSummary summary(PlanRecord plan, String title, SummaryTally tally) {
        return tally.summary(plan, title, revertOrigin(plan.planId()), heldBack(plan.planId()));
    }

    private void tallyRows(SummaryTally tally, String rowsQuery, String planId) {
        jdbc.query(rowsQuery, rs -> {
            tally.add(rs.getString("status"), rs.getString("reason"), rs.getString("tenant_id"),
                    rs.getString("customer_name"), rs.getString("upn_key"));
        }, planId);
    }

    private Map<String, Integer> heldBack(String planId) {
        Map<String, Integer> heldBack = new HashMap<>();
        jdbc.query("SELECT tenant_id, held_back FROM plan_customer WHERE plan_id = ?", rs -> {
            heldBack.put(rs.getString("tenant_id"), rs.getInt("held_back"));
        }, planId);
        return heldBack;
    }
}
