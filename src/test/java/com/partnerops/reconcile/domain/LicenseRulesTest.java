package com.partnerops.reconcile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which license facts the report raises as actions: only what can still be done now. */
class LicenseRulesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    private final LicenseRules rules = new LicenseRules(TODAY, 30);

    private static Subscription nce(int quantity, String start, String end, SubscriptionStatus status) {
        return new Subscription("t", "s-" + start, "SPB", "Microsoft 365 Business Premium", SubscriptionKind.LICENSE,
                Program.NCE, quantity, status, LocalDate.parse(start), LocalDate.parse(end), "Unavailable");
    }

    private static LicensePosition position(int assigned, int planToBuy, Subscription... subscriptions) {
        return new LicensePosition("t", "Contoso", "SPB", List.of(subscriptions), assigned, planToBuy, null, null);
    }

    private LicenseAssessment assess(int assigned, Subscription... subscriptions) {
        return rules.assess(position(assigned, 0, subscriptions));
    }

    @Test
    void unusedNceSeatsInsideTheSevenDayWindowCanGoBackUntilItCloses() {
        LicenseAssessment a = assess(3, nce(10, "2026-11-20", "2027-11-19", SubscriptionStatus.ACTIVE));

        assertThat(a.actionPhrase()).isEqualTo("reduce 7 seats before 2026-11-27");
        assertThat(a.reducibleSeats()).isEqualTo(7);
        assertThat(a.reducibleUntil()).isEqualTo(LocalDate.parse("2026-11-27"));
    }

    @Test
    void insideTheWindowOnlyTheNewSubscriptionsSeatsCanGoBack() {
        LicenseAssessment a = assess(3, nce(8, "2026-01-10", "2027-01-09", SubscriptionStatus.ACTIVE),
                nce(2, "2026-11-22", "2027-11-21", SubscriptionStatus.ACTIVE));

        assertThat(a.actionPhrase()).isEqualTo("reduce 2 seats before 2026-11-29");
    }

    @Test
    void unusedSeatsOutsideEveryWindowAreReportedButNoAction() {
        LicenseAssessment a = assess(4, nce(5, "2026-02-01", "2027-01-31", SubscriptionStatus.ACTIVE));

        assertThat(a.actions()).isEmpty();
        assertThat(a.actionPhrase()).isEqualTo("nothing");
        assertThat(a.reducibleSeats()).isEqualTo(1);
        assertThat(a.reducibleUntil()).as("at renewal").isEqualTo(LocalDate.parse("2027-01-31"));
    }

    @Test
    void unusedSeatsWithinTheRenewalWindowAreAnActionAndTheWindowIsTheSettings() {
        Subscription renewsIn20Days = nce(5, "2025-12-14", "2026-12-14", SubscriptionStatus.ACTIVE);

        assertThat(assess(4, renewsIn20Days).actionPhrase()).isEqualTo("reduce 1 seat before 2026-12-14");
        assertThat(new LicenseRules(TODAY, 10).assess(position(4, 0, renewsIn20Days)).actions()).isEmpty();
    }

    @Test
    void aFewUnusedSeatsOnAMonthlyTermAreNoAlarmButManyAre() {
        Subscription monthly = nce(40, "2026-11-10", "2026-12-09", SubscriptionStatus.ACTIVE);

        assertThat(assess(38, monthly).actions()).as("2 of 40 unused").isEmpty();
        assertThat(assess(36, monthly).actions()).as("4 of 40: a tenth").isEmpty();
        assertThat(assess(20, monthly).actionPhrase()).isEqualTo("reduce 20 seats before 2026-12-09");
    }

    @Test
    void gracePeriodWithUsersIsRenewAndSuspendedWithUsersBeyondTheSeatsToo() {
        assertThat(assess(1, nce(2, "2025-12-01", "2026-11-30", SubscriptionStatus.WARNING)).actionPhrase())
                .isEqualTo("renew; reduce 1 seat before 2026-11-30");
        assertThat(assess(0, nce(2, "2025-12-01", "2027-11-30", SubscriptionStatus.WARNING)).actions()).isEmpty();
        LicenseAssessment suspended = assess(1, nce(2, "2025-06-01", "2026-05-31", SubscriptionStatus.SUSPENDED));
        assertThat(suspended.actionPhrase()).isEqualTo("renew");
        assertThat(suspended.actions().get(0).why()).isEqualTo("suspended: 1 user without a usable seat");
        // the users are on an active subscription of the SKU: the suspended one is no alarm
        assertThat(assess(1, nce(2, "2025-06-01", "2026-05-31", SubscriptionStatus.SUSPENDED),
                nce(1, "2026-02-01", "2027-01-31", SubscriptionStatus.ACTIVE)).actions()).isEmpty();
    }

    @Test
    void overAssignedOrShortInTheLatestPlanIsBuyTheLargerCount() {
        Subscription full = nce(5, "2026-02-01", "2027-01-31", SubscriptionStatus.ACTIVE);

        assertThat(assess(7, full).actionPhrase()).isEqualTo("buy 2 seats");
        assertThat(rules.assess(position(5, 3, full)).actionPhrase()).isEqualTo("buy 3 seats");
        assertThat(rules.assess(position(7, 1, full)).actionPhrase()).isEqualTo("buy 2 seats");
    }

    @Test
    void addOnsAndSoftwareAreNeverSeatActions() {
        Subscription storage = new Subscription("t", "st", "SHAREPOINTSTORAGE", "Extra File Storage",
                SubscriptionKind.ADDON, Program.NCE, 100, SubscriptionStatus.ACTIVE, LocalDate.parse("2026-11-20"),
                LocalDate.parse("2027-11-19"), null);

        LicenseAssessment a = rules.assess(new LicensePosition("t", "Contoso", "SHAREPOINTSTORAGE", List.of(storage),
                0, 0, null, null));

        assertThat(a.actions()).isEmpty();
        assertThat(a.position().free()).isZero();
    }

    @Test
    void legacySeatsCanBeReducedAnyTimeAndAreAnActionOnlyNearRenewal() {
        Subscription legacy = new Subscription("t", "l", "STANDARDWOFFPACK_FACULTY", "A1", SubscriptionKind.LICENSE,
                Program.LEGACY, 50, SubscriptionStatus.ACTIVE, LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"), "4");

        LicenseAssessment a = rules.assess(new LicensePosition("t", "Lycée", "STANDARDWOFFPACK_FACULTY",
                List.of(legacy), 4, 0, null, null));

        assertThat(a.actions()).isEmpty();
        assertThat(a.reducibleSeats()).isEqualTo(46);
        assertThat(a.reducibleUntil()).as("any time").isNull();
    }
}
