package com.partnerops.reconcile.domain;

import java.util.Collection;
import java.util.List;

/**
 * Every rejection message of the planner, worded in one place: what is wrong and what to do, naming the column
 * (a setting as the surface names it, {@link SettingNames}: the web front end shows the same words).
 */
final class Rejections {

    private Rejections() {
    }

    // ---- whole rows --------------------------------------------------------------------------------------------

    static String misread(String readProblem) {
        return readProblem + "; nothing of this row is planned";
    }

    static String blankUserPrincipalName() {
        return "userPrincipalName is empty: every row must name the user it is about";
    }

    static String blankCustomer(SettingNames settings) {
        return "the customer cell is empty: give a tenant id, domain or customer name, or pass exactly one "
                + settings.of(Setting.CUSTOMER);
    }

    static String unknownCustomer(String reference) {
        return "customer '" + reference + "' matches no tenant id, domain or customer name in the current state";
    }

    static String duplicateUser(String userPrincipalName, List<DesiredUserRow> rows) {
        return userPrincipalName + " appears in " + rows.size() + " rows with different wishes ("
                + String.join(", ", rows.stream().map(DesiredUserRow::where).toList())
                + "): keep one row per user; none of them is planned";
    }

    static String customerNotInScope(String reference) {
        return "customer '" + reference + "' is not among the customers your account may manage; nothing of this row"
                + " is planned";
    }

    static String unknownUser(String userPrincipalName, Customer customer) {
        return "no user " + userPrincipalName + " in " + customer.name() + " (" + customer.domain()
                + "): create the user first";
    }

    // ---- values ------------------------------------------------------------------------------------------------

    static String notACountryCode(String written) {
        return "usageLocation '" + TextDamage.excerpt(written) + "' is not an ISO 3166-1 alpha-2 country code (for"
                + " example FR, US, DE)";
    }

    static String tooLong(UserAttribute attribute, int length) {
        return attribute.column() + " is " + length + " characters long; Microsoft Entra ID accepts at most "
                + attribute.maxLength();
    }

    static String damagedText(String column, String value, String damage) {
        return column + " '" + TextDamage.excerpt(value) + "' " + damage;
    }

    static String notAList(String column, String problem) {
        return column + ": " + problem;
    }

    // ---- roles and licenses ------------------------------------------------------------------------------------

    static String unknownRole(String role) {
        return "'" + role + "' is not a Microsoft Entra built-in admin role (use the role's display name, for"
                + " example User Administrator)";
    }

    /** Added to an unknown name in an exact list, which then removes nothing. */
    static String othersKept(ListChange spec, String what) {
        return spec instanceof ListChange.Exact ? "; the user's other " + what + " are kept until the cell is fixed"
                : "";
    }

    /** Why a license name leads nowhere: not a product at all (with the closest names), or not one it bought. */
    static String unknownLicense(CustomerContext context, LicenseNames names, String written) {
        if (names.resolve(written) instanceof LicenseNames.Unresolved unresolved) {
            return unresolved.message();
        }
        String sku = ((LicenseNames.Resolved) names.resolve(written)).skuPartNumber();
        return context.customer().name() + " has no subscription for '" + written + "'"
                + (Names.key(sku).equals(Names.key(written)) ? "" : " (" + sku + ")");
    }

    static String licenseNotHeld(CustomerContext context, LicenseNames names, String written) {
        return "the user does not hold '" + written + "': " + unknownLicense(context, names, written);
    }

    static String inheritedFromGroup(String sku, String group) {
        return sku + " is assigned to the user through the group '" + group + "': it cannot be removed from the user"
                + " directly and keeps its seat; remove the user from that group, or the license from the group";
    }

    static String tenantLevelAddon(String product) {
        return product + " is a tenant-level add-on: it applies to the whole tenant and is never assigned to a user";
    }

    static String softwarePurchase(String product) {
        return product + " is a software purchase (keys and downloads), never assigned to a user";
    }

    static String subscriptionsInactive(String product, List<Subscription> subscriptions) {
        return "every subscription for " + product + " is suspended or expired (" + String.join(", ", subscriptions
                .stream().map(s -> s.subscriptionId() + " " + s.status().name().toLowerCase()).toList())
                + "): reactivate or buy one";
    }

    /** Not a rejection: the note a license from a grace-period subscription is planned with. */
    static String gracePeriodNote(String sku) {
        return "the subscription for " + sku + " is in its grace period: renew it or the seat stops working";
    }

    static String usageLocationRequired(String userPrincipalName, Candidate setting) {
        String why = setting == null ? "add a usageLocation (for example FR) to this row"
                : "the usageLocation change in this row was rejected (" + setting.reason + ")";
        return "a license needs a usage location and " + userPrincipalName + " has none: " + why;
    }

    static String notSkuColonPlan(String entry) {
        return "disabledPlans entry '" + entry + "' is not SKU:PLAN (for example ENTERPRISEPACK:YAMMER_ENTERPRISE)";
    }

    static String disabledPlansOfLicenseNotHeld(String sku) {
        return "disabled plans for " + sku + ", which the user will not hold after this plan";
    }

    // ---- seats and what depends on what -------------------------------------------------------------------------

    static String noFreeSeat(String sku, SeatLedger ledger) {
        int toBuy = ledger.shortfall(sku);
        return "no free seat for " + sku + ": " + ledger.purchased(sku) + " purchased, " + ledger.assigned(sku)
                + " assigned after this run's removals; buy " + toBuy + " more seat" + (toBuy == 1 ? "" : "s")
                + " to serve every requested assignment of it";
    }

    static String replacementRejected(Candidate removal, Candidate addition) {
        return removal.target + " is kept: this row also adds " + addition.target + ", which was rejected ("
                + addition.reason + ": " + addition.message + "); removing " + removal.target
                + " alone would leave the user without its replacement";
    }

    static String dependsOnRejected(Candidate dependency) {
        return "depends on " + dependency.change.kind() + " " + dependency.target + " in this row, which was rejected: "
                + dependency.message;
    }

    // ---- reverts -----------------------------------------------------------------------------------------------

    static String revertedUserGone(String userPrincipalName, Customer customer, String revertedPlanId) {
        return "plan " + revertedPlanId + " changed " + userPrincipalName + ", who is no longer in " + customer.name()
                + " (" + customer.domain() + "): nothing to revert";
    }

    static String revertedCustomerGone(String tenantId, String revertedPlanId) {
        return "plan " + revertedPlanId + " changed users of customer " + tenantId + ", which is no longer in the"
                + " current state: nothing to revert";
    }

    /** Each change the plan made that no longer holds, as the user holds it now. */
    static String changedSinceApplied(String revertedPlanId, List<PlannedChange> undone, DirectoryUser now) {
        return "changed since plan " + revertedPlanId + " was applied: " + String.join("; ", undone.stream()
                .map(change -> holdsNow(change, now)).toList())
                + "; nothing of this user is reverted: plan the values you want from a desired file instead";
    }

    private static String holdsNow(PlannedChange change, DirectoryUser now) {
        String plan = "the plan ";
        if (change instanceof PlannedChange.SetAttribute set) {
            return set.attribute().column() + " is " + quoted(now.attribute(set.attribute())) + " now (" + plan
                    + "set " + quoted(set.after()) + ")";
        }
        if (change instanceof PlannedChange.SetDisabledPlans plans) {
            return now.licenses().contains(plans.sku())
                    ? plans.sku() + " has " + listed(now.disabledPlansOf(plans.sku())) + " switched off now (" + plan
                            + "left " + listed(plans.off()) + ")"
                    : "holds no " + plans.sku() + " now (" + plan + "set its disabled plans)";
        }
        return switch (change.kind()) {
            case ADD_ROLE -> "no longer holds the role " + change.target() + " (roles now: " + listed(now.roles()) + ")";
            case REMOVE_ROLE -> "holds the role " + change.target() + " again";
            case ASSIGN_LICENSE, ASSIGN_SAAS_SEAT -> "no longer holds " + change.target() + " (licenses now: "
                    + listed(now.licenses()) + ")";
            default -> "holds " + change.target() + " again (licenses now: " + listed(now.licenses()) + ")";
        };
    }

    private static String quoted(String value) {
        return value.isEmpty() ? "empty" : "'" + TextDamage.excerpt(value) + "'";
    }

    private static String listed(Collection<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
