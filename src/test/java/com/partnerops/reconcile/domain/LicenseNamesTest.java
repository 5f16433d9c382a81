package com.partnerops.reconcile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.domain.LicenseNames.Resolved;
import com.partnerops.reconcile.domain.LicenseNames.Unresolved;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenseNamesTest {

    private static final ProductCatalog CATALOG = ProductCatalog.builtIn();

    /** Like the sample snapshot's customer: a SaaS offer and a software purchase Microsoft's table does not list. */
    private final LicenseNames names = new LicenseNames(List.of(
            subscription("SPB", "Microsoft 365 Business Premium", SubscriptionKind.LICENSE),
            subscription("SHAREPOINTSTORAGE", "Office 365 Extra File Storage", SubscriptionKind.ADDON),
            subscription("O365_BUSINESS_ESSENTIALS", "Business Basic (NCE annual)", SubscriptionKind.LICENSE),
            subscription("ACROBAT_PRO_TEAMS", "Adobe Acrobat Pro for teams (marketplace SaaS)", SubscriptionKind.SAAS),
            subscription("SQL_SVR_STD_2022", "SQL Server 2022 Standard - 2 Core License Pack",
                    SubscriptionKind.SOFTWARE),
            subscription("ACME_BACKUP", "Acme Backup + Restore", SubscriptionKind.SAAS)), CATALOG);

    @Test
    void theCustomersOwnSubscriptionsResolveOffersMicrosoftsTableLacks() {
        assertThat(names.resolve("adobe acrobat pro for teams  (marketplace SaaS)"))
                .isEqualTo(new Resolved("ACROBAT_PRO_TEAMS"));
        assertThat(names.resolve("acrobat_pro_teams")).isEqualTo(new Resolved("ACROBAT_PRO_TEAMS"));
        assertThat(names.resolve("SQL Server 2022 Standard - 2 Core License Pack"))
                .isEqualTo(new Resolved("SQL_SVR_STD_2022"));
        assertThat(new LicenseNames(List.of(), CATALOG).resolve("Adobe Acrobat Pro for teams (marketplace SaaS)"))
                .isInstanceOf(Unresolved.class);
    }

    @Test
    void theCatalogResolvesByPartNumberIdOrDisplayNameEvenWithoutASubscription() {
        assertThat(names.resolve("Microsoft 365 Business Premium")).isEqualTo(new Resolved("SPB"));
        assertThat(names.resolve("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46")).isEqualTo(new Resolved("SPB"));
        assertThat(names.resolve("office 365 e5")).isEqualTo(new Resolved("ENTERPRISEPREMIUM"));
        assertThat(names.resolve("enterprisepremium")).isEqualTo(new Resolved("ENTERPRISEPREMIUM"));
    }

    @Test
    void anAmbiguousDisplayNameResolvesToTheSkuTheCustomerHas() {
        assertThat(names.resolve("Microsoft 365 Business Basic")).isEqualTo(new Resolved("O365_BUSINESS_ESSENTIALS"));
        assertThat(new LicenseNames(List.of(), CATALOG).resolve("Microsoft 365 Business Basic")).isEqualTo(
                new Unresolved("'Microsoft 365 Business Basic' names several products (O365_BUSINESS_ESSENTIALS,"
                        + " SMB_BUSINESS_ESSENTIALS): use the SKU part number"));
        assertThat(names.resolve("Microsoft 365 Apps for business")).isEqualTo(new Unresolved(
                "'Microsoft 365 Apps for business' names several products (O365_BUSINESS, SMB_BUSINESS):"
                        + " use the SKU part number"));
    }

    @Test
    void anUnknownNameIsAProblemNamingTheClosestProducts() {
        Unresolved typo = (Unresolved) names.resolve("Microsoft 365 Busines Premium");
        Unresolved saasTypo = (Unresolved) names.resolve("Adobe Acrobat Pro for teems (marketplace SaaS)");
        Unresolved nonsense = (Unresolved) names.resolve("Contoso Payroll Deluxe 2031");

        assertThat(typo.message()).startsWith("'Microsoft 365 Busines Premium' is not a known product name, SKU part"
                + " number or SKU id; closest: Microsoft 365 Business Premium (SPB)");
        assertThat(saasTypo.message()).contains(
                "closest: Adobe Acrobat Pro for teams (marketplace SaaS) (ACROBAT_PRO_TEAMS)");
        assertThat(nonsense.message()).isEqualTo(
                "'Contoso Payroll Deluxe 2031' is not a known product name, SKU part number or SKU id");
        assertThat(names.resolve("  ")).isInstanceOf(Unresolved.class);
    }

    @Test
    void splitsTheAdminCenterLicensesCellKeepingPlusSignsInsideNames() {
        assertThat(names.splitAdminCenterLicenses("Microsoft 365 Business Premium+Office 365 Extra File Storage"))
                .containsExactly("Microsoft 365 Business Premium", "Office 365 Extra File Storage");
        assertThat(names.splitAdminCenterLicenses("Enterprise Mobility + Security E3+Power BI Pro"))
                .containsExactly("Enterprise Mobility + Security E3", "Power BI Pro");
        assertThat(names.splitAdminCenterLicenses(
                "Microsoft 365 F5 Security + Compliance Add-on+Enterprise Mobility + Security E5 + Power BI Pro"))
                .containsExactly("Microsoft 365 F5 Security + Compliance Add-on", "Enterprise Mobility + Security E5",
                        "Power BI Pro");
        assertThat(names.splitAdminCenterLicenses("Acme Backup + Restore+Contoso Thing+Power BI Pro"))
                .containsExactly("Acme Backup + Restore", "Contoso Thing", "Power BI Pro");
        assertThat(names.splitAdminCenterLicenses("Unlicensed")).isEmpty();
        assertThat(names.splitAdminCenterLicenses(" ")).isEmpty();
    }

    private static Subscription subscription(String sku, String productName, SubscriptionKind kind) {
        return new Subscription("0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e", "sub-" + sku, sku, productName, kind,
                Program.NCE, 5, SubscriptionStatus.ACTIVE, LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31), "");
    }
}
