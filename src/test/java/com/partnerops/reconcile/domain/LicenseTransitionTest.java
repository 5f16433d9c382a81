package com.partnerops.reconcile.domain;

import static com.partnerops.reconcile.domain.DomainFixtures.E3;
import static com.partnerops.reconcile.domain.DomainFixtures.E5;
import static com.partnerops.reconcile.domain.DomainFixtures.EMS;
import static com.partnerops.reconcile.domain.DomainFixtures.context;
import static com.partnerops.reconcile.domain.DomainFixtures.fullAccess;
import static com.partnerops.reconcile.domain.DomainFixtures.license;
import static com.partnerops.reconcile.domain.DomainFixtures.line;
import static com.partnerops.reconcile.domain.DomainFixtures.plan;
import static com.partnerops.reconcile.domain.DomainFixtures.row;
import static com.partnerops.reconcile.domain.DomainFixtures.seatLine;
import static com.partnerops.reconcile.domain.DomainFixtures.upn;
import static com.partnerops.reconcile.domain.DomainFixtures.user;
import static com.partnerops.reconcile.domain.DomainFixtures.userWithoutUsageLocation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The transition rule: a row that swaps licenses never removes the old one when the new one cannot be assigned,
 * and a removal held back that way frees no seat for anyone else.
 */
class LicenseTransitionTest {

    @Test
    void aDeltaSwapWhoseAdditionFindsNoSeatKeepsTheOldLicense() {
        List<DirectoryUser> users = List.of(user("alice", E3), user("bob", E5));
        CustomerContext context = context(List.of(license(E3, 5), license(E5, 1)), List.of(fullAccess()), users);

        CustomerPlan plan = plan(context, users, row(2, "alice").licenses("-" + E3 + ";+" + E5));

        PlanLine addition = line(plan, "alice", ChangeKind.ASSIGN_LICENSE, E5);
        assertThat(addition.reason()).isEqualTo(ReasonCode.INSUFFICIENT_SEATS);
        PlanLine removal = line(plan, "alice", ChangeKind.REMOVE_LICENSE, E3);
        assertThat(removal.status()).isEqualTo(LineStatus.REJECTED);
        assertThat(removal.reason()).isEqualTo(ReasonCode.REPLACEMENT_REJECTED);
        assertThat(removal.message()).contains("ENTERPRISEPACK is kept", "adds SPE_E5", "INSUFFICIENT_SEATS",
                "no free seat for SPE_E5");
        assertThat(seatLine(plan, E3).assignedAfter()).isEqualTo(1);
        assertThat(plan.users()).isEmpty();
    }

    @Test
    void anExactListSwapWhoseAdditionIsRejectedForAnyReasonKeepsTheOldLicense() {
        List<DirectoryUser> users = List.of(userWithoutUsageLocation("alice").withLicenses(java.util.Set.of(E3)));
        CustomerContext context = context(List.of(license(E3, 5), license(E5, 5)), List.of(fullAccess()), users);

        CustomerPlan plan = plan(context, users, row(2, "alice").licenses(E5));

        assertThat(line(plan, "alice", ChangeKind.ASSIGN_LICENSE, E5).reason())
                .isEqualTo(ReasonCode.USAGE_LOCATION_REQUIRED);
        PlanLine removal = line(plan, "alice", ChangeKind.REMOVE_LICENSE, E3);
        assertThat(removal.reason()).isEqualTo(ReasonCode.REPLACEMENT_REJECTED);
        assertThat(removal.message()).contains("USAGE_LOCATION_REQUIRED");
    }

    @Test
    void aRemovalOnlyRowIsUnaffected() {
        List<DirectoryUser> users = List.of(user("alice", E3, E5));
        CustomerContext context = context(List.of(license(E3, 5), license(E5, 1)), List.of(fullAccess()), users);

        CustomerPlan plan = plan(context, users, row(2, "alice").licenses("-" + E3));

        assertThat(line(plan, "alice", ChangeKind.REMOVE_LICENSE, E3).status()).isEqualTo(LineStatus.PLANNED);
    }

    @Test
    void aSwapWhoseAdditionFitsRemovesTheOldLicense() {
        List<DirectoryUser> users = List.of(user("alice", E3));
        CustomerContext context = context(List.of(license(E3, 5), license(E5, 1)), List.of(fullAccess()), users);

        CustomerPlan plan = plan(context, users, row(2, "alice").licenses("-" + E3 + ";+" + E5));

        assertThat(line(plan, "alice", ChangeKind.ASSIGN_LICENSE, E5).status()).isEqualTo(LineStatus.PLANNED);
        assertThat(line(plan, "alice", ChangeKind.REMOVE_LICENSE, E3).status()).isEqualTo(LineStatus.PLANNED);
    }

    /**
     * carol swaps E5 for EMS, and there is no EMS seat: she keeps E5. alice swapped E3 for E5 counting on carol's
     * E5 seat, so she keeps E3. bob wanted the E3 seat alice would have freed: no seat for him either.
     */
    @Test
    void aHeldBackRemovalFreesNoSeatAndTheAdditionsThatCountedOnItAreDecidedAgain() {
        List<DirectoryUser> users = List.of(user("bob"), user("alice", E3), user("carol", E5), user("dan", EMS));
        CustomerContext context = context(List.of(license(E3, 1), license(E5, 1), license(EMS, 1)),
                List.of(fullAccess()), users);

        CustomerPlan plan = plan(context, users,
                row(2, "bob").licenses("+" + E3),
                row(3, "alice").licenses("-" + E3 + ";+" + E5),
                row(4, "carol").licenses("-" + E5 + ";+" + EMS));

        assertThat(line(plan, "carol", ChangeKind.ASSIGN_LICENSE, EMS).reason())
                .isEqualTo(ReasonCode.INSUFFICIENT_SEATS);
        assertThat(line(plan, "carol", ChangeKind.REMOVE_LICENSE, E5).reason())
                .isEqualTo(ReasonCode.REPLACEMENT_REJECTED);
        assertThat(line(plan, "alice", ChangeKind.ASSIGN_LICENSE, E5).reason())
                .isEqualTo(ReasonCode.INSUFFICIENT_SEATS);
        assertThat(line(plan, "alice", ChangeKind.REMOVE_LICENSE, E3).reason())
                .isEqualTo(ReasonCode.REPLACEMENT_REJECTED);
        PlanLine bob = line(plan, "bob", ChangeKind.ASSIGN_LICENSE, E3);
        assertThat(bob.reason()).isEqualTo(ReasonCode.INSUFFICIENT_SEATS);
        assertThat(bob.message()).contains("1 purchased, 1 assigned after this run's removals", "buy 1 more seat");
        for (String sku : List.of(E3, E5, EMS)) {
            SeatLine seats = seatLine(plan, sku);
            assertThat(seats.assignedAfter()).as(sku).isEqualTo(seats.assignedBefore());
            assertThat(seats.seatsToBuy()).as(sku).isEqualTo(1);
        }
        assertThat(plan.users()).isEmpty();
    }

    @Test
    void aSeatStillFreedByAnotherRowServesTheChainWhenTheLastLinkFits() {
        List<DirectoryUser> users = List.of(user("bob"), user("alice", E3), user("carol", E5));
        CustomerContext context = context(List.of(license(E3, 1), license(E5, 1), license(EMS, 1)),
                List.of(fullAccess()), users);

        CustomerPlan plan = plan(context, users,
                row(2, "bob").licenses("+" + E3),
                row(3, "alice").licenses("-" + E3 + ";+" + E5),
                row(4, "carol").licenses("-" + E5 + ";+" + EMS));

        for (String who : List.of("bob", "alice", "carol")) {
            assertThat(plan.lines()).filteredOn(l -> l.userPrincipalName().equals(upn(who)))
                    .allSatisfy(l -> assertThat(l.status()).as(who).isEqualTo(LineStatus.PLANNED));
        }
    }
}
