package com.partnerops.reconcile.domain;

import java.util.Optional;

/** The user-info fields a desired file may set; the column name is also the report's {@code target}. */
public enum UserAttribute {
    DISPLAY_NAME("displayName"),
    GIVEN_NAME("givenName"),
    SURNAME("surname"),
    JOB_TITLE("jobTitle"),
    DEPARTMENT("department"),
    USAGE_LOCATION("usageLocation");

    private final String column;

    UserAttribute(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static Optional<UserAttribute> byColumn(String column) {
        for (UserAttribute attribute : values()) {
            if (attribute.column.equalsIgnoreCase(column)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
