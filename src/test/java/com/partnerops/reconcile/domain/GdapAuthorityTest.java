package com.partnerops.reconcile.domain;

import static com.partnerops.reconcile.domain.DomainFixtures.E3;
import static com.partnerops.reconcile.domain.DomainFixtures.LICENSE_ADMIN;
import static com.partnerops.reconcile.domain.DomainFixtures.NOW;
import static com.partnerops.reconcile.domain.DomainFixtures.PRIVILEGED_ROLE_ADMIN;
import static com.partnerops.reconcile.domain.DomainFixtures.USER_ADMIN;
import static com.partnerops.reconcile.domain.DomainFixtures.authority;
import static com.partnerops.reconcile.domain.DomainFixtures.relationship;
import static com.partnerops.reconcile.domain.DomainFixtures.relationshipUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GdapAuthorityTest {

    private static final PlannedChange ASSIGN = new PlannedChange.AssignLicense(E3);
    private static final PlannedChange ADD_ROLE = new PlannedChange.AddRole("Reports Reader");

    /** One change of every kind. */
    private static final List<PlannedChange> EVERY_KIND = List.of(
            new PlannedChange.SetAttribute(UserAttribute.JOB_TITLE, "", "Engineer"),
            new PlannedChange.SetAttribute(UserAttribute.USAGE_LOCATION, "", "FR"),
            new PlannedChange.AddRole("Reports Reader"),
            new PlannedChange.RemoveRole("Reports Reader"),
            new PlannedChange.AssignLicense(E3),
            new PlannedChange.RemoveLicense(E3),
            new PlannedChange.SetDisabledPlans(E3, Set.of("YAMMER_ENTERPRISE"), Set.of()),
            new PlannedChange.AssignSaasSeat("CONTOSO_SIGN_SEAT"),
            new PlannedChange.RemoveSaasSeat("CONTOSO_SIGN_SEAT"));

    @Test
    void anActiveRelationshipHoldingAnAllowedRoleGrantsTheChange() {
        GdapAuthority.Verdict verdict = authority(relationship("rel-1", "license administrator")).check(ASSIGN);

        assertThat(verdict.granted()).isTrue();
        assertThat(verdict.relationshipId()).isEqualTo("rel-1");
        assertThat(verdict.reason()).isNull();
    }

    @Test
    void aRelationshipWithoutEndDateIsActiveWhileItsStatusIsActive() {
        GdapAuthority.Verdict verdict = authority(relationshipUntil("rel-open", "Active", null, LICENSE_ADMIN))
                .check(ASSIGN);

        assertThat(verdict.relationshipId()).isEqualTo("rel-open");
    }

    @Test
    void anExpiredRelationshipGrantsNothingAndSaysWhy() {
        GdapAuthority.Verdict verdict = authority(
                relationshipUntil("rel-exp", "expired", NOW.plus(Duration.ofDays(10)), LICENSE_ADMIN)).check(ASSIGN);

        assertThat(verdict.granted()).isFalse();
        assertThat(verdict.reason()).isEqualTo(ReasonCode.GDAP_INACTIVE);
        assertThat(verdict.message()).contains("relationship rel-exp grants one but is expired",
                "renew the relationship in Partner Center");
    }

    @Test
    void aRelationshipPastItsEndDateIsInactiveWhateverItsStatusSays() {
        GdapAuthority.Verdict verdict = authority(
                relationshipUntil("rel-past", "active", NOW.minus(Duration.ofHours(1)), LICENSE_ADMIN)).check(ASSIGN);

        assertThat(verdict.reason()).isEqualTo(ReasonCode.GDAP_INACTIVE);
        assertThat(verdict.message()).contains("rel-past", "ended 2026-11-24T08:00:00Z");
    }

    @Test
    void aRelationshipEndingExactlyNowIsAlreadyInactive() {
        GdapAuthority.Verdict verdict = authority(relationshipUntil("rel-now", "active", NOW, LICENSE_ADMIN))
                .check(ASSIGN);

        assertThat(verdict.reason()).isEqualTo(ReasonCode.GDAP_INACTIVE);
    }

    @Test
    void anActiveRelationshipIsPreferredOverALapsedOneListedFirst() {
        GdapAuthority.Verdict verdict = authority(
                relationshipUntil("rel-old", "active", NOW.minus(Duration.ofDays(1)), LICENSE_ADMIN),
                relationship("rel-new", USER_ADMIN)).check(ASSIGN);

        assertThat(verdict.relationshipId()).isEqualTo("rel-new");
    }

    @Test
    void globalAdministratorAllowsEveryKindOfChange() {
        GdapAuthority gdap = authority(relationship("rel-ga", "Global Administrator"));

        assertThat(EVERY_KIND).allSatisfy(change -> assertThat(gdap.check(change).relationshipId())
                .as(change.kind().name()).isEqualTo("rel-ga"));
    }

    @Test
    void licenseAdministratorMaySetUsageLocationButNoOtherAttribute() {
        GdapAuthority gdap = authority(relationship("rel-la", LICENSE_ADMIN));

        assertThat(gdap.check(new PlannedChange.SetAttribute(UserAttribute.USAGE_LOCATION, "", "FR")).granted())
                .isTrue();
        GdapAuthority.Verdict title = gdap.check(new PlannedChange.SetAttribute(UserAttribute.JOB_TITLE, "", "CTO"));
        assertThat(title.reason()).isEqualTo(ReasonCode.MISSING_GDAP_ROLE);
        assertThat(title.message()).isEqualTo("SET_ATTRIBUTE needs one of the GDAP roles User Administrator,"
                + " Directory Writers, Global Administrator; active relationships grant only [License Administrator]");
    }

    @Test
    void adminRoleChangesNeedPrivilegedRoleAdministratorAndTheMessageNamesIt() {
        GdapAuthority gdap = authority(relationship("rel-ua", USER_ADMIN, LICENSE_ADMIN));

        GdapAuthority.Verdict verdict = gdap.check(ADD_ROLE);

        assertThat(verdict.reason()).isEqualTo(ReasonCode.MISSING_GDAP_ROLE);
        assertThat(verdict.message()).isEqualTo("ADD_ROLE needs one of the GDAP roles Privileged Role Administrator,"
                + " Global Administrator; active relationships grant only [License Administrator, User Administrator]");
        assertThat(authority(relationship("rel-pra", PRIVILEGED_ROLE_ADMIN))
                .check(new PlannedChange.RemoveRole("Reports Reader")).relationshipId()).isEqualTo("rel-pra");
    }

    @Test
    void withoutAnyActiveRelationshipTheMessageSaysSo() {
        GdapAuthority.Verdict verdict = authority(
                relationshipUntil("rel-other", "terminated", NOW.plus(Duration.ofDays(5)), "Reports Reader"))
                .check(ASSIGN);

        assertThat(verdict.reason()).isEqualTo(ReasonCode.MISSING_GDAP_ROLE);
        assertThat(verdict.message()).contains("License Administrator, User Administrator, Directory Writers",
                "the partner has no active GDAP relationship with this customer");
    }

    @Test
    void theDefaultPolicyMatchesTheProductRules() {
        GdapPolicy policy = GdapPolicy.defaults();

        assertThat(policy.rolesAllowing(Permission.MANAGE_LICENSES)).containsExactly(LICENSE_ADMIN, USER_ADMIN,
                "Directory Writers", GdapPolicy.GLOBAL_ADMINISTRATOR);
        assertThat(policy.rolesAllowing(Permission.SET_USAGE_LOCATION)).containsExactly(LICENSE_ADMIN, USER_ADMIN,
                "Directory Writers", GdapPolicy.GLOBAL_ADMINISTRATOR);
        assertThat(policy.rolesAllowing(Permission.SET_USER_ATTRIBUTES)).containsExactly(USER_ADMIN,
                "Directory Writers", GdapPolicy.GLOBAL_ADMINISTRATOR);
        assertThat(policy.rolesAllowing(Permission.MANAGE_ADMIN_ROLES)).containsExactly(PRIVILEGED_ROLE_ADMIN,
                GdapPolicy.GLOBAL_ADMINISTRATOR);
    }

    @Test
    void aParsedPolicyAlwaysAllowsGlobalAdministratorEvenForUnlistedPermissions() {
        GdapPolicy policy = GdapPolicy.parse(new StringReader("""
                # stricter
                permission,roles
                MANAGE_LICENSES, License Administrator ;
                """));

        assertThat(policy.rolesAllowing(Permission.MANAGE_LICENSES))
                .containsExactly(LICENSE_ADMIN, GdapPolicy.GLOBAL_ADMINISTRATOR);
        assertThat(policy.rolesAllowing(Permission.SET_USER_ATTRIBUTES))
                .containsExactly(GdapPolicy.GLOBAL_ADMINISTRATOR);
    }
}
