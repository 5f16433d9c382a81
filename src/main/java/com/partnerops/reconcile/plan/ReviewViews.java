package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.graph.ApplyDirectories;
import com.partnerops.reconcile.report.ReportRow;
import com.partnerops.reconcile.report.ReviewView;
import com.partnerops.reconcile.report.SeatReportRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link ReviewView} of a plan from the store, for summary.html (every row, up to the limit) and the web's
 * review page (narrowed by its filters). The rows are streamed; only those shown are kept.
 */
@Component
public class ReviewViews {

    /** The first this many planned and rejected rows are shown; summary.html says how many more plan.csv holds. */
    public static final int LIMIT = 500;


    /** Narrows the rows shown; a null field narrows nothing. */
    public record Filter(String tenantId, String changeKind, String status) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    private final JdbcTemplate jdbc;
    private final PlanStore plans;
    private final ApplyDirectories directories;

    public ReviewViews(JdbcTemplate jdbc, PlanStore plans, ApplyDirectories directories) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.directories = directories;
    }

    public ReviewView build(String planId, Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM plan_line WHERE plan_id = ?");
        List<Object> args = new ArrayList<>(List.of(planId));
        narrow(sql, args, "tenant_id", filter.tenantId());
        narrow(sql, args, "change_kind", filter.changeKind());
        narrow(sql, args, "status", filter.status());
        sql.append(" ORDER BY seq");
        Map<String, Customer> customers = new LinkedHashMap<>();
        long[] notShown = new long[2];
        int[] shown = new int[2];
        jdbc.query(sql.toString(), rs -> {
            ReportRow row = PlanStore.reportRow(rs, rs.getString("status"), rs.getString("reason"),
                    rs.getString("message"));
            int kind = "PLANNED".equals(row.status()) ? 0 : 1;
            if (shown[kind] >= LIMIT) {
                notShown[kind]++;
                return;
            }
            shown[kind]++;
            Customer customer = customers.computeIfAbsent(Objects.toString(row.tenantId(), ""),
                    tenant -> new Customer(tenant, row.customer()));
            if (kind == 0) {
                customer.users.computeIfAbsent(row.userPrincipalName(), upn -> new ArrayList<>()).add(row);
            } else {
                customer.rejected.add(row);
            }
        }, args.toArray());
        for (SeatReportRow seat : plans.seats(planId)) {
            if (filter.tenantId() == null || filter.tenantId().equals(seat.tenantId())) {
                customers.computeIfAbsent(seat.tenantId(), tenant -> new Customer(tenant, seat.customer()))
                        .seats.add(ReviewView.SeatBars.of(seat));
            }
        }
        return new ReviewView(plans.summary(planId), customers.values().stream().map(c -> c.review(
                c.tenantId.isEmpty() ? "" : directories.landing(c.tenantId))).toList(),
                LIMIT, notShown[0], notShown[1]);
    }

    private static void narrow(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    /** A customer's part of the review while its rows stream by. */
    private static final class Customer {
        final String tenantId;
        final String name;
        final Map<String, List<ReportRow>> users = new LinkedHashMap<>();
        final List<ReportRow> rejected = new ArrayList<>();
        final List<ReviewView.SeatBars> seats = new ArrayList<>();

        Customer(String tenantId, String name) {
            this.tenantId = tenantId;
            this.name = name == null || name.isEmpty() ? "(unknown customer)" : name;
        }

        /** @param landing where its changes will land: "live tenant" or "store only" */
        ReviewView.CustomerReview review(String landing) {
            return new ReviewView.CustomerReview(tenantId, name, landing,
                    users.entrySet().stream().map(e -> new ReviewView.UserChanges(e.getKey(), e.getValue())).toList(),
                    rejected, seats);
        }
    }
}
