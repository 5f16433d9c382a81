package com.partnerops.reconcile.domain;

import static com.partnerops.reconcile.domain.DomainFixtures.E3;
import static com.partnerops.reconcile.domain.DomainFixtures.context;
import static com.partnerops.reconcile.domain.DomainFixtures.fullAccess;
import static com.partnerops.reconcile.domain.DomainFixtures.license;
import static com.partnerops.reconcile.domain.DomainFixtures.line;
import static com.partnerops.reconcile.domain.DomainFixtures.linesOf;
import static com.partnerops.reconcile.domain.DomainFixtures.plan;
import static com.partnerops.reconcile.domain.DomainFixtures.row;
import static com.partnerops.reconcile.domain.DomainFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A spreadsheet may name a license by SKU part number, SKU id or product name; the plan is the same. */
class LicenseNamingTest {

    private static final String SPB = "SPB";
    private static final String SPB_ID = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private final CustomerContext context = context(List.of(license(SPB, 5), license(E3, 5)), List.of(fullAccess()),
            List.of(user("alice", E3)));

    @Test
    void productNameSkuIdAndPartNumberPlanTheSameAssignment() {
        for (String written : List.of(SPB, "spb", SPB_ID, "Microsoft 365 Business Premium",
                "microsoft  365 business premium")) {
            CustomerPlan plan = plan(context, List.of(user("alice", E3)), row(2, "alice").licenses("+" + written));

            assertThat(line(plan, "alice", ChangeKind.ASSIGN_LICENSE, SPB).status()).as(written)
                    .isEqualTo(LineStatus.PLANNED);
        }
    }

    @Test
    void aHeldLicenseNamedByProductNameIsKeptOrRemovedLikeItsPartNumber() {
        CustomerPlan exact = plan(context, List.of(user("alice", E3)), row(2, "alice").licenses("Office 365 E3"));
        assertThat(linesOf(exact, "alice")).isEmpty();

        CustomerPlan removal = plan(context, List.of(user("alice", E3)), row(2, "alice").licenses("-Office 365 E3"));
        assertThat(line(removal, "alice", ChangeKind.REMOVE_LICENSE, E3).status()).isEqualTo(LineStatus.PLANNED);
    }

    @Test
    void aMisspelledProductIsUnknownWithTheClosestNames() {
        CustomerPlan plan = plan(context, List.of(user("alice", E3)),
                row(2, "alice").licenses("Microsoft 365 Busines Premium"));

        PlanLine rejected = line(plan, "alice", ChangeKind.ASSIGN_LICENSE, "Microsoft 365 Busines Premium");
        assertThat(rejected.reason()).isEqualTo(ReasonCode.UNKNOWN_SKU);
        assertThat(rejected.message()).contains("closest", "Microsoft 365 Business Premium (SPB)");
        assertThat(linesOf(plan, "alice")).as("an exact list naming something unknown removes nothing")
                .extracting(PlanLine::kind).doesNotContain(ChangeKind.REMOVE_LICENSE);
    }

    @Test
    void aKnownProductTheCustomerDidNotBuyIsUnknownSkuNamingIt() {
        CustomerPlan plan = plan(context, List.of(user("alice", E3)), row(2, "alice").licenses("+Power BI Pro"));

        PlanLine rejected = line(plan, "alice", ChangeKind.ASSIGN_LICENSE, "Power BI Pro");
        assertThat(rejected.reason()).isEqualTo(ReasonCode.UNKNOWN_SKU);
        assertThat(rejected.message()).contains("has no subscription for 'Power BI Pro' (POWER_BI_PRO)");
    }

    @Test
    void disabledPlansMayNameTheLicenseByProductNameAndThePlanById() {
        CustomerPlan plan = plan(context, List.of(user("alice", E3)),
                row(2, "alice").disabledPlans("Office 365 E3:7547a3fe-08ee-4ccb-b430-5077c5041653"));

        PlanLine line = line(plan, "alice", ChangeKind.SET_DISABLED_PLANS, E3);
        assertThat(line.status()).isEqualTo(LineStatus.PLANNED);
        assertThat(line.change().after()).isEqualTo("YAMMER_ENTERPRISE");
    }
}
