package com.partnerops.reconcile.ingest;

import com.partnerops.reconcile.domain.DesiredUserRow;
import com.partnerops.reconcile.domain.TextDamage;
import com.partnerops.reconcile.domain.UserAttribute;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The columns of a desired-state file (CSV or .xlsx alike) and how a row becomes a {@link DesiredUserRow}. */
public final class DesiredFileFormat {

    public static final String CUSTOMER = "customer";
    public static final String USER_PRINCIPAL_NAME = "userPrincipalName";
    public static final String ROLES = "roles";
    public static final String LICENSES = "licenses";
    public static final String DISABLED_PLANS = "disabledPlans";

    /** Lists of names, where a tab or line break is white space between entries. */
    private static final Set<String> LIST_COLUMNS = Set.of(ROLES, LICENSES, DISABLED_PLANS);

    private DesiredFileFormat() {
    }

    /** In the order the review names them; built once, as every desired row is checked against them. */
    private static final Set<String> KNOWN_COLUMNS = Collections.unmodifiableSet(columnsInOrder());

    public static Set<String> knownColumns() {
        return KNOWN_COLUMNS;
    }

    private static Set<String> columnsInOrder() {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(CUSTOMER);
        columns.add(USER_PRINCIPAL_NAME);
        for (UserAttribute attribute : UserAttribute.values()) {
            columns.add(attribute.column());
        }
        columns.add(ROLES);
        columns.add(LICENSES);
        columns.add(DISABLED_PLANS);
        return columns;
    }

    /** The customer column may be left out when the command names exactly one customer. */
    public static Set<String> requiredColumns(boolean singleCustomerGiven) {
        return singleCustomerGiven ? Set.of(USER_PRINCIPAL_NAME) : Set.of(CUSTOMER, USER_PRINCIPAL_NAME);
    }

    /** A list column that is present but blank means "none"; an absent column means "leave as is". */
    public static DesiredUserRow toDesiredRow(SourceRow row) {
        Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
        for (UserAttribute attribute : UserAttribute.values()) {
            String value = row.get(attribute.column());
            if (!value.isEmpty()) {
                attributes.put(attribute, value);
            }
        }
        return new DesiredUserRow(row.file(), row.rowNumber(), row.get(CUSTOMER), row.get(USER_PRINCIPAL_NAME),
                attributes, listCell(row, ROLES), listCell(row, LICENSES), listCell(row, DISABLED_PLANS),
                row.problem() != null ? row.problem() : refusedCharacter(row));
    }

    /**
     * A control or bidirectional character in any cell the job reads makes the whole row untrustworthy: it is
     * rejected (the planner's INVALID_VALUE for a row), naming the column and where in the cell.
     */
    private static String refusedCharacter(SourceRow row) {
        for (String column : knownColumns()) {
            boolean list = LIST_COLUMNS.contains(column);
            Optional<String> refused = TextDamage.refusedCharacter(row.get(column), list);
            if (refused.isPresent()) {
                return column + " has " + refused.get();
            }
        }
        return null;
    }

    private static Optional<String> listCell(SourceRow row, String column) {
        return row.has(column) ? Optional.of(row.get(column)) : Optional.empty();
    }
}
