package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.Subscription;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Reads the subscription table's columns that more than one query maps back to a {@link Subscription}. */
final class SubscriptionColumns {

    private SubscriptionColumns() {
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    /** Partner Center's refundable seats, or null when the source did not say (NULL in the store). */
    static Subscription.Refundable refundable(ResultSet rs) throws SQLException {
        int seats = rs.getInt("refundable_seats");
        return rs.wasNull() ? null : new Subscription.Refundable(seats, date(rs, "refundable_until"));
    }
}
