package com.partnerops.reconcile.domain;

import java.util.Optional;

/** The user-info fields a desired file may set; the column name is also the report's {@code target}. */
public enum UserAttribute {
    DISPLAY_NAME("displayName", 256),
    GIVEN_NAME("givenName", 64),
    SURNAME("surname", 64),
    JOB_TITLE("jobTitle", 128),
    DEPARTMENT("department", 64),
    USAGE_LOCATION("usageLocation", 2);

    private final String column;
    private final int maxLength;

    UserAttribute(String column, int maxLength) {
        this.column = column;
        this.maxLength = maxLength;
    }

    public String column() {
        return column;
    }

    /** The longest value Microsoft Entra ID accepts for the property; longer is refused by Graph. */
    public int maxLength() {
        return maxLength;
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
