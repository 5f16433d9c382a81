package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.report.ReportRow;
import com.partnerops.reconcile.report.ReportSummary;
import com.partnerops.reconcile.report.ReviewView;
import com.partnerops.reconcile.report.SeatReportRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link ReviewView} built while a plan's rows stream by, in plan order: only the rows shown are kept (the first
 * {@link #LIMIT} planned and rejected), the rest are counted.
 */
final class ReviewViewTally {

    static final int LIMIT = 500;

    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final long[] notShown = new long[2];
    private final int[] shown = new int[2];

    void add(ReportRow row) {
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
    }

    void addSeat(SeatReportRow seat) {
        customers.computeIfAbsent(seat.tenantId(), tenant -> new Customer(tenant, seat.customer()))
                .seats.add(ReviewView.SeatBars.of(seat));
    }

    /** @param landing where a customer's changes will land ("live tenant" or "store only"), by tenant id */
    ReviewView view(ReportSummary summary, Function<String, String> landing) {
        return new ReviewView(summary, customers.values().stream()
                .map(c -> c.review(c.tenantId.isEmpty() ? "" : landing.apply(c.tenantId))).toList(), LIMIT,
                notShown[0], notShown[1]);
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

        ReviewView.CustomerReview review(String landing) {
            return new ReviewView.CustomerReview(tenantId, name, landing,
                    users.entrySet().stream().map(e -> new ReviewView.UserChanges(e.getKey(), e.getValue())).toList(),
                    rejected, seats);
        }
    }
}
