package com.partnerops.reconcile.graph;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** Reading the few value shapes Graph and Partner Center answer with. */
final class LiveJson {

    private LiveJson() {
    }

    /** The field's text; "" when absent or null, as a snapshot's empty cell reads. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asString();
    }

    /** A date or date-time as its day; null when absent or unreadable (Partner Center leaves some out). */
    static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
            return value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")
                    ? OffsetDateTime.parse(value).toLocalDate() : LocalDateTime.parse(value).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
