package com.partnerops.reconcile.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of an undo: for every user an applied plan changed, the changes that restore the values before it, as
 * a new plan. A user who no longer holds what the plan left is not reverted blindly ({@code STALE_USER}, naming
 * what they hold now); the others are checked like any plan's changes, since GDAP and seats may have moved since:
 * GDAP ({@link GdapCheck}), usage location, then seats across the whole customer ({@link SeatAllocation}).
 */
public final class RevertPlanner {

    private final GdapPolicy policy;
    private final ProductCatalog productCatalog;
    private final Instant now;

    public RevertPlanner(GdapPolicy policy, ProductCatalog productCatalog, Instant now) {
        this.policy = policy;
        this.productCatalog = productCatalog;
        this.now = now;
    }

    /**
     * @param revertedPlanId the plan whose changes are taken back, as the messages name it
     * @param users what that plan applied to this customer's users, in the order it applied them
     * @param currentUsers the customer's current users among them, keyed by {@link Names#key} of the UPN
     */
    public CustomerPlan plan(CustomerContext context, String revertedPlanId, List<AppliedChanges> users,
            Map<String, DirectoryUser> currentUsers) {
        GdapAuthority gdap = new GdapAuthority(policy, context.relationships(), now);
        LicenseNames names = new LicenseNames(context.subscriptions(), productCatalog);
        List<UserDraft> drafts = new ArrayList<>();
        for (AppliedChanges applied : users) {
            UserDraft draft = new UserDraft(applied.asRow(context.customer().tenantId()),
                    currentUsers.get(Names.key(applied.userPrincipalName())));
            drafts.add(draft);
            if (draft.current == null) {
                draft.add(new Candidate(applied.userPrincipalName(), ReasonCode.STALE_USER,
                        Rejections.revertedUserGone(applied.userPrincipalName(), context.customer(), revertedPlanId)));
                continue;
            }
            Reversal.draft(context, names, draft, applied.changes());
            List<PlannedChange> undone = applied.changes().stream().filter(c -> !c.inEffect(draft.current)).toList();
            if (!undone.isEmpty()) {
                String message = Rejections.changedSinceApplied(revertedPlanId, undone, draft.current);
                draft.candidates.forEach(c -> c.reject(ReasonCode.STALE_USER, message));
                continue;
            }
            GdapCheck.authorize(draft, gdap);
            UsageLocationCheck.require(draft);
        }
        return CustomerPlanner.conclude(context, drafts, 0, now);
    }

    /** The users of a customer that is no longer in the current state: nothing of theirs can be reverted. */
    public CustomerPlan customerGone(String tenantId, String revertedPlanId, List<AppliedChanges> users) {
        return new CustomerPlan(tenantId, users.stream().map(applied -> PlanLine.rejectedRow(tenantId,
                applied.asRow(tenantId), applied.userPrincipalName(), ReasonCode.UNKNOWN_CUSTOMER,
                Rejections.revertedCustomerGone(tenantId, revertedPlanId))).toList(), List.of(), List.of(), 0);
    }
}
