package com.partnerops.reconcile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The rules: given one customer's desired rows, its current users, subscriptions and GDAP relationships, decide
 * every change and why it is planned or rejected.
 *
 * <p>Each user's changes follow the Partner Center wizard: user info, then roles, then licenses. Checks run from
 * the most fundamental to the most circumstantial (is the value valid, may the partner do it, does the user have a
 * usage location, is there a seat), and the first failing check names the reason. Across the customer, removals
 * release their seats before any addition takes one, and additions are served in file order.
 */
public final class CustomerPlanner {

    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

    private final GdapPolicy policy;
    private final RoleCatalog roleCatalog;
    private final ProductCatalog productCatalog;
    private final Instant now;
    private final boolean additive;

    /**
     * @param productCatalog lets a spreadsheet name a license by SKU part number, SKU id or product name, and a
     *     disabled plan by service plan name or id
     */
    public CustomerPlanner(GdapPolicy policy, RoleCatalog roleCatalog, ProductCatalog productCatalog, Instant now,
            boolean additive) {
        this.policy = policy;
        this.roleCatalog = roleCatalog;
        this.productCatalog = productCatalog;
        this.now = now;
        this.additive = additive;
    }

    /** A decision in the making: a change (or, with a null change, a problem with a whole cell or row). */
    private static final class Candidate {
        final PlannedChange change;
        final String target;
        ReasonCode reason;
        String message;
        String relationshipId;
        String note;
        Candidate dependsOn;

        Candidate(PlannedChange change) {
            this.change = change;
            this.target = change.target();
        }

        Candidate(String target, ReasonCode reason, String message) {
            this.change = null;
            this.target = target;
            this.reason = reason;
            this.message = message;
        }

        boolean open() {
            return reason == null;
        }

        boolean is(ChangeKind kind) {
            return change != null && change.kind() == kind;
        }

        /** Takes back a seat rejection, for the next round of {@link #serveSeats}. */
        void reopen() {
            reason = null;
            message = null;
        }

        Candidate reject(ReasonCode why, String text) {
            if (reason == null) {
                reason = why;
                message = text;
            }
            return this;
        }
    }

    private static final class UserDraft {
        final DesiredUserRow row;
        final DirectoryUser current;
        final List<Candidate> candidates = new ArrayList<>();

        UserDraft(DesiredUserRow row, DirectoryUser current) {
            this.row = row;
            this.current = current;
        }

        Candidate add(Candidate candidate) {
            candidates.add(candidate);
            return candidate;
        }
    }

    /**
     * Rows whose customer reference matched no tenant: nothing about them can be planned. A row that was misread
     * (split on the wrong delimiter, say) names no real customer either; it is rejected for what really went wrong.
     */
    public static List<PlanLine> rejectUnknownCustomer(List<DesiredUserRow> rows) {
        return rows.stream().map(row -> row.readProblem() != null
                // the target is the customer cell as read: the report's customer column shows it
                ? PlanLine.rejectedRow(null, row, row.customerRef(), ReasonCode.INVALID_VALUE, row.readProblem()
                        + "; nothing of this row is planned")
                : PlanLine.rejectedRow(null, row, row.customerRef(),
                ReasonCode.UNKNOWN_CUSTOMER, Names.isBlank(row.customerRef())
                        ? "the customer cell is empty: give a tenant id, domain or customer name, or pass exactly"
                                + " one --customer"
                        : "customer '" + row.customerRef() + "' matches no tenant id, domain or customer name in"
                                + " the current state"))
                .toList();
    }

    /**
     * @param rows this customer's desired rows, in file order
     * @param currentUsers the customer's current users that the rows name, keyed by {@link Names#key} of the UPN
     */
    public CustomerPlan plan(CustomerContext context, List<DesiredUserRow> rows, Map<String, DirectoryUser> currentUsers) {
        String tenantId = context.customer().tenantId();
        GdapAuthority gdap = new GdapAuthority(policy, context.relationships(), now);
        LicenseNames names = new LicenseNames(context.subscriptions(), productCatalog);
        Map<String, List<DesiredUserRow>> rowsByUser = new LinkedHashMap<>();
        rows.forEach(row -> rowsByUser.computeIfAbsent(Names.key(row.userPrincipalName()), k -> new ArrayList<>())
                .add(row));

        List<UserDraft> drafts = new ArrayList<>();
        int[] heldBack = {0};
        for (DesiredUserRow row : rows) {
            UserDraft draft = new UserDraft(row, currentUsers.get(Names.key(row.userPrincipalName())));
            List<DesiredUserRow> sameUser = rowsByUser.get(Names.key(row.userPrincipalName()));
            if (row.readProblem() != null) {
                draft.add(new Candidate("row", ReasonCode.INVALID_VALUE, row.readProblem()
                        + "; nothing of this row is planned"));
            } else if (Names.isBlank(row.userPrincipalName())) {
                draft.add(new Candidate("userPrincipalName", ReasonCode.INVALID_VALUE,
                        "userPrincipalName is empty: every row must name the user it is about"));
            } else if (sameUser.size() > 1 && sameUser.stream().anyMatch(other -> !other.sameWishesAs(row))) {
                draft.add(new Candidate(row.userPrincipalName(), ReasonCode.DUPLICATE_USER,
                        row.userPrincipalName() + " appears in " + sameUser.size() + " rows with different wishes ("
                                + String.join(", ", sameUser.stream().map(DesiredUserRow::where).toList())
                                + "): keep one row per user; none of them is planned"));
            } else if (sameUser.size() > 1 && sameUser.get(0) != row) {
                continue; // an exact repeat of an earlier row asks for nothing new
            } else if (draft.current == null) {
                draft.add(new Candidate(row.userPrincipalName(), ReasonCode.UNKNOWN_USER,
                        "no user " + row.userPrincipalName() + " in " + context.customer().name() + " ("
                                + context.customer().domain() + "): create the user first"));
            } else {
                heldBack[0] += draftChanges(context, names, gdap, draft);
            }
            drafts.add(draft);
        }

        SeatLedger ledger = serveSeats(drafts, context);
        rejectDependents(drafts);
        return new CustomerPlan(tenantId, lines(tenantId, drafts), ledger.lines(today()), plannedUsers(tenantId, drafts),
                heldBack[0]);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** Builds and checks the user's candidates; returns how many removals {@code --additive} held back. */
    private int draftChanges(CustomerContext context, LicenseNames names, GdapAuthority gdap, UserDraft draft) {
        DesiredUserRow row = draft.row;
        DirectoryUser current = draft.current;

        for (UserAttribute attribute : UserAttribute.values()) {
            String raw = row.attributes().get(attribute);
            if (Names.isBlank(raw)) {
                continue;
            }
            String wanted = attribute == UserAttribute.USAGE_LOCATION ? raw.strip().toUpperCase(Locale.ROOT) : raw.strip();
            if (wanted.equals(current.attribute(attribute))) {
                continue;
            }
            boolean usageLocation = attribute == UserAttribute.USAGE_LOCATION;
            boolean validCountry = COUNTRY_CODES.contains(wanted);
            Candidate candidate = draft.add(new Candidate(new PlannedChange.SetAttribute(attribute,
                    current.attribute(attribute), usageLocation && !validCountry ? raw.strip() : wanted)));
            Optional<String> unreadable = TextDamage.describe(wanted);
            if (usageLocation && !validCountry) {
                candidate.reject(ReasonCode.INVALID_VALUE, "usageLocation '" + TextDamage.excerpt(raw.strip())
                        + "' is not an ISO 3166-1 alpha-2 country code (for example FR, US, DE)");
            } else if (wanted.length() > attribute.maxLength()) {
                candidate.reject(ReasonCode.INVALID_VALUE, attribute.column() + " is " + wanted.length()
                        + " characters long; Microsoft Entra ID accepts at most " + attribute.maxLength());
            } else if (unreadable.isPresent()) {
                candidate.reject(ReasonCode.INVALID_VALUE, attribute.column() + " '" + TextDamage.excerpt(wanted)
                        + "' " + unreadable.get());
            }
        }

        int heldBack = 0;
        if (row.roles().isPresent()) {
            heldBack += draftRoles(draft, row.roles().get());
        }
        if (row.licenses().isPresent()) {
            heldBack += draftLicenses(context, names, draft, row.licenses().get());
        }
        for (Candidate candidate : draft.candidates) {
            if (candidate.open() && candidate.change != null) {
                GdapAuthority.Verdict verdict = gdap.check(candidate.change);
                if (verdict.granted()) {
                    candidate.relationshipId = verdict.relationshipId();
                } else {
                    candidate.reject(verdict.reason(), verdict.message());
                }
            }
        }
        requireUsageLocation(draft);
        // Disabled plans depend on which licenses survive the checks above, so they are drafted last.
        if (row.disabledPlans().isPresent()) {
            draftDisabledPlans(context, names, gdap, draft, row.disabledPlans().get());
        }
        return heldBack;
    }

    private record ListDiff(List<String> additions, List<String> removals, List<String> unknownAdditions,
            List<String> unknownRemovals) {
    }

    /**
     * Turns a list cell into additions and removals against what the user holds. An exact list that names
     * something unknown removes nothing: the unknown name may be a misspelling of something the user holds.
     */
    private static ListDiff diff(ListChange spec, Set<String> held, Function<String, Optional<String>> resolve) {
        Map<String, String> heldByKey = new LinkedHashMap<>();
        held.forEach(item -> heldByKey.put(Names.key(item), item));
        Function<String, Optional<String>> resolveOrHeld = name -> resolve.apply(name)
                .or(() -> Optional.ofNullable(heldByKey.get(Names.key(name))));
        List<String> additions = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        List<String> unknownAdditions = new ArrayList<>();
        List<String> unknownRemovals = new ArrayList<>();
        if (spec instanceof ListChange.Exact exact) {
            Set<String> wantedKeys = new LinkedHashSet<>();
            for (String name : exact.items()) {
                Optional<String> canonical = resolveOrHeld.apply(name);
                if (canonical.isEmpty()) {
                    unknownAdditions.add(name);
                    continue;
                }
                wantedKeys.add(Names.key(canonical.get()));
                if (!heldByKey.containsKey(Names.key(canonical.get()))) {
                    additions.add(canonical.get());
                }
            }
            if (unknownAdditions.isEmpty()) {
                heldByKey.forEach((key, item) -> {
                    if (!wantedKeys.contains(key)) {
                        removals.add(item);
                    }
                });
            }
        } else if (spec instanceof ListChange.Delta delta) {
            for (String name : delta.remove()) {
                Optional<String> canonical = resolveOrHeld.apply(name);
                String heldItem = canonical.map(item -> heldByKey.get(Names.key(item))).orElse(null);
                if (heldItem != null) {
                    removals.add(heldItem);
                } else if (canonical.isEmpty()) {
                    unknownRemovals.add(name);
                }
            }
            for (String name : delta.add()) {
                Optional<String> canonical = resolveOrHeld.apply(name);
                if (canonical.isEmpty()) {
                    unknownAdditions.add(name);
                } else if (!heldByKey.containsKey(Names.key(canonical.get()))) {
                    additions.add(canonical.get());
                }
            }
        }
        return new ListDiff(additions, removals, unknownAdditions, unknownRemovals);
    }

    private static Optional<ListChange> parseCell(UserDraft draft, String column, String cell) {
        try {
            return Optional.of(ListChange.parse(cell));
        } catch (IllegalArgumentException e) {
            draft.add(new Candidate(column, ReasonCode.INVALID_VALUE, column + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    private int draftRoles(UserDraft draft, String cell) {
        Optional<ListChange> spec = parseCell(draft, "roles", cell);
        if (spec.isEmpty()) {
            return 0;
        }
        ListDiff diff = diff(spec.get(), draft.current.roles(), roleCatalog::canonical);
        for (String role : diff.removals()) {
            if (additive) {
                continue;
            }
            draft.add(new Candidate(new PlannedChange.RemoveRole(role)));
        }
        for (String role : diff.unknownRemovals()) {
            draft.add(new Candidate(new PlannedChange.RemoveRole(role)))
                    .reject(ReasonCode.UNKNOWN_ROLE, unknownRole(role));
        }
        for (String role : diff.additions()) {
            draft.add(new Candidate(new PlannedChange.AddRole(role)));
        }
        for (String role : diff.unknownAdditions()) {
            draft.add(new Candidate(new PlannedChange.AddRole(role)))
                    .reject(ReasonCode.UNKNOWN_ROLE, unknownRole(role) + keptNote(spec.get(), "roles"));
        }
        return additive ? diff.removals().size() : 0;
    }

    private static String unknownRole(String role) {
        return "'" + role + "' is not a Microsoft Entra built-in admin role (use the role's display name, for"
                + " example User Administrator)";
    }

    private static String keptNote(ListChange spec, String what) {
        return spec instanceof ListChange.Exact ? "; the user's other " + what + " are kept until the cell is fixed"
                : "";
    }

    private int draftLicenses(CustomerContext context, LicenseNames names, UserDraft draft, String cell) {
        Optional<ListChange> spec = parseCell(draft, "licenses", cell);
        if (spec.isEmpty()) {
            return 0;
        }
        Function<String, Optional<String>> resolveSku = name -> names.resolve(name) instanceof LicenseNames.Resolved
                resolved ? context.subscriptionsFor(resolved.skuPartNumber()).stream().findFirst()
                        .map(Subscription::skuPartNumber) : Optional.empty();
        ListDiff diff = diff(spec.get(), draft.current.licenses(), resolveSku);
        for (String sku : diff.removals()) {
            if (additive) {
                continue;
            }
            boolean saas = context.subscriptionsFor(sku).stream().allMatch(s -> s.kind() == SubscriptionKind.SAAS)
                    && !context.subscriptionsFor(sku).isEmpty();
            draft.add(new Candidate(saas ? new PlannedChange.RemoveSaasSeat(sku) : new PlannedChange.RemoveLicense(sku)));
        }
        for (String sku : diff.unknownRemovals()) {
            draft.add(new Candidate(new PlannedChange.RemoveLicense(sku))).reject(ReasonCode.UNKNOWN_SKU,
                    "the user does not hold '" + sku + "': " + unknownLicense(context, names, sku));
        }
        for (String sku : diff.additions()) {
            draftAssignment(context, draft, sku);
        }
        for (String sku : diff.unknownAdditions()) {
            draft.add(new Candidate(new PlannedChange.AssignLicense(sku))).reject(ReasonCode.UNKNOWN_SKU,
                    unknownLicense(context, names, sku) + keptNote(spec.get(), "licenses"));
        }
        return additive ? diff.removals().size() : 0;
    }

    /** Why a license name leads nowhere: not a product at all (with the closest names), or not one it bought. */
    private static String unknownLicense(CustomerContext context, LicenseNames names, String written) {
        if (names.resolve(written) instanceof LicenseNames.Unresolved unresolved) {
            return unresolved.message();
        }
        String sku = ((LicenseNames.Resolved) names.resolve(written)).skuPartNumber();
        return context.customer().name() + " has no subscription for '" + written + "'"
                + (Names.key(sku).equals(Names.key(written)) ? "" : " (" + sku + ")");
    }

    private static void draftAssignment(CustomerContext context, UserDraft draft, String sku) {
        List<Subscription> subscriptions = context.subscriptionsFor(sku);
        SubscriptionKind kind = subscriptions.stream().map(Subscription::kind)
                .filter(k -> k == SubscriptionKind.LICENSE || k == SubscriptionKind.SAAS).findFirst()
                .orElse(subscriptions.get(0).kind());
        String product = sku + " (" + subscriptions.get(0).productName() + ")";
        switch (kind) {
            case ADDON -> draft.add(new Candidate(new PlannedChange.AssignLicense(sku))).reject(
                    ReasonCode.NOT_ASSIGNABLE_ADDON, product + " is a tenant-level add-on: it applies to the whole"
                            + " tenant and is never assigned to a user");
            case SOFTWARE -> draft.add(new Candidate(new PlannedChange.AssignLicense(sku))).reject(
                    ReasonCode.SOFTWARE_PURCHASE, product + " is a software purchase (keys and downloads), never"
                            + " assigned to a user");
            case LICENSE, SAAS -> {
                Candidate candidate = draft.add(new Candidate(kind == SubscriptionKind.SAAS
                        ? new PlannedChange.AssignSaasSeat(sku)
                        : new PlannedChange.AssignLicense(sku)));
                List<Subscription> ofKind = subscriptions.stream().filter(s -> s.kind() == kind).toList();
                if (ofKind.stream().noneMatch(Subscription::seatsUsable)) {
                    candidate.reject(ReasonCode.SUBSCRIPTION_INACTIVE, "every subscription for " + product
                            + " is suspended or expired (" + String.join(", ", ofKind.stream()
                                    .map(s -> s.subscriptionId() + " " + s.status().name().toLowerCase()).toList())
                            + "): reactivate or buy one");
                } else if (ofKind.stream().noneMatch(s -> s.status() == SubscriptionStatus.ACTIVE)) {
                    candidate.note = "the subscription for " + sku + " is in its grace period: renew it or the"
                            + " seat stops working";
                }
            }
        }
    }

    /** A license can only be assigned to a user with a usage location, already set or set (and allowed) here. */
    private static void requireUsageLocation(UserDraft draft) {
        if (!draft.current.attribute(UserAttribute.USAGE_LOCATION).isEmpty()) {
            return;
        }
        Optional<Candidate> setting = draft.candidates.stream().filter(c -> c.change instanceof
                PlannedChange.SetAttribute set && set.attribute() == UserAttribute.USAGE_LOCATION).findFirst();
        if (setting.isPresent() && setting.get().open()) {
            return;
        }
        String why = setting.map(c -> "the usageLocation change in this row was rejected (" + c.reason + ")")
                .orElse("add a usageLocation (for example FR) to this row");
        for (Candidate candidate : draft.candidates) {
            if (candidate.open() && candidate.is(ChangeKind.ASSIGN_LICENSE)) {
                candidate.reject(ReasonCode.USAGE_LOCATION_REQUIRED, "a license needs a usage location and "
                        + draft.current.userPrincipalName() + " has none: " + why);
            }
        }
    }

    private void draftDisabledPlans(CustomerContext context, LicenseNames names, GdapAuthority gdap, UserDraft draft,
            String cell) {
        Map<String, Set<String>> wanted = new TreeMap<>();
        for (String entry : cell.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                draft.add(new Candidate("disabledPlans", ReasonCode.INVALID_VALUE, "disabledPlans entry '"
                        + entry.strip() + "' is not SKU:PLAN (for example ENTERPRISEPACK:YAMMER_ENTERPRISE)"));
                return;
            }
            String sku = names.resolve(entry.substring(0, colon)) instanceof LicenseNames.Resolved resolved
                    ? resolved.skuPartNumber() : entry.substring(0, colon).strip();
            wanted.computeIfAbsent(Names.key(sku), k -> new TreeSet<>())
                    .add(productCatalog.servicePlanName(sku, entry.substring(colon + 1).strip()));
        }
        Map<String, String> finalLicenses = new LinkedHashMap<>();
        Map<String, Candidate> assignments = new LinkedHashMap<>();
        draft.current.licenses().forEach(sku -> finalLicenses.put(Names.key(sku), sku));
        for (Candidate candidate : draft.candidates) {
            if (candidate.open() && candidate.change != null) {
                switch (candidate.change.kind()) {
                    case REMOVE_LICENSE -> finalLicenses.remove(Names.key(candidate.target));
                    case ASSIGN_LICENSE -> {
                        finalLicenses.put(Names.key(candidate.target), candidate.target);
                        assignments.put(Names.key(candidate.target), candidate);
                    }
                    default -> { }
                }
            }
        }
        wanted.forEach((key, plans) -> {
            if (!finalLicenses.containsKey(key)) {
                String sku = context.subscriptionsFor(key).stream().findFirst().map(Subscription::skuPartNumber)
                        .orElse(key);
                draft.add(new Candidate(new PlannedChange.SetDisabledPlans(sku, plans, Set.of())))
                        .reject(ReasonCode.INVALID_VALUE, "disabled plans for " + sku
                                + ", which the user will not hold after this plan");
            }
        });
        finalLicenses.forEach((key, sku) -> {
            boolean saas = context.subscriptionsFor(sku).stream().anyMatch(s -> s.kind() == SubscriptionKind.SAAS);
            Set<String> off = wanted.getOrDefault(key, Set.of());
            Set<String> before = draft.current.disabledPlansOf(sku);
            if (saas || new TreeSet<>(off).equals(new TreeSet<>(before))) {
                return;
            }
            Candidate candidate = draft.add(new Candidate(new PlannedChange.SetDisabledPlans(sku, off, before)));
            candidate.dependsOn = assignments.get(key);
            GdapAuthority.Verdict verdict = gdap.check(candidate.change);
            if (verdict.granted()) {
                candidate.relationshipId = verdict.relationshipId();
            } else {
                candidate.reject(verdict.reason(), verdict.message());
            }
        });
    }

    /**
     * Removals first, so a seat freed in this run can be reused in this run; then additions in file order. A row
     * whose license addition is rejected keeps the licenses it would have removed (the transition rule), and a
     * removal held back frees no seat: the additions that counted on it are decided again, on a fresh ledger, until
     * nothing changes. Each round only holds back more removals, so the rounds end.
     *
     * @return the ledger of the last round, which the report's seat lines come from
     */
    private static SeatLedger serveSeats(List<UserDraft> drafts, CustomerContext context) {
        while (true) {
            SeatLedger ledger = new SeatLedger(context);
            List<Candidate> shortOfSeats = allocateSeats(drafts, ledger);
            if (!holdBackReplacedLicenses(drafts)) {
                explainShortfalls(shortOfSeats, ledger);
                explainHeldBackRemovals(drafts);
                return ledger;
            }
            shortOfSeats.forEach(Candidate::reopen);
        }
    }

    private static List<Candidate> allocateSeats(List<UserDraft> drafts, SeatLedger ledger) {
        for (UserDraft draft : drafts) {
            for (Candidate c : draft.candidates) {
                if (c.open() && c.change.kind().freesSeat()) {
                    ledger.release(c.target);
                }
            }
        }
        List<Candidate> shortOfSeats = new ArrayList<>();
        for (UserDraft draft : drafts) {
            for (Candidate c : draft.candidates) {
                if (c.open() && c.change.kind().takesSeat() && !ledger.take(c.target)) {
                    shortOfSeats.add(c.reject(ReasonCode.INSUFFICIENT_SEATS, null));
                }
            }
        }
        return shortOfSeats;
    }

    /** The transition rule; true when it held back a removal that was still open. */
    private static boolean holdBackReplacedLicenses(List<UserDraft> drafts) {
        boolean changed = false;
        for (UserDraft draft : drafts) {
            Optional<Candidate> rejectedAddition = draft.candidates.stream()
                    .filter(c -> !c.open() && c.change != null && c.change.kind().takesSeat()).findFirst();
            if (rejectedAddition.isEmpty()) {
                continue;
            }
            for (Candidate c : draft.candidates) {
                if (c.open() && c.change.kind().freesSeat()) {
                    c.reject(ReasonCode.REPLACEMENT_REJECTED, null);
                    c.dependsOn = rejectedAddition.get();
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static void explainShortfalls(List<Candidate> shortOfSeats, SeatLedger ledger) {
        for (Candidate c : shortOfSeats) {
            int toBuy = ledger.shortfall(c.target);
            c.message = "no free seat for " + c.target + ": " + ledger.purchased(c.target) + " purchased, "
                    + ledger.assigned(c.target) + " assigned after this run's removals; buy " + toBuy + " more seat"
                    + (toBuy == 1 ? "" : "s") + " to serve every requested assignment of it";
        }
    }

    /** Worded once the additions' own messages are final, since the removal's message quotes its addition's. */
    private static void explainHeldBackRemovals(List<UserDraft> drafts) {
        for (UserDraft draft : drafts) {
            for (Candidate c : draft.candidates) {
                if (c.reason == ReasonCode.REPLACEMENT_REJECTED && c.message == null) {
                    Candidate addition = c.dependsOn;
                    c.message = c.target + " is kept: this row also adds " + addition.target + ", which was rejected ("
                            + addition.reason + ": " + addition.message + "); removing " + c.target
                            + " alone would leave the user without its replacement";
                }
            }
        }
    }

    private static void rejectDependents(List<UserDraft> drafts) {
        for (UserDraft draft : drafts) {
            for (Candidate c : draft.candidates) {
                if (c.open() && c.dependsOn != null && !c.dependsOn.open()) {
                    c.reject(c.dependsOn.reason, "depends on " + c.dependsOn.change.kind() + " " + c.dependsOn.target
                            + " in this row, which was rejected: " + c.dependsOn.message);
                }
            }
        }
    }

    private static List<PlanLine> lines(String tenantId, List<UserDraft> drafts) {
        List<PlanLine> lines = new ArrayList<>();
        for (UserDraft draft : drafts) {
            for (Candidate c : draft.candidates) {
                if (c.change == null) {
                    lines.add(PlanLine.rejectedRow(tenantId, draft.row, c.target, c.reason, c.message));
                } else if (c.open()) {
                    lines.add(PlanLine.planned(tenantId, draft.row, c.change, c.relationshipId, c.note));
                } else {
                    lines.add(PlanLine.rejected(tenantId, draft.row, c.change, c.reason, c.message));
                }
            }
        }
        return lines;
    }

    private static List<PlannedUser> plannedUsers(String tenantId, List<UserDraft> drafts) {
        List<PlannedUser> users = new ArrayList<>();
        for (UserDraft draft : drafts) {
            if (draft.current != null && draft.candidates.stream().anyMatch(c -> c.open() && c.change != null)) {
                boolean freesSeats = draft.candidates.stream().anyMatch(c -> c.open()
                        && (c.is(ChangeKind.REMOVE_LICENSE) || c.is(ChangeKind.REMOVE_SAAS_SEAT)));
                users.add(new PlannedUser(tenantId, draft.current.userPrincipalName(), draft.current.fingerprint(),
                        freesSeats));
            }
        }
        return users;
    }
}
