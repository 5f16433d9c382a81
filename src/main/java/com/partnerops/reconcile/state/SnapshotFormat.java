package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.CountryCodes;
import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.LicenseNames;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.domain.Program;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.domain.SubscriptionKind;
import com.partnerops.reconcile.domain.SubscriptionStatus;
import com.partnerops.reconcile.domain.TextDamage;
import com.partnerops.reconcile.domain.UserAttribute;
import com.partnerops.reconcile.ingest.SourceRow;
import com.partnerops.reconcile.ingest.UnusableInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The current-state snapshot {@code import-state} reads: four CSV files, one record type each. Every value is
 * checked here, so a bad snapshot is refused before anything in the store changes. (The admin center exports a
 * snapshot may hold instead of, or besides, {@code users.csv} are {@link ActiveUsersExports}.)
 */
public enum SnapshotFormat {
    CUSTOMERS("customers.csv", List.of("tenantId", "domain", "name"), List.of()),
    SUBSCRIPTIONS("subscriptions.csv",
            List.of("tenantId", "subscriptionId", "skuPartNumber", "kind", "program", "quantity", "status"),
            List.of("productName", "commitmentStart", "termEnd", "assignedDisplay", "refundableSeats",
                    "refundableUntil")),
    GDAP("gdap.csv", List.of("tenantId", "relationshipId", "status", "roles"), List.of("endDateTime")),
    USERS("users.csv", List.of("tenantId", "userPrincipalName"),
            List.of("displayName", "givenName", "surname", "usageLocation", "jobTitle", "department",
                    "accountEnabled", "licenses", "roles", "disabledPlans", "groupLicenses"));

    /** An e-mail address at its longest, as the store keeps user principal names. */
    static final int MAX_UPN_LENGTH = 320;
    /** The longest value the store's column holds; user info has Microsoft Entra ID's own limits instead. */
    private static final Map<String, Integer> MAX_LENGTHS = Map.of("tenantId", 64, "domain", 255, "name", 255,
            "subscriptionId", 128, "skuPartNumber", 128, "productName", 255, "assignedDisplay", 64,
            "relationshipId", 128, "roles", 4000, "userPrincipalName", MAX_UPN_LENGTH);
    /** Lists of names, where a tab or line break is white space between entries. */
    private static final Set<String> LIST_COLUMNS = Set.of("licenses", "roles", "disabledPlans", "groupLicenses");
    /** A group's display name at its longest in Microsoft Entra ID. */
    private static final int MAX_GROUP_LENGTH = 256;
    /** A single role as the store keeps it. */
    private static final int MAX_ROLE_LENGTH = 255;

    private final String fileName;
    private final List<String> required;
    private final List<String> optional;
    /** Required then optional, in order; kept, since every row of a million-user snapshot is checked against it. */
    private final Set<String> known;

    SnapshotFormat(String fileName, List<String> required, List<String> optional) {
        this.fileName = fileName;
        this.required = required;
        this.optional = optional;
        Set<String> all = new LinkedHashSet<>(required);
        all.addAll(optional);
        this.known = Collections.unmodifiableSet(all);
    }

    public String fileName() {
        return fileName;
    }

    public Set<String> requiredColumns() {
        return Set.copyOf(required);
    }

    public Set<String> knownColumns() {
        return known;
    }

    /**
     * Reads one row as this file's record; throws naming file, row and column when a value is unusable.
     *
     * @param licenseNames how the snapshot's tenants name licenses (only users.csv names any)
     */
    public Object toRecord(SourceRow row, SnapshotLicenseNames licenseNames) {
        if (row.problem() != null) {
            throw problem(row, null, row.problem());
        }
        for (String column : required) {
            if (row.get(column).isEmpty()) {
                throw problem(row, column, "a value is required");
            }
        }
        refuseCharacters(row, knownColumns(), LIST_COLUMNS);
        for (String column : knownColumns()) {
            if (MAX_LENGTHS.containsKey(column)) {
                requireFits(row, column, MAX_LENGTHS.get(column));
            }
        }
        return switch (this) {
            case CUSTOMERS -> new Customer(row.get("tenantId"), row.get("domain"), row.get("name"));
            case SUBSCRIPTIONS -> subscription(row);
            case GDAP -> relationship(row);
            case USERS -> user(row, licenseNames);
        };
    }

    private static Subscription subscription(SourceRow row) {
        return new Subscription(row.get("tenantId"), row.get("subscriptionId"), row.get("skuPartNumber"),
                row.get("productName"),
                choice(row, "kind", SubscriptionKind::valueOf, SubscriptionKind.values()),
                choice(row, "program", Program::valueOf, Program.values()),
                quantity(row, "quantity"),
                choice(row, "status", SubscriptionStatus::valueOf, SubscriptionStatus.values()),
                date(row, "commitmentStart"), date(row, "termEnd"), row.get("assignedDisplay"), refundable(row));
    }

    /** Partner Center's refundable seats, when the snapshot says: a number of seats needs the day it ends. */
    private static Subscription.Refundable refundable(SourceRow row) {
        if (row.get("refundableSeats").isEmpty()) {
            return null;
        }
        int seats = quantity(row, "refundableSeats");
        LocalDate until = date(row, "refundableUntil");
        if (until == null && seats > 0) {
            throw problem(row, "refundableUntil", "is empty; say until which day the refundable seats can be reduced");
        }
        return new Subscription.Refundable(seats, until);
    }

    private static GdapRelationship relationship(SourceRow row) {
        String status = row.get("status").toLowerCase(Locale.ROOT);
        if (!Set.of("active", "expired", "terminated").contains(status)) {
            throw problem(row, "status", "'" + row.get("status") + "' is not one of active, expired, terminated");
        }
        return new GdapRelationship(row.get("tenantId"), row.get("relationshipId"), status, instant(row, "endDateTime"),
                PlannedChange.splitList(row.get("roles")).stream().toList());
    }

    private static DirectoryUser user(SourceRow row, SnapshotLicenseNames licenseNames) {
        Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
        for (UserAttribute attribute : UserAttribute.values()) {
            if (attribute != UserAttribute.USAGE_LOCATION) { // checked below as a country code, a sharper message
                requireFits(row, attribute.column(), attribute);
            }
            attributes.put(attribute, row.get(attribute.column()));
        }
        String usage = row.get("usageLocation");
        if (!usage.isEmpty()) {
            if (!CountryCodes.isCountryCode(usage.toUpperCase(Locale.ROOT))) {
                throw problem(row, "usageLocation", "'" + usage + "' is not an ISO 3166-1 alpha-2 country code");
            }
            attributes.put(UserAttribute.USAGE_LOCATION, usage.toUpperCase(Locale.ROOT));
        }
        String enabled = row.get("accountEnabled").toLowerCase(Locale.ROOT);
        if (!Set.of("", "true", "false").contains(enabled)) {
            throw problem(row, "accountEnabled", "'" + row.get("accountEnabled") + "' is not true or false");
        }
        String tenantId = row.get("tenantId");
        Set<String> licenses = licenseNames.skuPartNumbers(row, "licenses", tenantId,
                PlannedChange.splitList(row.get("licenses")));
        Map<String, Set<String>> disabled = new TreeMap<>();
        for (String entry : PlannedChange.splitList(row.get("disabledPlans"))) {
            String sku = heldSku(row, "disabledPlans", entry, licenses, licenseNames.of(tenantId));
            disabled.computeIfAbsent(sku, k -> new TreeSet<>())
                    .add(licenseNames.servicePlanName(sku, entry.substring(entry.indexOf(':') + 1).strip()));
        }
        Set<String> roles = new TreeSet<>(PlannedChange.splitList(row.get("roles")));
        for (String role : roles) {
            if (role.length() > MAX_ROLE_LENGTH) {
                throw problem(row, "roles", "'" + TextDamage.excerpt(role) + "' is " + role.length()
                        + " characters long; a role name of at most " + MAX_ROLE_LENGTH + " fits");
            }
        }
        Map<String, String> inherited = new TreeMap<>();
        for (String entry : PlannedChange.splitList(row.get("groupLicenses"))) {
            String group = entry.substring(entry.indexOf(':') + 1).strip();
            if (group.length() > MAX_GROUP_LENGTH) {
                throw problem(row, "groupLicenses", "'" + TextDamage.excerpt(group) + "' is " + group.length()
                        + " characters long; a group name of at most " + MAX_GROUP_LENGTH + " fits");
            }
            inherited.put(heldSku(row, "groupLicenses", entry, licenses, licenseNames.of(tenantId)), group);
        }
        return new DirectoryUser(tenantId, row.get("userPrincipalName"), attributes, !"false".equals(enabled),
                licenses, roles, disabled, inherited);
    }

    /** A user attribute Microsoft Entra ID would refuse is refused here, as the store has no room for it either. */
    static void requireFits(SourceRow row, String column, UserAttribute attribute) {
        requireFits(row, column, attribute.maxLength(), "Microsoft Entra ID accepts at most " + attribute.maxLength());
    }

    /** A control or bidirectional character refuses the snapshot, as it would refuse a desired row. */
    static void refuseCharacters(SourceRow row, Collection<String> columns, Set<String> listColumns) {
        for (String column : columns) {
            Optional<String> refused = TextDamage.refusedCharacter(row.get(column), listColumns.contains(column));
            if (refused.isPresent()) {
                throw problem(row, column, "the cell has " + refused.get());
            }
        }
    }

    /** A value longer than the store's column for it. */
    static void requireFits(SourceRow row, String column, int maxLength) {
        requireFits(row, column, maxLength, "at most " + maxLength + " fit");
    }

    private static void requireFits(SourceRow row, String column, int maxLength, String limit) {
        int length = row.get(column).length();
        if (length > maxLength) {
            throw problem(row, column, "is " + length + " characters long; " + limit);
        }
    }

    /**
     * The SKU part of a {@code disabledPlans} entry {@code SKU:PLAN} or a {@code groupLicenses} entry
     * {@code SKU:group}, which must be one of the user's licenses.
     */
    private static String heldSku(SourceRow row, String column, String entry, Set<String> licenses,
            LicenseNames names) {
        int colon = entry.indexOf(':');
        if (colon > 0 && colon < entry.length() - 1) {
            LicenseNames.Result sku = names.resolve(entry.substring(0, colon));
            if (sku instanceof LicenseNames.Resolved resolved && licenses.contains(resolved.skuPartNumber())) {
                return resolved.skuPartNumber();
            }
            if (sku instanceof LicenseNames.Unresolved unresolved) {
                throw problem(row, column, "'" + entry + "': " + unresolved.message());
            }
        }
        throw problem(row, column, "'" + entry + "' is not " + ("disabledPlans".equals(column) ? "SKU:PLAN"
                : "SKU:group") + " for one of the user's licenses");
    }

    private static <E extends Enum<E>> E choice(SourceRow row, String column, Function<String, E> parse, E[] values) {
        try {
            return parse.apply(row.get(column).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // spelled as the snapshot files spell them: kind and program in capitals, status in lower case
            throw problem(row, column, "'" + row.get(column) + "' is not one of " + Arrays.stream(values)
                    .map(value -> "status".equals(column) ? value.name().toLowerCase(Locale.ROOT) : value.name())
                    .toList());
        }
    }

    private static int quantity(SourceRow row, String column) {
        try {
            int quantity = Integer.parseInt(row.get(column));
            if (quantity >= 0) {
                return quantity;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw problem(row, column, "'" + row.get(column) + "' is not a whole number of seats (0 or more)");
    }

    private static LocalDate date(SourceRow row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return value.length() > 10 ? OffsetDateTime.parse(value).toLocalDate() : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw problem(row, column, "'" + value + "' is not a date like 2026-11-24");
        }
    }

    /** A date without a time means the start of that day, UTC. */
    private static Instant instant(SourceRow row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return value.length() > 10 ? OffsetDateTime.parse(value).toInstant()
                    : LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw problem(row, column, "'" + value + "' is not a date-time like 2027-01-31T00:00:00Z");
        }
    }

    static UnusableInputException problem(SourceRow row, String column, String what) {
        return new UnusableInputException(row.file(), row.sheet(), row.rowNumber(), column, what);
    }
}
