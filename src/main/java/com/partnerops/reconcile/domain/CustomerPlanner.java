package com.partnerops.reconcile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules: given one customer's desired rows, its current users, subscriptions and GDAP relationships, decide
 * every change and why it is planned or rejected.
 *
 * <p>Each user's changes follow the Partner Center wizard: user info, then roles, then licenses. The checks run in
 * one order, from the most fundamental to the most circumstantial, and the first that fails names the reason:
 * <ol>
 * <li>{@link ValueCheck}: is the value usable (with {@link RoleDrafting} and {@link LicenseDrafting}, which reject
 *     names that lead nowhere and products that are never assigned);</li>
 * <li>{@link GdapCheck}: may the partner make the change;</li>
 * <li>{@link UsageLocationCheck}: can the user hold a license;</li>
 * <li>{@link SeatAllocation}: is there a seat, across the whole customer.</li>
 * </ol>
 * Rejection messages are worded in {@link Rejections}.
 */
public final class CustomerPlanner {

    private final GdapPolicy policy;
    private final RoleCatalog roleCatalog;
    private final ProductCatalog productCatalog;
    private final Instant now;
    private final boolean additive;
    private final SettingNames settings;

    /**
     * @param productCatalog lets a spreadsheet name a license by SKU part number, SKU id or product name, and a
     *     disabled plan by service plan name or id
     * @param settings how the messages name a setting, for the surface the plan is made from
     */
    public CustomerPlanner(GdapPolicy policy, RoleCatalog roleCatalog, ProductCatalog productCatalog, Instant now,
            boolean additive, SettingNames settings) {
        this.policy = policy;
        this.roleCatalog = roleCatalog;
        this.productCatalog = productCatalog;
        this.now = now;
        this.additive = additive;
        this.settings = settings;
    }

    /**
     * Rows whose customer reference matched no tenant: nothing about them can be planned. A row that was misread
     * (split on the wrong delimiter, say) names no real customer either; it is rejected for what really went wrong.
     */
    public List<PlanLine> rejectUnknownCustomer(List<DesiredUserRow> rows) {
        // the target is the customer cell as read: the report's customer column shows it
        return rows.stream().map(row -> row.readProblem() != null
                ? PlanLine.rejectedRow(null, row, row.customerRef(), ReasonCode.INVALID_VALUE,
                        Rejections.misread(row.readProblem()))
                : PlanLine.rejectedRow(null, row, row.customerRef(), ReasonCode.UNKNOWN_CUSTOMER,
                        Names.isBlank(row.customerRef()) ? Rejections.blankCustomer(settings)
                                : Rejections.unknownCustomer(row.customerRef())))
                .toList();
    }

    /**
     * Rows for a customer the submitter may not touch: rejected whole, and nothing of the customer's state is read,
     * so its users are neither planned nor shown.
     */
    public List<PlanLine> rejectOutOfScope(String tenantId, List<DesiredUserRow> rows) {
        return rows.stream().map(row -> PlanLine.rejectedRow(tenantId, row, row.userPrincipalName(),
                ReasonCode.CUSTOMER_NOT_IN_SCOPE, Rejections.customerNotInScope(row.customerRef()))).toList();
    }

    /**
     * @param rows this customer's desired rows, in file order
     * @param currentUsers the customer's current users that the rows name, keyed by {@link Names#key} of the UPN
     */
    public CustomerPlan plan(CustomerContext context, List<DesiredUserRow> rows, Map<String, DirectoryUser> currentUsers) {
        GdapAuthority gdap = new GdapAuthority(policy, context.relationships(), now);
        LicenseNames names = new LicenseNames(context.subscriptions(), productCatalog);
        Map<String, List<DesiredUserRow>> rowsByUser = new LinkedHashMap<>();
        rows.forEach(row -> rowsByUser.computeIfAbsent(Names.key(row.userPrincipalName()), k -> new ArrayList<>())
                .add(row));

        List<UserDraft> drafts = new ArrayList<>();
        int heldBack = 0;
        for (DesiredUserRow row : rows) {
            UserDraft draft = new UserDraft(row, currentUsers.get(Names.key(row.userPrincipalName())));
            List<DesiredUserRow> sameUser = rowsByUser.get(Names.key(row.userPrincipalName()));
            if (row.readProblem() != null) {
                draft.add(new Candidate("row", ReasonCode.INVALID_VALUE, Rejections.misread(row.readProblem())));
            } else if (Names.isBlank(row.userPrincipalName())) {
                draft.add(new Candidate("userPrincipalName", ReasonCode.INVALID_VALUE,
                        Rejections.blankUserPrincipalName()));
            } else if (sameUser.size() > 1 && sameUser.stream().anyMatch(other -> !other.sameWishesAs(row))) {
                draft.add(new Candidate(row.userPrincipalName(), ReasonCode.DUPLICATE_USER,
                        Rejections.duplicateUser(row.userPrincipalName(), sameUser)));
            } else if (sameUser.size() > 1 && sameUser.get(0) != row) {
                continue; // an exact repeat of an earlier row asks for nothing new
            } else if (draft.current == null) {
                draft.add(new Candidate(row.userPrincipalName(), ReasonCode.UNKNOWN_USER,
                        Rejections.unknownUser(row.userPrincipalName(), context.customer())));
            } else {
                heldBack += draftChanges(context, names, gdap, draft);
            }
            drafts.add(draft);
        }

        return conclude(context, drafts, heldBack, now);
    }

    /**
     * The checks every plan ends with, once each user's changes are drafted and checked on their own: seats across
     * the whole customer, then what depends on a rejected change; the customer's plan as the report shows it.
     */
    static CustomerPlan conclude(CustomerContext context, List<UserDraft> drafts, int heldBack, Instant now) {
        String tenantId = context.customer().tenantId();
        SeatLedger ledger = SeatAllocation.serve(drafts, context);
        rejectDependents(drafts);
        return new CustomerPlan(tenantId, lines(tenantId, drafts),
                ledger.lines(LocalDate.ofInstant(now, ZoneOffset.UTC)), plannedUsers(tenantId, drafts), heldBack);
    }

    /** Drafts and checks one user's changes up to seats; returns how many removals additive mode held back. */
    private int draftChanges(CustomerContext context, LicenseNames names, GdapAuthority gdap, UserDraft draft) {
        DesiredUserRow row = draft.row;
        ValueCheck.draftAttributes(draft);
        int heldBack = 0;
        if (row.roles().isPresent()) {
            heldBack += RoleDrafting.draft(draft, row.roles().get(), roleCatalog, additive);
        }
        if (row.licenses().isPresent()) {
            heldBack += LicenseDrafting.draft(context, names, draft, row.licenses().get(), additive);
        }
        GdapCheck.authorize(draft, gdap);
        UsageLocationCheck.require(draft);
        // Disabled plans depend on which licenses survive the checks above, so they are drafted last.
        if (row.disabledPlans().isPresent()) {
            DisabledPlansDrafting.draft(context, names, productCatalog, gdap, draft, row.disabledPlans().get());
        }
        return heldBack;
    }

    private static void rejectDependents(List<UserDraft> drafts) {
        for (UserDraft draft : drafts) {
            for (Candidate c : draft.candidates) {
                if (c.open() && c.dependsOn != null && !c.dependsOn.open()) {
                    c.reject(c.dependsOn.reason, Rejections.dependsOnRejected(c.dependsOn));
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
            if (draft.current != null && draft.candidates.stream().anyMatch(Candidate::openChange)) {
                boolean freesSeats = draft.candidates.stream().anyMatch(c -> c.openChange()
                        && c.change.kind().freesSeat());
                boolean takesSeats = draft.candidates.stream().anyMatch(c -> c.openChange()
                        && c.change.kind().takesSeat());
                users.add(new PlannedUser(tenantId, draft.current.userPrincipalName(), draft.current.fingerprint(),
                        freesSeats, takesSeats));
            }
        }
        return users;
    }
}
