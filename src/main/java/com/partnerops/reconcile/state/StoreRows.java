package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.domain.Program;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.domain.SubscriptionKind;
import com.partnerops.reconcile.domain.SubscriptionStatus;
import com.partnerops.reconcile.domain.UserAttribute;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How a row of a current-state table becomes a domain record: one mapping, for every query that reads them; and
 * the one way rows of text go the other way, in a batch.
 */
final class StoreRows {

    private StoreRows() {
    }

    /**
     * Rows whose every value is text (or null), in one batch, each set as text: from plain {@code Object[]} rows
     * Spring would work out every value's type, and for a null ask the driver for the parameter's.
     */
    static void sendText(JdbcTemplate jdbc, String sql, List<String[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, rows.size(), (statement, row) -> {
                for (int i = 0; i < row.length; i++) {
                    statement.setString(i + 1, row[i]);
                }
            });
        }
    }

    static Customer customer(ResultSet rs) throws SQLException {
        return new Customer(rs.getString("tenant_id"), rs.getString("domain"), rs.getString("name"));
    }

    static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getString("tenant_id"), rs.getString("subscription_id"), rs.getString("sku"),
                rs.getString("product_name"), SubscriptionKind.valueOf(rs.getString("kind")),
                Program.valueOf(rs.getString("program")), rs.getInt("quantity"),
                SubscriptionStatus.valueOf(rs.getString("status")), date(rs, "commitment_start"),
                date(rs, "term_end"), rs.getString("assigned_display"), refundable(rs));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    /** Partner Center's refundable seats, or null when the source did not say (NULL in the store). */
    private static Subscription.Refundable refundable(ResultSet rs) throws SQLException {
        int seats = rs.getInt("refundable_seats");
        return rs.wasNull() ? null : new Subscription.Refundable(seats, date(rs, "refundable_until"));
    }

    static GdapRelationship relationship(ResultSet rs) throws SQLException {
        OffsetDateTime end = rs.getObject("end_date_time", OffsetDateTime.class);
        return new GdapRelationship(rs.getString("tenant_id"), rs.getString("relationship_id"),
                rs.getString("status"), end == null ? null : end.toInstant(),
                PlannedChange.splitList(rs.getString("roles")).stream().toList());
    }

    /**
     * A row of directory_user with the user's licenses, roles, disabled plans and the groups that assign licenses,
     * read from their own tables.
     */
    static DirectoryUser user(ResultSet rs, String tenantId, Set<String> licenses, Set<String> roles,
            Map<String, Set<String>> disabledPlans, Map<String, String> groupLicenses) throws SQLException {
        Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
        for (UserAttribute attribute : UserAttribute.values()) {
            attributes.put(attribute, rs.getString(column(attribute)));
        }
        return new DirectoryUser(tenantId, rs.getString("upn"), attributes, rs.getBoolean("account_enabled"),
                licenses, roles, disabledPlans, groupLicenses);
    }

    static String column(UserAttribute attribute) {
        return switch (attribute) {
            case DISPLAY_NAME -> "display_name";
            case GIVEN_NAME -> "given_name";
            case SURNAME -> "surname";
            case JOB_TITLE -> "job_title";
            case DEPARTMENT -> "department";
            case USAGE_LOCATION -> "usage_location";
        };
    }
}
