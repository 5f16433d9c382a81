package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.LicensePosition;
import com.partnerops.reconcile.domain.Subscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The license report's read model: every customer's SKUs with their subscriptions, the users holding each (counted
 * by the database, GROUP BY over user_license: a million users never cross into this process) and the latest plan's
 * seats to buy. Streamed one SKU at a time in customer order, so memory stays flat however many customers there are.
 */
@Component
public class LicensePositions {

    /** Plans whose seat advice counts: reviewed ones, applied or not (a failed or unfinished plan has none to trust). */
    private static final String ADVISING_PLANS = "'PLANNED', 'APPLYING', 'APPLIED'";
    private static final int FETCH_SIZE = 1000;

    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;

    public LicensePositions(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.named = new NamedParameterJdbcTemplate(this.jdbc);
    }

    /** The newest reviewed plan, whose seats to buy the report passes on; null when there is none. */
    public String latestPlanId() {
        return jdbc.query("SELECT plan_id FROM plan WHERE state IN (" + ADVISING_PLANS + ")"
                + " ORDER BY created_at DESC, plan_id DESC FETCH FIRST 1 ROWS ONLY",
                (rs, n) -> rs.getString(1)).stream().findFirst().orElse(null);
    }

    /**
     * Hands every SKU of the customers to {@code consumer}, ordered by customer name, tenant and SKU. Run it in a
     * transaction for PostgreSQL to stream the rows rather than read them all first.
     *
     * @param tenants the customers; empty for all
     * @param planId the plan whose seats to buy count, or null
     */
    public void forEach(Collection<String> tenants, String planId, EarlierSeatCounts earlier,
            Consumer<LicensePosition> consumer) {
        String heldWhere = tenants.isEmpty() ? "" : " WHERE tenant_id IN (:tenants)";
        String held = "(SELECT tenant_id, sku, COUNT(*) AS assigned FROM user_license" + heldWhere
                + " GROUP BY tenant_id, sku)";
        String advice = " LEFT JOIN plan_seat ps ON ps.plan_id = :planId AND ps.tenant_id = c.tenant_id AND ps.sku = ";
        String sql = "SELECT c.tenant_id, c.name AS customer_name, s.sku, s.subscription_id, s.product_name, s.kind,"
                + " s.program, s.quantity, s.status, s.commitment_start, s.term_end, s.assigned_display,"
                + " s.refundable_seats, s.refundable_until, COALESCE(h.assigned, 0) AS assigned,"
                + " COALESCE(ps.seats_to_buy, 0) AS seats_to_buy"
                + " FROM subscription s JOIN customer c ON c.tenant_id = s.tenant_id"
                + " LEFT JOIN " + held + " h ON h.tenant_id = s.tenant_id AND h.sku = s.sku"
                + advice + "s.sku"
                + (tenants.isEmpty() ? "" : " WHERE s.tenant_id IN (:tenants)")
                // users may hold a SKU the customer has no subscription for (the catalog named it): over-assigned
                + " UNION ALL SELECT c.tenant_id, c.name, h.sku, CAST(NULL AS VARCHAR(128)),"
                + " CAST(NULL AS VARCHAR(255)), CAST(NULL AS VARCHAR(16)), CAST(NULL AS VARCHAR(16)), 0,"
                + " CAST(NULL AS VARCHAR(16)), CAST(NULL AS DATE), CAST(NULL AS DATE), CAST(NULL AS VARCHAR(64)),"
                + " CAST(NULL AS INT), CAST(NULL AS DATE), h.assigned, COALESCE(ps.seats_to_buy, 0)"
                + " FROM " + held + " h JOIN customer c ON c.tenant_id = h.tenant_id"
                + advice + "h.sku"
                + " WHERE NOT EXISTS (SELECT 1 FROM subscription s WHERE s.tenant_id = h.tenant_id AND s.sku = h.sku)"
                + " ORDER BY 2, 1, 3, 4";
        MapSqlParameterSource args = new MapSqlParameterSource("tenants", tenants)
                .addValue("planId", planId == null ? "" : planId);
        Grouping grouping = new Grouping(earlier, consumer);
        named.query(sql, args, grouping::add);
        grouping.flush();
    }

    /** Gathers the consecutive rows of one customer's SKU (one per subscription) into one position. */
    private static final class Grouping {
        private final EarlierSeatCounts earlier;
        private final Consumer<LicensePosition> consumer;
        private String tenantId;
        private String customerName;
        private String sku;
        private int assigned;
        private int seatsToBuy;
        private final List<Subscription> subscriptions = new ArrayList<>();

        Grouping(EarlierSeatCounts earlier, Consumer<LicensePosition> consumer) {
            this.earlier = earlier;
            this.consumer = consumer;
        }

        void add(ResultSet rs) throws SQLException {
            String tenant = rs.getString("tenant_id");
            String rowSku = rs.getString("sku");
            if (!(tenant.equals(tenantId) && rowSku.equals(sku))) {
                flush();
                tenantId = tenant;
                sku = rowSku;
                customerName = rs.getString("customer_name");
                assigned = rs.getInt("assigned");
                seatsToBuy = rs.getInt("seats_to_buy");
            }
            if (rs.getString("subscription_id") != null) {
                subscriptions.add(StoreRows.subscription(rs));
            }
        }

        void flush() {
            if (tenantId != null) {
                consumer.accept(new LicensePosition(tenantId, customerName, sku, subscriptions, assigned, seatsToBuy,
                        earlier.previous(tenantId, sku), earlier.monthAgo(tenantId, sku)));
            }
            subscriptions.clear();
            tenantId = null;
        }
    }
}
