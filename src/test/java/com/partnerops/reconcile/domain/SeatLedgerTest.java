package com.partnerops.reconcile.domain;

import static com.partnerops.reconcile.domain.DomainFixtures.CONTOSO;
import static com.partnerops.reconcile.domain.DomainFixtures.E3;
import static com.partnerops.reconcile.domain.DomainFixtures.E5;
import static com.partnerops.reconcile.domain.DomainFixtures.STORAGE;
import static com.partnerops.reconcile.domain.DomainFixtures.TODAY;
import static com.partnerops.reconcile.domain.DomainFixtures.legacy;
import static com.partnerops.reconcile.domain.DomainFixtures.license;
import static com.partnerops.reconcile.domain.DomainFixtures.nce;
import static com.partnerops.reconcile.domain.DomainFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeatLedgerTest {

    private static SeatLedger ledger(Map<String, Integer> assigned, Subscription... subscriptions) {
        return new SeatLedger(new CustomerContext(CONTOSO, List.of(subscriptions), List.of(), assigned));
    }

    private static SeatLine onlyLine(SeatLedger ledger) {
        List<SeatLine> lines = ledger.lines(TODAY);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    @Test
    void seatsOfSeveralUsableSubscriptionsOfOneSkuAddUpAndSuspendedOnesDoNotCount() {
        SeatLedger ledger = ledger(Map.of(E3, 4),
                license(E3, 3),
                legacy("sub-e3-legacy", E3, 2),
                subscription("sub-e3-grace", E3, SubscriptionKind.LICENSE, 1, SubscriptionStatus.WARNING),
                subscription("sub-e3-old", E3, SubscriptionKind.LICENSE, 10, SubscriptionStatus.SUSPENDED),
                subscription("sub-e3-gone", E3, SubscriptionKind.LICENSE, 20, SubscriptionStatus.EXPIRED));

        assertThat(ledger.purchased(E3)).isEqualTo(6);
        SeatLine line = onlyLine(ledger);
        assertThat(line.program()).isEqualTo("LEGACY+NCE");
        assertThat(line.purchased()).isEqualTo(6);
        assertThat(line.assignedBefore()).isEqualTo(4);
        assertThat(line.freeAfter()).isEqualTo(2);
        assertThat(line.advice()).contains(
                "subscription sub-e3-grace is in its grace period: renew it to keep its 1 seats",
                "subscription sub-e3-old is suspended: its 10 seats are not counted",
                "subscription sub-e3-gone is expired: its 20 seats are not counted");
    }

    @Test
    void assignedSeatsComeFromUserAssignmentsWhateverCaseTheSkuIsWrittenIn() {
        SeatLedger ledger = ledger(Map.of("enterprisepack", 2), license(E3, 5));

        assertThat(ledger.assigned(E3)).isEqualTo(2);
        assertThat(ledger.assigned("EnterprisePack")).isEqualTo(2);
    }

    @Test
    void takeNeverAssignsMoreThanPurchasedAndCountsTheShortfall() {
        SeatLedger ledger = ledger(Map.of(E3, 1), license(E3, 2));

        assertThat(ledger.take(E3)).isTrue();
        assertThat(ledger.take(E3)).isFalse();
        assertThat(ledger.take(E3)).isFalse();

        assertThat(ledger.assigned(E3)).isEqualTo(2);
        assertThat(ledger.shortfall(E3)).isEqualTo(2);
        SeatLine line = onlyLine(ledger);
        assertThat(line.assignedAfter()).isEqualTo(2);
        assertThat(line.seatsToBuy()).isEqualTo(2);
        assertThat(line.advice()).contains(
                "buy 2 more seats to serve every requested assignment (NCE seats can be added at any time)");
    }

    @Test
    void aReleasedSeatCanBeTakenAgain() {
        SeatLedger ledger = ledger(Map.of(E3, 2), license(E3, 2));

        assertThat(ledger.take(E3)).isFalse();
        ledger.release(E3);
        assertThat(ledger.take(E3)).isTrue();

        assertThat(ledger.assigned(E3)).isEqualTo(2);
    }

    @Test
    void releasingASkuWithoutSubscriptionIsIgnoredButAskingAboutItFails() {
        SeatLedger ledger = ledger(Map.of(), license(E3, 2));

        ledger.release(E5);

        assertThat(ledger.lines(TODAY)).extracting(SeatLine::sku).containsExactly(E3);
        assertThatThrownBy(() -> ledger.purchased(E5)).hasMessageContaining("no subscription for SPE_E5");
    }

    @Test
    void unusedNceSeatsCanBeReducedWithinSevenDaysOfTheCommitmentStart() {
        SeatLedger ledger = ledger(Map.of(E3, 1), nce("sub-e3", E3, SubscriptionKind.LICENSE, 4,
                SubscriptionStatus.ACTIVE, TODAY.minusDays(3), TODAY.minusDays(3).plusYears(1)));

        assertThat(onlyLine(ledger).advice()).startsWith("3 unused seats: NCE subscription sub-e3 can be reduced"
                + " until 2026-11-28 (seven days after its seats were added);");
    }

    @Test
    void partnerCentersRefundableQuantityDecidesHowManySeatsAndUntilWhenNotTheSevenDays() {
        // commitment started long ago, yet Partner Center says 2 seats added since are refundable for 2 more days
        Subscription started = nce("sub-e3", E3, SubscriptionKind.LICENSE, 6, SubscriptionStatus.ACTIVE,
                TODAY.minusMonths(5), TODAY.plusMonths(7));
        Subscription refundable = withRefundable(started, new Subscription.Refundable(2, TODAY.plusDays(2)));
        Subscription nothingLeft = withRefundable(started, new Subscription.Refundable(0, null));

        assertThat(onlyLine(ledger(Map.of(E3, 1), refundable)).advice()).startsWith("5 unused seats: NCE"
                + " subscription sub-e3 can be reduced by up to 2 until 2026-11-26 (Partner Center's refundable"
                + " quantity);");
        assertThat(onlyLine(ledger(Map.of(E3, 1), nothingLeft)).advice()).startsWith("5 unused seats: NCE"
                + " subscription sub-e3 can be reduced only at renewal on 2027-06-24");
        assertThat(refundable.reducibleSeats(TODAY.plusDays(3))).isZero();
    }

    private static Subscription withRefundable(Subscription s, Subscription.Refundable refundable) {
        return new Subscription(s.tenantId(), s.subscriptionId(), s.skuPartNumber(), s.productName(), s.kind(),
                s.program(), s.quantity(), s.status(), s.commitmentStart(), s.termEnd(), s.assignedDisplay(),
                refundable);
    }

    @Test
    void unusedNceSeatsPastTheSevenDayWindowCanBeReducedOnlyAtRenewal() {
        SeatLedger ledger = ledger(Map.of(E3, 3), nce("sub-e3", E3, SubscriptionKind.LICENSE, 4,
                SubscriptionStatus.ACTIVE, TODAY.minusDays(8), TODAY.plusMonths(6)));

        assertThat(onlyLine(ledger).advice())
                .startsWith("1 unused seat: NCE subscription sub-e3 can be reduced only at renewal on 2027-05-24;")
                .doesNotContain("can be reduced until");
    }

    @Test
    void unusedLegacySeatsCanBeReducedAtAnyTime() {
        SeatLedger ledger = ledger(Map.of(E3, 1), legacy("sub-e3-legacy", E3, 3));

        assertThat(onlyLine(ledger).advice())
                .isEqualTo("2 unused seats: legacy subscription sub-e3-legacy can be reduced at any time");
    }

    @Test
    void anUnavailablePortalCountIsNotedAndSeatsAreCountedFromAssignments() {
        SeatLedger ledger = ledger(Map.of(E3, 4), license(E3, 4));

        SeatLine line = onlyLine(ledger);
        assertThat(line.assignedBefore()).isEqualTo(4);
        assertThat(line.freeAfter()).isZero();
        assertThat(line.advice()).isEqualTo("portal shows assigned seats as Unavailable for sub-enterprisepack;"
                + " counted 4 from user assignments");
    }

    @Test
    void anOverAssignedSkuSaysHowManySeatsToBuy() {
        SeatLedger ledger = ledger(Map.of(E3, 5),
                subscription("sub-e3", E3, SubscriptionKind.LICENSE, 3, SubscriptionStatus.ACTIVE),
                subscription("sub-e3-old", E3, SubscriptionKind.LICENSE, 2, SubscriptionStatus.SUSPENDED));

        SeatLine line = onlyLine(ledger);
        assertThat(line.freeAfter()).isEqualTo(-2);
        assertThat(line.advice()).startsWith("over-assigned by 2: buy 2 seats or remove assignments");
    }

    @Test
    void addOnSeatsAreNeverAssignableAndSaidSo() {
        SeatLedger ledger = ledger(Map.of(),
                subscription("sub-storage", STORAGE, SubscriptionKind.ADDON, 10, SubscriptionStatus.ACTIVE));

        SeatLine line = onlyLine(ledger);
        assertThat(line.purchased()).isZero();
        assertThat(ledger.take(STORAGE)).isFalse();
        assertThat(line.advice()).startsWith("tenant-level add-on: applies to the whole tenant");
    }
}
