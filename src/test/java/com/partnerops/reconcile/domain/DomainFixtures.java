package com.partnerops.reconcile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Concise builders for the domain's records; every test in this package builds its world through these. */
final class DomainFixtures {

    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static final String TENANT_ID = "7c1f0d2e-contoso";
    static final Customer CONTOSO = new Customer(TENANT_ID, "contoso.onmicrosoft.com", "Contoso");

    static final String E3 = "ENTERPRISEPACK";
    static final String E5 = "SPE_E5";
    static final String EMS = "EMS";
    static final String PBI = "POWER_BI_PRO";
    static final String STORAGE = "OFFICE365_EXTRA_FILE_STORAGE";
    static final String WINDOWS_SERVER = "WIN_SERVER_STD_CORE";
    static final String SAAS = "CONTOSO_SIGN_SEAT";

    static final String LICENSE_ADMIN = "License Administrator";
    static final String USER_ADMIN = "User Administrator";
    static final String PRIVILEGED_ROLE_ADMIN = "Privileged Role Administrator";

    private DomainFixtures() {
    }

    // ---- GDAP -------------------------------------------------------------------------------------------------

    /** Active, ending half a year from {@link #NOW}. */
    static GdapRelationship relationship(String id, String... roles) {
        return relationshipUntil(id, "active", NOW.plus(Duration.ofDays(180)), roles);
    }

    static GdapRelationship relationshipUntil(String id, String status, Instant end, String... roles) {
        return new GdapRelationship(TENANT_ID, id, status, end, List.of(roles));
    }

    /** One active relationship granting everything the planner ever needs. */
    static GdapRelationship fullAccess() {
        return relationship("rel-full", LICENSE_ADMIN, USER_ADMIN, PRIVILEGED_ROLE_ADMIN);
    }

    static GdapAuthority authority(GdapRelationship... relationships) {
        return new GdapAuthority(GdapPolicy.defaults(), List.of(relationships), NOW);
    }

    // ---- subscriptions ----------------------------------------------------------------------------------------

    /** An active NCE license subscription bought two months ago, id {@code sub-<sku>}. */
    static Subscription license(String sku, int quantity) {
        return subscription("sub-" + sku.toLowerCase(), sku, SubscriptionKind.LICENSE, quantity,
                SubscriptionStatus.ACTIVE);
    }

    static Subscription subscription(String id, String sku, SubscriptionKind kind, int quantity,
            SubscriptionStatus status) {
        return nce(id, sku, kind, quantity, status, TODAY.minusMonths(2), TODAY.minusMonths(2).plusYears(1));
    }

    static Subscription nce(String id, String sku, SubscriptionKind kind, int quantity, SubscriptionStatus status,
            LocalDate commitmentStart, LocalDate termEnd) {
        return new Subscription(TENANT_ID, id, sku, sku + " product", kind, Program.NCE, quantity, status,
                commitmentStart, termEnd, "Unavailable");
    }

    static Subscription legacy(String id, String sku, int quantity) {
        return new Subscription(TENANT_ID, id, sku, sku + " product", SubscriptionKind.LICENSE, Program.LEGACY,
                quantity, SubscriptionStatus.ACTIVE, null, null, "0");
    }

    // ---- users ------------------------------------------------------------------------------------------------

    static String upn(String localPart) {
        return localPart + "@contoso.com";
    }

    /** An enabled user with usage location FR and nothing else; shape it with the record's {@code with...}. */
    static DirectoryUser user(String localPart) {
        return userWithoutUsageLocation(localPart).withAttribute(UserAttribute.USAGE_LOCATION, "FR");
    }

    static DirectoryUser userWithoutUsageLocation(String localPart) {
        Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
        attributes.put(UserAttribute.DISPLAY_NAME, localPart);
        return new DirectoryUser(TENANT_ID, upn(localPart), attributes, true, Set.of(), Set.of(), Map.of());
    }

    static DirectoryUser user(String localPart, String... licenses) {
        return user(localPart).withLicenses(Set.of(licenses));
    }

    // ---- context ----------------------------------------------------------------------------------------------

    /** A customer whose assigned seats are counted from {@code users}' licenses, as the store does. */
    static CustomerContext context(List<Subscription> subscriptions, List<GdapRelationship> relationships,
            List<DirectoryUser> users) {
        Map<String, Integer> assigned = new HashMap<>();
        users.forEach(u -> u.licenses().forEach(sku -> assigned.merge(sku, 1, Integer::sum)));
        return new CustomerContext(CONTOSO, subscriptions, relationships, assigned);
    }

    static Map<String, DirectoryUser> byKey(List<DirectoryUser> users) {
        Map<String, DirectoryUser> map = new LinkedHashMap<>();
        users.forEach(u -> map.put(Names.key(u.userPrincipalName()), u));
        return map;
    }

    // ---- desired rows -----------------------------------------------------------------------------------------

    static RowBuilder row(int sourceRow, String localPart) {
        return new RowBuilder(sourceRow, upn(localPart));
    }

    static final class RowBuilder {
        private final int sourceRow;
        private final String userPrincipalName;
        private final Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
        private String customerRef = CONTOSO.domain();
        private String roles;
        private String licenses;
        private String disabledPlans;

        private RowBuilder(int sourceRow, String userPrincipalName) {
            this.sourceRow = sourceRow;
            this.userPrincipalName = userPrincipalName;
        }

        RowBuilder customer(String ref) {
            this.customerRef = ref;
            return this;
        }

        RowBuilder set(UserAttribute attribute, String value) {
            attributes.put(attribute, value);
            return this;
        }

        RowBuilder roles(String cell) {
            this.roles = cell;
            return this;
        }

        RowBuilder licenses(String cell) {
            this.licenses = cell;
            return this;
        }

        RowBuilder disabledPlans(String cell) {
            this.disabledPlans = cell;
            return this;
        }

        DesiredUserRow build() {
            return new DesiredUserRow("desired.csv", sourceRow, customerRef, userPrincipalName, attributes,
                    Optional.ofNullable(roles), Optional.ofNullable(licenses), Optional.ofNullable(disabledPlans),
                    null);
        }
    }

    // ---- planning ---------------------------------------------------------------------------------------------

    static CustomerPlanner planner() {
        return new CustomerPlanner(GdapPolicy.defaults(), RoleCatalog.builtIn(), ProductCatalog.builtIn(), NOW, false,
                SettingNames.COMMAND_LINE);
    }

    static CustomerPlanner additivePlanner() {
        return new CustomerPlanner(GdapPolicy.defaults(), RoleCatalog.builtIn(), ProductCatalog.builtIn(), NOW, true,
                SettingNames.COMMAND_LINE);
    }

    static CustomerPlan plan(CustomerContext context, List<DirectoryUser> users, RowBuilder... rows) {
        return plan(planner(), context, users, rows);
    }

    static CustomerPlan plan(CustomerPlanner planner, CustomerContext context, List<DirectoryUser> users,
            RowBuilder... rows) {
        return planner.plan(context, Arrays.stream(rows).map(RowBuilder::build).toList(), byKey(users));
    }

    static List<PlanLine> linesOf(CustomerPlan plan, String localPart) {
        return plan.lines().stream().filter(l -> l.userPrincipalName().equals(upn(localPart))).toList();
    }

    /** The one line of {@code kind} on {@code target} for the user; fails if there is none or more than one. */
    static PlanLine line(CustomerPlan plan, String localPart, ChangeKind kind, String target) {
        List<PlanLine> matching = linesOf(plan, localPart).stream()
                .filter(l -> l.kind() == kind && l.target().equals(target)).toList();
        assertThat(matching).as("%s %s lines for %s in %s", kind, target, localPart, plan.lines()).hasSize(1);
        return matching.get(0);
    }

    static SeatLine seatLine(CustomerPlan plan, String sku) {
        return plan.seats().stream().filter(s -> s.sku().equals(sku)).findFirst()
                .orElseThrow(() -> new AssertionError("no seat line for " + sku + " in " + plan.seats()));
    }
}
