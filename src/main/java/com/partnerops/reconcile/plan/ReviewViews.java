package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.graph.ApplyDirectories;
import com.partnerops.reconcile.report.ReviewView;
import com.partnerops.reconcile.report.SeatReportRow;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link ReviewView} of a plan from the store, for summary.html (every row, up to the limit) and the web's
 * review page (narrowed by its filters). The rows are streamed; only those shown are kept.
 */
@Component
public class ReviewViews {

    /** The first this many planned and rejected rows are shown; summary.html says how many more plan.csv holds. */
    public static final int LIMIT = ReviewViewTally.LIMIT;

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
        ReviewViewTally tally = new ReviewViewTally();
        jdbc.query(sql.toString(), rs -> {
            tally.add(PlanStore.reportRow(rs, rs.getString("status"), rs.getString("reason"),
                    rs.getString("message")));
        }, args.toArray());
        for (SeatReportRow seat : plans.seats(planId)) {
            if (filter.tenantId() == null || filter.tenantId().equals(seat.tenantId())) {
                tally.addSeat(seat);
            }
        }
        return tally.view(plans.summary(planId), directories::landing);
    }

    private static void narrow(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }
}
