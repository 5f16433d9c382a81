package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.SeatCounts;
import com.partnerops.reconcile.domain.SeatTrendPoint;
import com.partnerops.reconcile.domain.SubscriptionKind;
import com.partnerops.reconcile.domain.SubscriptionStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dated copy of seat counts every import keeps ({@code seat_history}): one row per customer, SKU and import.
 * Written from the staging tables inside the import's replacement transaction, so an import killed before its
 * commit leaves no row; read by the license report for its changes over time and trend charts. Every figure is
 * aggregated by the database (GROUP BY), so an import of a million users adds a few rows per customer, not per user.
 */
@Component
public class SeatHistory {

    /** SQL list of the statuses whose seats count, from the one rule that says so. */
    static final String USABLE_STATUSES = Arrays.stream(SubscriptionStatus.values())
            .filter(SubscriptionStatus::seatsUsable).map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", "));

    /**
     * Kinds whose quantity is seats for users; an add-on's quantity is storage or a tenant feature, which a trend of
     * seats must not add in.
     */
    static final String SEAT_KINDS = Stream.of(SubscriptionKind.LICENSE, SubscriptionKind.SAAS)
            .map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public SeatHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Records the staged customers' seat counts as of {@code importedAt} (a live read's, one customer at a time). Joins the caller's transaction: call it in
     * the transaction that replaces the staged customers. Imports hold the store's write lock, so the next import
     * number cannot be taken twice.
     *
     * @return rows written
     */
    public int recordStagedImport(Instant importedAt) {
        Long last = jdbc.queryForObject("SELECT MAX(import_seq) FROM seat_history", Long.class);
        long seq = last == null ? 1 : last + 1;
        return jdbc.update("INSERT INTO seat_history (import_seq, imported_at, tenant_id, sku, purchased, assigned)"
                + " SELECT ?, ?, k.tenant_id, k.sku, COALESCE(p.purchased, 0), COALESCE(a.assigned, 0) FROM"
                + " (SELECT tenant_id, sku FROM import_subscription UNION SELECT tenant_id, sku FROM import_user_license) k"
                + " LEFT JOIN (SELECT tenant_id, sku, SUM(CASE WHEN status IN (" + USABLE_STATUSES + ")"
                + " AND kind IN (" + SEAT_KINDS + ") THEN quantity ELSE 0 END) AS purchased"
                + " FROM import_subscription GROUP BY tenant_id, sku) p"
                + " ON p.tenant_id = k.tenant_id AND p.sku = k.sku"
                + " LEFT JOIN (SELECT tenant_id, sku, COUNT(*) AS assigned FROM import_user_license"
                + " GROUP BY tenant_id, sku) a ON a.tenant_id = k.tenant_id AND a.sku = k.sku",
                seq, importedAt.atOffset(ZoneOffset.UTC));
    }

    /**
     * Records a snapshot's seat counts, added up while it was staged, as of {@code importedAt}; as
     * {@link #recordStagedImport}, in the transaction that makes it the current state.
     *
     * @return rows written
     */
    int record(Instant importedAt, StagedSeatCounts counts) {
        Long last = jdbc.queryForObject("SELECT MAX(import_seq) FROM seat_history", Long.class);
        long seq = last == null ? 1 : last + 1;
        OffsetDateTime at = importedAt.atOffset(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((tenant, sku, seats) -> rows.add(new Object[] {seq, at, tenant, sku, seats.purchased(),
                seats.assigned()}));
        jdbc.batchUpdate("INSERT INTO seat_history (import_seq, imported_at, tenant_id, sku, purchased, assigned)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows);
        return rows.size();
    }

    /**
     * Each customer's and SKU's seat counts at two earlier moments: the customer's import before its latest one,
     * and its latest import at or before {@code monthAgo}.
     *
     * @param tenants the customers to look at; empty for all
     */
    public EarlierSeatCounts earlierCounts(Collection<String> tenants, Instant monthAgo) {
        MapSqlParameterSource args = new MapSqlParameterSource("monthAgo", monthAgo.atOffset(ZoneOffset.UTC))
                .addValue("tenants", tenants);
        String only = tenants.isEmpty() ? "" : " AND tenant_id IN (:tenants)";
        String previous = "SELECT h.tenant_id, MAX(h.import_seq) AS seq FROM seat_history h JOIN"
                + " (SELECT tenant_id, MAX(import_seq) AS latest FROM seat_history WHERE 1 = 1" + only
                + " GROUP BY tenant_id) l ON l.tenant_id = h.tenant_id AND h.import_seq < l.latest"
                + " GROUP BY h.tenant_id";
        String monthAgoImport = "SELECT tenant_id, MAX(import_seq) AS seq FROM seat_history"
                + " WHERE imported_at <= :monthAgo" + only + " GROUP BY tenant_id";
        EarlierSeatCounts earlier = new EarlierSeatCounts();
        named.query(previous, args, rs -> {
            earlier.previousImport(rs.getString("tenant_id"), rs.getLong("seq"));
        });
        named.query(monthAgoImport, args, rs -> {
            earlier.monthAgoImport(rs.getString("tenant_id"), rs.getLong("seq"));
        });
        named.query("SELECT h.tenant_id, h.import_seq, h.sku, h.purchased, h.assigned FROM seat_history h JOIN ("
                + previous + " UNION " + monthAgoImport + ") w ON w.tenant_id = h.tenant_id AND w.seq = h.import_seq",
                args, rs -> {
                    earlier.add(rs.getString("tenant_id"), rs.getLong("import_seq"), rs.getString("sku"),
                            new SeatCounts(rs.getInt("purchased"), rs.getInt("assigned")));
                });
        return earlier;
    }

    /**
     * Each customer's total seats purchased and assigned at each of its last {@code points} imports, oldest first.
     */
    public Map<String, List<SeatTrendPoint>> trends(Collection<String> tenants, int points) {
        Map<String, List<SeatTrendPoint>> trends = new LinkedHashMap<>();
        if (tenants.isEmpty()) {
            return trends;
        }
        named.query("SELECT tenant_id, import_seq, MIN(imported_at) AS imported_at, SUM(purchased) AS purchased,"
                + " SUM(assigned) AS assigned FROM seat_history WHERE tenant_id IN (:tenants)"
                + " GROUP BY tenant_id, import_seq ORDER BY tenant_id, import_seq DESC",
                new MapSqlParameterSource("tenants", tenants), rs -> {
                    List<SeatTrendPoint> trend = trends.computeIfAbsent(rs.getString("tenant_id"),
                            t -> new ArrayList<>());
                    if (trend.size() < points) {
                        trend.add(0, new SeatTrendPoint(rs.getObject("imported_at", OffsetDateTime.class)
                                .toInstant(), new SeatCounts(rs.getInt("purchased"), rs.getInt("assigned"))));
                    }
                });
        return trends;
    }
}
