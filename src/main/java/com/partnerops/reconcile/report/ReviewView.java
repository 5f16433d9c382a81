package com.partnerops.reconcile.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the review of a plan shows, in summary.html and on the web's review page alike (one template renders
 * both): the plan's figures, then per customer its changes grouped by user, its rejected rows and its seats.
 *
 * @param limit at most this many planned and this many rejected rows are shown; the rest are counted
 * @param plannedNotShown and {@code rejectedNotShown}: rows that match but were left out by the limit
 */
public record ReviewView(ReportSummary summary, List<CustomerReview> customers, int limit, long plannedNotShown,
        long rejectedNotShown) {

    public ReviewView {
        customers = List.copyOf(customers);
    }

    /** The summary's facts, for the template (a record's map accessor reads awkwardly there). */
    public Map<String, Object> facts() {
        return summary.facts();
    }

    public String explain(String reason) {
        return ReasonExplanations.explain(reason);
    }

    /** A planned change in the words of the Partner Center wizard: before and after, or what is added or removed. */
    public String describe(ReportRow row) {
        String target = Objects.toString(row.target(), "");
        return switch (Objects.toString(row.change(), "")) {
            case "SET_ATTRIBUTE" -> target + ": " + shown(row.before()) + " \u2192 " + shown(row.after());
            case "ASSIGN_LICENSE" -> "+ license " + target;
            case "REMOVE_LICENSE" -> "\u2212 license " + target;
            case "ASSIGN_SAAS_SEAT" -> "+ marketplace SaaS seat " + target;
            case "REMOVE_SAAS_SEAT" -> "\u2212 marketplace SaaS seat " + target;
            case "ADD_ROLE" -> "+ role " + target;
            case "REMOVE_ROLE" -> "\u2212 role " + target;
            case "SET_DISABLED_PLANS" -> "service plans off in " + target + ": " + shown(row.before()) + " \u2192 "
                    + shown(row.after());
            default -> row.change() + " " + target;
        };
    }

    private static String shown(String value) {
        return value == null || value.isEmpty() ? "(none)" : "\u201c" + value + "\u201d";
    }

    /**
     * One customer's part of the review.
     *
     * @param landing where its changes will land: "store only" or "live tenant"
     */
    public record CustomerReview(String tenantId, String name, String landing, List<UserChanges> users,
            List<ReportRow> rejected, List<SeatBars> seats) {

        public CustomerReview {
            users = List.copyOf(users);
            rejected = List.copyOf(rejected);
            seats = List.copyOf(seats);
        }
    }

    /** A user's planned changes, in plan order. */
    public record UserChanges(String userPrincipalName, List<ReportRow> changes) {

        public UserChanges {
            changes = List.copyOf(changes);
        }
    }

    /**
     * A SKU's seats as a small bar chart: purchased, assigned before and after the plan, each bar's width in
     * pixels out of {@link #WIDTH} for the largest of the three.
     */
    public record SeatBars(SeatReportRow seat, int purchasedWidth, int beforeWidth, int afterWidth) {

        public static final int WIDTH = 240;

        public static SeatBars of(SeatReportRow seat) {
            int largest = Math.max(1, Math.max(seat.purchased(), Math.max(seat.assignedBefore(),
                    seat.assignedAfter())));
            return new SeatBars(seat, width(seat.purchased(), largest), width(seat.assignedBefore(), largest),
                    width(seat.assignedAfter(), largest));
        }

        private static int width(int value, int largest) {
            return value <= 0 ? 0 : Math.max(2, Math.round((float) WIDTH * value / largest));
        }
    }
}
