package com.partnerops.reconcile.domain;

import static com.partnerops.reconcile.domain.DomainFixtures.E3;
import static com.partnerops.reconcile.domain.DomainFixtures.E5;
import static com.partnerops.reconcile.domain.DomainFixtures.context;
import static com.partnerops.reconcile.domain.DomainFixtures.fullAccess;
import static com.partnerops.reconcile.domain.DomainFixtures.license;
import static com.partnerops.reconcile.domain.DomainFixtures.line;
import static com.partnerops.reconcile.domain.DomainFixtures.plan;
import static com.partnerops.reconcile.domain.DomainFixtures.row;
import static com.partnerops.reconcile.domain.DomainFixtures.seatLine;
import static com.partnerops.reconcile.domain.DomainFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A license inherited from a group takes a seat, stays with the user, and a row that would remove it is refused
 * naming the group; the refused removal frees no seat for anyone else.
 */
class GroupLicenseTest {

    private static DirectoryUser throughGroup(String localPart, String sku, String group) {
        DirectoryUser user = user(localPart, sku);
        return new DirectoryUser(user.tenantId(), user.userPrincipalName(), user.attributes(), true, user.licenses(),
                user.roles(), user.disabledPlans(), Map.of(sku, group));
    }

    @Test
    void aRowRemovingAGroupLicenseIsRejectedNamingTheGroupAndFreesNoSeat() {
        List<DirectoryUser> users = List.of(throughGroup("alice", E3, "Sales licensing"), user("bob"));
        CustomerContext context = context(List.of(license(E3, 1)), List.of(fullAccess()), users);

        CustomerPlan plan = plan(context, users, row(2, "alice").licenses(""), row(3, "bob").licenses(E3));

        PlanLine removal = line(plan, "alice", ChangeKind.REMOVE_LICENSE, E3);
        assertThat(removal.status()).isEqualTo(LineStatus.REJECTED);
        assertThat(removal.reason()).isEqualTo(ReasonCode.INHERITED_FROM_GROUP);
        assertThat(removal.message()).contains("ENTERPRISEPACK", "'Sales licensing'");
        // the one seat is still Alice's: Bob's addition finds none
        assertThat(line(plan, "bob", ChangeKind.ASSIGN_LICENSE, E3).reason()).isEqualTo(ReasonCode.INSUFFICIENT_SEATS);
        assertThat(seatLine(plan, E3).assignedBefore()).isEqualTo(1);
        assertThat(seatLine(plan, E3).assignedAfter()).isEqualTo(1);
    }

    @Test
    void aDirectlyAssignedLicenseOfTheSameUserIsStillRemoved() {
        DirectoryUser alice = throughGroup("alice", E3, "Sales licensing").withLicenses(java.util.Set.of(E3, E5));
        List<DirectoryUser> users = List.of(alice);
        CustomerContext context = context(List.of(license(E3, 5), license(E5, 5)), List.of(fullAccess()), users);

        CustomerPlan plan = plan(context, users, row(2, "alice").licenses(E3));

        assertThat(line(plan, "alice", ChangeKind.REMOVE_LICENSE, E5).status()).isEqualTo(LineStatus.PLANNED);
        assertThat(alice.groupOf(E3)).contains("Sales licensing");
        assertThat(alice.groupOf(E5)).isEmpty();
    }

    @Test
    void aUserWithoutGroupLicensesKeepsTheFingerprintItHadBefore() {
        DirectoryUser plain = user("carol", E3);
        DirectoryUser same = new DirectoryUser(plain.tenantId(), plain.userPrincipalName(), plain.attributes(), true,
                plain.licenses(), plain.roles(), plain.disabledPlans(), Map.of());

        assertThat(same.fingerprint()).isEqualTo(plain.fingerprint());
        assertThat(throughGroup("carol", E3, "g").fingerprint()).isNotEqualTo(plain.fingerprint());
    }
}
