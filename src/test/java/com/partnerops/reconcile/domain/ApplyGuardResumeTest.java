package com.partnerops.reconcile.domain;

import static com.partnerops.reconcile.domain.DomainFixtures.E3;
import static com.partnerops.reconcile.domain.DomainFixtures.E5;
import static com.partnerops.reconcile.domain.DomainFixtures.NOW;
import static com.partnerops.reconcile.domain.DomainFixtures.context;
import static com.partnerops.reconcile.domain.DomainFixtures.fullAccess;
import static com.partnerops.reconcile.domain.DomainFixtures.license;
import static com.partnerops.reconcile.domain.DomainFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A directory without transactions can be interrupted between one user's calls. The next apply finds the user
 * partly in the planned state: not stale, and only what is still missing is made.
 */
class ApplyGuardResumeTest {

    private static final PlannedChange JOB_TITLE = new PlannedChange.SetAttribute(UserAttribute.JOB_TITLE,
            "Assistant", "Engineer");
    private static final PlannedChange REMOVE_E3 = new PlannedChange.RemoveLicense(E3);
    private static final PlannedChange ASSIGN_E5 = new PlannedChange.AssignLicense(E5);
    private static final List<PlannedChange> MOVE = List.of(JOB_TITLE, REMOVE_E3, ASSIGN_E5);

    private static ApplyGuard guard(CustomerContext context, SeatLedger seats) {
        return new ApplyGuard(context, new GdapAuthority(GdapPolicy.defaults(), context.relationships(), NOW), seats);
    }

    private static DirectoryUser reviewed() {
        return user("alice", E3).withAttribute(UserAttribute.JOB_TITLE, "Assistant");
    }

    @Test
    void aUserWithTheFirstChangeInEffectGetsOnlyTheRestAndTakesOnlyTheirSeats() {
        DirectoryUser now = JOB_TITLE.applyTo(reviewed());
        CustomerContext context = context(List.of(license(E3, 1), license(E5, 1)), List.of(fullAccess()),
                List.of(now));
        SeatLedger seats = new SeatLedger(context);

        ApplyGuard.Decision decision = guard(context, seats).decide(now, reviewed().fingerprint(), MOVE);

        assertThat(decision).isInstanceOf(ApplyGuard.Apply.class);
        assertThat(((ApplyGuard.Apply) decision).inEffect()).containsExactly(0);
        assertThat(seats.assigned(E3)).isZero();
        assertThat(seats.assigned(E5)).isEqualTo(1);
    }

    @Test
    void aUserWhollyInThePlannedStateNeedsNothingSentAndTakesNoSeat() {
        DirectoryUser now = ASSIGN_E5.applyTo(REMOVE_E3.applyTo(JOB_TITLE.applyTo(reviewed())));
        CustomerContext context = context(List.of(license(E3, 1), license(E5, 1)), List.of(fullAccess()),
                List.of(now));
        SeatLedger seats = new SeatLedger(context);

        ApplyGuard.Decision decision = guard(context, seats).decide(now, reviewed().fingerprint(), MOVE);

        assertThat(((ApplyGuard.Apply) decision).inEffect()).isEqualTo(Set.of(0, 1, 2));
        assertThat(((ApplyGuard.Apply) decision).relationshipIds()).containsOnly("rel-full");
        assertThat(seats.assigned(E5)).as("the seat alice holds is counted once").isEqualTo(1);
        assertThat(seats.assigned(E3)).isZero();
    }

    @Test
    void aChangeInEffectTogetherWithAnyOtherDifferenceIsStale() {
        DirectoryUser now = JOB_TITLE.applyTo(reviewed()).withAttribute(UserAttribute.DEPARTMENT, "Sales");
        CustomerContext context = context(List.of(license(E3, 1), license(E5, 1)), List.of(fullAccess()),
                List.of(now));

        ApplyGuard.Decision decision = guard(context, new SeatLedger(context)).decide(now, reviewed().fingerprint(),
                MOVE);

        assertThat(decision).isInstanceOf(ApplyGuard.HoldBack.class);
        assertThat(((ApplyGuard.HoldBack) decision).status()).isEqualTo(LineStatus.STALE);
    }

    @Test
    void aChangeTheDirectoryDidNotMakeGivesBackWhatTheGuardTookForIt() {
        DirectoryUser alice = reviewed();
        CustomerContext context = context(List.of(license(E3, 1), license(E5, 1)), List.of(fullAccess()),
                List.of(alice));
        SeatLedger seats = new SeatLedger(context);
        ApplyGuard guard = guard(context, seats);
        guard.decide(alice, alice.fingerprint(), MOVE);
        assertThat(seats.assigned(E5)).isEqualTo(1);

        ChangeOutcome failed = ChangeOutcome.failed(ReasonCode.INSUFFICIENT_SEATS, "no seat");
        guard.settle(MOVE, List.of(ChangeOutcome.applied(), failed, ChangeOutcome.skipped(REMOVE_E3, failed)));

        assertThat(seats.assigned(E3)).as("alice still holds E3").isEqualTo(1);
        assertThat(seats.assigned(E5)).as("the E5 seat was never taken").isZero();
    }

    @Test
    void everyChangeTakesItselfBack() {
        DirectoryUser alice = reviewed().withRoles(Set.of("Reports Reader"));
        List<PlannedChange> changes = List.of(JOB_TITLE, REMOVE_E3, ASSIGN_E5,
                new PlannedChange.AddRole("User Administrator"), new PlannedChange.RemoveRole("Reports Reader"),
                new PlannedChange.SetDisabledPlans(E5, Set.of("YAMMER_ENTERPRISE"), Set.of()));
        for (PlannedChange change : changes) {
            DirectoryUser made = change.applyTo(alice);
            assertThat(made).as(change.toString()).isNotEqualTo(alice);
            assertThat(change.inEffect(made)).as(change.toString()).isTrue();
            assertThat(change.inverse().applyTo(made)).as(change.toString()).isEqualTo(alice);
        }
    }
}
