package com.partnerops.reconcile.domain;

import static com.partnerops.reconcile.domain.DomainFixtures.E3;
import static com.partnerops.reconcile.domain.DomainFixtures.E5;
import static com.partnerops.reconcile.domain.DomainFixtures.LICENSE_ADMIN;
import static com.partnerops.reconcile.domain.DomainFixtures.NOW;
import static com.partnerops.reconcile.domain.DomainFixtures.PRIVILEGED_ROLE_ADMIN;
import static com.partnerops.reconcile.domain.DomainFixtures.SAAS;
import static com.partnerops.reconcile.domain.DomainFixtures.USER_ADMIN;
import static com.partnerops.reconcile.domain.DomainFixtures.context;
import static com.partnerops.reconcile.domain.DomainFixtures.fullAccess;
import static com.partnerops.reconcile.domain.DomainFixtures.license;
import static com.partnerops.reconcile.domain.DomainFixtures.relationship;
import static com.partnerops.reconcile.domain.DomainFixtures.relationshipUntil;
import static com.partnerops.reconcile.domain.DomainFixtures.subscription;
import static com.partnerops.reconcile.domain.DomainFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyGuardTest {

    private static final PlannedChange ASSIGN_E3 = new PlannedChange.AssignLicense(E3);
    private static final PlannedChange REMOVE_E3 = new PlannedChange.RemoveLicense(E3);
    private static final PlannedChange ASSIGN_E5 = new PlannedChange.AssignLicense(E5);

    private static ApplyGuard guard(CustomerContext context, SeatLedger seats) {
        return new ApplyGuard(context, new GdapAuthority(GdapPolicy.defaults(), context.relationships(), NOW), seats);
    }

    private static ApplyGuard.HoldBack heldBack(ApplyGuard.Decision decision) {
        assertThat(decision).isInstanceOf(ApplyGuard.HoldBack.class);
        return (ApplyGuard.HoldBack) decision;
    }

    @Test
    void aUserWhoNoLongerExistsIsStaleAndNothingIsTouched() {
        DirectoryUser alice = user("alice");
        CustomerContext context = context(List.of(license(E3, 1)), List.of(fullAccess()), List.of());
        SeatLedger seats = new SeatLedger(context);

        ApplyGuard.HoldBack decision = heldBack(guard(context, seats).decide(null, alice.fingerprint(),
                List.of(ASSIGN_E3)));

        assertThat(decision.status()).isEqualTo(LineStatus.STALE);
        assertThat(decision.reason()).isEqualTo(ReasonCode.STALE_USER);
        assertThat(decision.message()).contains("no longer exists");
        assertThat(decision.blocking()).isEqualTo(-1);
        assertThat(seats.assigned(E3)).isZero();
    }

    @Test
    void aUserChangedSinceReviewIsStale() {
        DirectoryUser reviewed = user("alice");
        DirectoryUser now = reviewed.withAttribute(UserAttribute.DEPARTMENT, "Sales");
        CustomerContext context = context(List.of(license(E3, 1)), List.of(fullAccess()), List.of(now));
        SeatLedger seats = new SeatLedger(context);

        ApplyGuard.HoldBack decision = heldBack(guard(context, seats).decide(now, reviewed.fingerprint(),
                List.of(ASSIGN_E3)));

        assertThat(decision.status()).isEqualTo(LineStatus.STALE);
        assertThat(decision.reason()).isEqualTo(ReasonCode.STALE_USER);
        assertThat(decision.message()).contains("changed after the plan was reviewed", "plan again");
        assertThat(decision.blocking()).isEqualTo(-1);
        assertThat(seats.assigned(E3)).isZero();
    }

    @Test
    void anUnchangedUserIsAppliedWithTheRelationshipOfEachChangeAndTakesItsSeats() {
        DirectoryUser alice = user("alice");
        CustomerContext context = context(List.of(license(E3, 2)), List.of(
                relationship("rel-roles", PRIVILEGED_ROLE_ADMIN),
                relationship("rel-users", USER_ADMIN, LICENSE_ADMIN)), List.of(alice));
        SeatLedger seats = new SeatLedger(context);

        ApplyGuard.Decision decision = guard(context, seats).decide(alice, alice.fingerprint(), List.of(
                new PlannedChange.SetAttribute(UserAttribute.JOB_TITLE, "", "Engineer"),
                new PlannedChange.AddRole("Reports Reader"),
                ASSIGN_E3));

        assertThat(decision).isEqualTo(new ApplyGuard.Apply(List.of("rel-users", "rel-roles", "rel-users")));
        assertThat(seats.assigned(E3)).isEqualTo(1);
    }

    @Test
    void aChangeGdapNoLongerAllowsFailsTheWholeUserWithTheGdapReason() {
        DirectoryUser alice = user("alice");
        CustomerContext context = context(List.of(license(E3, 2)),
                List.of(relationshipUntil("rel-users", "active", NOW.minus(Duration.ofMinutes(5)), LICENSE_ADMIN)),
                List.of(alice));
        SeatLedger seats = new SeatLedger(context);

        ApplyGuard.HoldBack decision = heldBack(guard(context, seats).decide(alice, alice.fingerprint(),
                List.of(ASSIGN_E3)));

        assertThat(decision.status()).isEqualTo(LineStatus.FAILED);
        assertThat(decision.reason()).isEqualTo(ReasonCode.GDAP_INACTIVE);
        assertThat(decision.message()).contains("rel-users", "ended");
        assertThat(decision.blocking()).isZero();
        assertThat(seats.assigned(E3)).isZero();
    }

    @Test
    void theBlockingIndexPointsAtTheFirstChangeGdapRefuses() {
        DirectoryUser alice = user("alice");
        CustomerContext context = context(List.of(license(E3, 2)),
                List.of(relationship("rel-users", LICENSE_ADMIN)), List.of(alice));
        SeatLedger seats = new SeatLedger(context);

        ApplyGuard.HoldBack decision = heldBack(guard(context, seats).decide(alice, alice.fingerprint(),
                List.of(ASSIGN_E3, new PlannedChange.AddRole("Reports Reader"))));

        assertThat(decision.reason()).isEqualTo(ReasonCode.MISSING_GDAP_ROLE);
        assertThat(decision.message()).contains("Privileged Role Administrator");
        assertThat(decision.blocking()).isEqualTo(1);
        assertThat(seats.assigned(E3)).as("seats are not taken for a user held back").isZero();
    }

    @Test
    void seatsGoneSinceThePlanFailTheUserAndUndoItsReleases() {
        DirectoryUser alice = user("alice", E3);
        DirectoryUser bob = user("bob", E5);
        CustomerContext context = context(List.of(license(E3, 2), license(E5, 1)), List.of(fullAccess()),
                List.of(alice, bob));
        SeatLedger seats = new SeatLedger(context);

        ApplyGuard.HoldBack decision = heldBack(guard(context, seats).decide(alice, alice.fingerprint(),
                List.of(REMOVE_E3, ASSIGN_E5)));

        assertThat(decision.status()).isEqualTo(LineStatus.FAILED);
        assertThat(decision.reason()).isEqualTo(ReasonCode.INSUFFICIENT_SEATS);
        assertThat(decision.message()).contains("no free seat of SPE_E5", "1 purchased", "buy 1 more seat ");
        assertThat(decision.blocking()).isEqualTo(1);
        assertThat(seats.assigned(E3)).as("the release of E3 is undone").isEqualTo(1);
        assertThat(seats.assigned(E5)).isEqualTo(1);
    }

    @Test
    void aFailingSecondAssignmentGivesBackTheFirstOne() {
        DirectoryUser alice = user("alice");
        CustomerContext context = context(List.of(license(E3, 1), license(E5, 1)), List.of(fullAccess()),
                List.of(user("bob", E5), alice));
        SeatLedger seats = new SeatLedger(context);

        ApplyGuard.HoldBack decision = heldBack(guard(context, seats).decide(alice, alice.fingerprint(),
                List.of(ASSIGN_E3, ASSIGN_E5)));

        assertThat(decision.reason()).isEqualTo(ReasonCode.INSUFFICIENT_SEATS);
        assertThat(decision.blocking()).isEqualTo(1);
        assertThat(seats.assigned(E3)).isZero();
        assertThat(seats.assigned(E5)).isEqualTo(1);
    }

    @Test
    void aSkuWhoseSubscriptionIsGoneFailsAsUnknownSku() {
        DirectoryUser alice = user("alice");
        CustomerContext context = context(List.of(license(E3, 1)), List.of(fullAccess()), List.of(alice));

        ApplyGuard.HoldBack decision = heldBack(guard(context, new SeatLedger(context)).decide(alice,
                alice.fingerprint(), List.of(ASSIGN_E5)));

        assertThat(decision.status()).isEqualTo(LineStatus.FAILED);
        assertThat(decision.reason()).isEqualTo(ReasonCode.UNKNOWN_SKU);
        assertThat(decision.message()).contains("no longer has a subscription for SPE_E5");
    }

    @Test
    void releasesAreCountedBeforeTakesWhateverTheOrderOfTheChanges() {
        DirectoryUser alice = user("alice", SAAS);
        CustomerContext context = context(
                List.of(subscription("sub-sign", SAAS, SubscriptionKind.SAAS, 1, SubscriptionStatus.ACTIVE)),
                List.of(fullAccess()), List.of(alice));
        SeatLedger seats = new SeatLedger(context);

        ApplyGuard.Decision decision = guard(context, seats).decide(alice, alice.fingerprint(), List.of(
                new PlannedChange.AssignSaasSeat(SAAS), new PlannedChange.RemoveSaasSeat(SAAS)));

        assertThat(decision).isEqualTo(new ApplyGuard.Apply(List.of("rel-full", "rel-full")));
        assertThat(seats.assigned(SAAS)).isEqualTo(1);
    }

    @Test
    void aSeatFreedByOneUserServesTheNextOnTheSharedLedger() {
        DirectoryUser alice = user("alice", E3);
        DirectoryUser bob = user("bob");
        CustomerContext context = context(List.of(license(E3, 1)), List.of(fullAccess()), List.of(alice, bob));
        SeatLedger seats = new SeatLedger(context);
        ApplyGuard guard = guard(context, seats);

        ApplyGuard.Decision first = guard.decide(alice, alice.fingerprint(), List.of(REMOVE_E3));
        ApplyGuard.Decision second = guard.decide(bob, bob.fingerprint(), List.of(ASSIGN_E3));

        assertThat(first).isInstanceOf(ApplyGuard.Apply.class);
        assertThat(second).isInstanceOf(ApplyGuard.Apply.class);
        assertThat(seats.assigned(E3)).isEqualTo(1);
    }

    @Test
    void aFailedUsersReleaseIsUndoneEvenOnAnOverAssignedSku() {
        DirectoryUser alice = user("alice", E3);
        DirectoryUser bob = user("bob", E3);
        DirectoryUser carol = user("carol");
        CustomerContext context = context(
                List.of(license(E3, 2), license(E5, 1)), List.of(fullAccess()),
                List.of(alice, bob, user("dave", E3), user("erin", E5), carol));
        SeatLedger seats = new SeatLedger(context);
        ApplyGuard guard = guard(context, seats);

        ApplyGuard.HoldBack failed = heldBack(guard.decide(alice, alice.fingerprint(), List.of(REMOVE_E3, ASSIGN_E5)));
        assertThat(failed.reason()).isEqualTo(ReasonCode.INSUFFICIENT_SEATS);
        assertThat(seats.assigned(E3)).as("ledger left as before the failed user").isEqualTo(3);

        assertThat(guard.decide(bob, bob.fingerprint(), List.of(REMOVE_E3))).isInstanceOf(ApplyGuard.Apply.class);
        ApplyGuard.HoldBack oversold = heldBack(guard.decide(carol, carol.fingerprint(), List.of(ASSIGN_E3)));
        assertThat(oversold.reason()).isEqualTo(ReasonCode.INSUFFICIENT_SEATS);
    }
}
