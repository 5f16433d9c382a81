package com.partnerops.reconcile.domain;

import static com.partnerops.reconcile.domain.DomainFixtures.E3;
import static com.partnerops.reconcile.domain.DomainFixtures.E5;
import static com.partnerops.reconcile.domain.DomainFixtures.NOW;
import static com.partnerops.reconcile.domain.DomainFixtures.USER_ADMIN;
import static com.partnerops.reconcile.domain.DomainFixtures.context;
import static com.partnerops.reconcile.domain.DomainFixtures.fullAccess;
import static com.partnerops.reconcile.domain.DomainFixtures.license;
import static com.partnerops.reconcile.domain.DomainFixtures.relationship;
import static com.partnerops.reconcile.domain.DomainFixtures.row;
import static com.partnerops.reconcile.domain.DomainFixtures.user;
import static com.partnerops.reconcile.domain.DomainFixtures.userWithoutUsageLocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each of the planner's checks on its own, on a hand-made draft. */
class PlannerPassesTest {

    private static Candidate open(PlannedChange change) {
        return new Candidate(change);
    }

    @Nested
    class Values {

        @Test
        void onlyAttributesThatDifferAreDraftedAndEachBadValueIsRejectedForItsOwnReason() {
            UserDraft draft = new UserDraft(row(2, "alice").set(UserAttribute.JOB_TITLE, "Engineer")
                    .set(UserAttribute.DEPARTMENT, " Sales ").set(UserAttribute.USAGE_LOCATION, "France")
                    .set(UserAttribute.DISPLAY_NAME, "x".repeat(257)).build(),
                    user("alice").withAttribute(UserAttribute.DEPARTMENT, "Sales"));

            ValueCheck.draftAttributes(draft);

            assertThat(draft.candidates).extracting(c -> c.target, c -> c.reason).containsExactlyInAnyOrder(
                    tuple("displayName", ReasonCode.INVALID_VALUE),
                    tuple("jobTitle", null),
                    tuple("usageLocation", ReasonCode.INVALID_VALUE));
            assertThat(draft.candidates).filteredOn(c -> c.target.equals("usageLocation")).singleElement()
                    .satisfies(c -> assertThat(c.message).contains("'France' is not an ISO 3166-1 alpha-2"));
        }
    }

    @Nested
    class Gdap {

        @Test
        void aGrantedChangeCarriesItsRelationshipAndARefusedOneTheGdapReason() {
            GdapAuthority gdap = new GdapAuthority(GdapPolicy.defaults(), List.of(relationship("rel-users",
                    USER_ADMIN)), NOW);
            UserDraft draft = new UserDraft(row(2, "alice").build(), user("alice"));
            Candidate title = draft.add(open(new PlannedChange.SetAttribute(UserAttribute.JOB_TITLE, "", "Boss")));
            Candidate role = draft.add(open(new PlannedChange.AddRole("Global Reader")));
            Candidate rejected = draft.add(open(new PlannedChange.AssignLicense(E3)))
                    .reject(ReasonCode.UNKNOWN_SKU, "earlier");

            GdapCheck.authorize(draft, gdap);

            assertThat(title.relationshipId).isEqualTo("rel-users");
            assertThat(role.reason).isEqualTo(ReasonCode.MISSING_GDAP_ROLE);
            assertThat(rejected.reason).as("an earlier check's reason stands").isEqualTo(ReasonCode.UNKNOWN_SKU);
        }
    }

    @Nested
    class UsageLocation {

        @Test
        void aUserWithoutUsageLocationGetsNoLicenseUnlessTheRowSetsOne() {
            UserDraft without = new UserDraft(row(2, "alice").build(), userWithoutUsageLocation("alice"));
            Candidate license = without.add(open(new PlannedChange.AssignLicense(E3)));
            UserDraft setting = new UserDraft(row(3, "bob").build(), userWithoutUsageLocation("bob"));
            setting.add(open(new PlannedChange.SetAttribute(UserAttribute.USAGE_LOCATION, "", "FR")));
            Candidate allowed = setting.add(open(new PlannedChange.AssignLicense(E3)));

            UsageLocationCheck.require(without);
            UsageLocationCheck.require(setting);

            assertThat(license.reason).isEqualTo(ReasonCode.USAGE_LOCATION_REQUIRED);
            assertThat(license.message).contains("add a usageLocation");
            assertThat(allowed.open()).isTrue();
        }
    }

    @Nested
    class Seats {

        @Test
        void aRemovalEarlierInTheFileServesALaterAdditionAndTheRestAreShort() {
            List<DirectoryUser> users = List.of(user("alice", E3), user("bob"), user("carol"));
            CustomerContext context = context(List.of(license(E3, 1)), List.of(fullAccess()), users);
            UserDraft carol = new UserDraft(row(2, "carol").build(), users.get(2));
            Candidate carolTakes = carol.add(open(new PlannedChange.AssignLicense(E3)));
            UserDraft bob = new UserDraft(row(3, "bob").build(), users.get(1));
            Candidate bobTakes = bob.add(open(new PlannedChange.AssignLicense(E3)));
            UserDraft alice = new UserDraft(row(4, "alice").build(), users.get(0));
            alice.add(open(new PlannedChange.RemoveLicense(E3)));

            SeatLedger ledger = SeatAllocation.serve(List.of(carol, bob, alice), context);

            assertThat(carolTakes.open()).isTrue();
            assertThat(bobTakes.reason).isEqualTo(ReasonCode.INSUFFICIENT_SEATS);
            assertThat(bobTakes.message).contains("buy 1 more seat");
            assertThat(ledger.assigned(E3)).isEqualTo(1);
        }

        @Test
        void aRowWhoseAdditionWasRejectedEarlierKeepsItsRemovalAndFreesNoSeat() {
            List<DirectoryUser> users = List.of(user("alice", E3), user("bob"));
            CustomerContext context = context(List.of(license(E3, 1), license(E5, 1)), List.of(fullAccess()), users);
            UserDraft alice = new UserDraft(row(2, "alice").build(), users.get(0));
            Candidate removal = alice.add(open(new PlannedChange.RemoveLicense(E3)));
            alice.add(open(new PlannedChange.AssignLicense(E5))).reject(ReasonCode.MISSING_GDAP_ROLE, "no role");
            UserDraft bob = new UserDraft(row(3, "bob").build(), users.get(1));
            Candidate bobTakes = bob.add(open(new PlannedChange.AssignLicense(E3)));

            SeatAllocation.serve(List.of(alice, bob), context);

            assertThat(removal.reason).isEqualTo(ReasonCode.REPLACEMENT_REJECTED);
            assertThat(removal.message).contains("MISSING_GDAP_ROLE: no role");
            assertThat(bobTakes.reason).isEqualTo(ReasonCode.INSUFFICIENT_SEATS);
        }
    }

    @Nested
    class Lists {

        @Test
        void anExactListWithAnUnknownNameRemovesNothingAndADeltaTouchesOnlyWhatItNames() {
            Set<String> held = Set.of("A", "B");
            java.util.function.Function<String, Optional<String>> known = name -> Set.of("A", "B", "C")
                    .contains(name) ? Optional.of(name) : Optional.empty();

            ListDiff exact = ListDiff.of(ListChange.parse("C;TYPO"), held, known);
            ListDiff delta = ListDiff.of(ListChange.parse("-A;+C"), held, known);

            assertThat(exact.additions()).containsExactly("C");
            assertThat(exact.unknownAdditions()).containsExactly("TYPO");
            assertThat(exact.removals()).isEmpty();
            assertThat(delta.removals()).containsExactly("A");
            assertThat(delta.additions()).containsExactly("C");
        }
    }
}
