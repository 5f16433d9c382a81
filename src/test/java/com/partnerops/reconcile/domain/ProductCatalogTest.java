package com.partnerops.reconcile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerops.reconcile.domain.ProductCatalog.Ambiguous;
import com.partnerops.reconcile.domain.ProductCatalog.Found;
import com.partnerops.reconcile.domain.ProductCatalog.Product;
import com.partnerops.reconcile.domain.ProductCatalog.Resolution;
import com.partnerops.reconcile.domain.ProductCatalog.ServicePlan;
import com.partnerops.reconcile.domain.ProductCatalog.Unknown;
import com.opencsv.CSVReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductCatalogTest {

    /** Microsoft's table as published; the project directory has {@code ../shared} beside it. */
    static final String TRIMMED_TABLE = "/catalog/ms-licensing-trimmed.csv";

    private final ProductCatalog catalog = ProductCatalog.builtIn();

    @Test
    void skuPartNumberSkuIdAndDisplayNameResolveToTheSameProduct() {
        Product spb = found("SPB");

        assertThat(spb.skuId()).isEqualTo("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46");
        assertThat(spb.displayName()).isEqualTo("Microsoft 365 Business Premium");
        assertThat(found("spb")).isEqualTo(spb);
        assertThat(found("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46")).isEqualTo(spb);
        assertThat(found(" CBDC14AB-D96C-4C30-B9F4-6ADA7CDC1D46 ")).isEqualTo(spb);
        assertThat(found("Microsoft 365 Business Premium")).isEqualTo(spb);
        assertThat(found("microsoft  365\u00a0business premium ")).isEqualTo(spb);
        assertThat(ProductCatalog.builtIn()).isSameAs(catalog);
    }

    @Test
    void aDisplayNameSeveralSkusShareIsAmbiguous() {
        Resolution resolution = catalog.resolve("microsoft 365 business basic");

        assertThat(resolution).isInstanceOf(Ambiguous.class);
        assertThat(((Ambiguous) resolution).candidates()).extracting(Product::skuPartNumber)
                .containsExactly("O365_BUSINESS_ESSENTIALS", "SMB_BUSINESS_ESSENTIALS");
    }

    @Test
    void anUnknownNameOffersTheClosestProductsNearestFirst() {
        Resolution typo = catalog.resolve("Microsoft 365 Busines Premium");
        Resolution skuTypo = catalog.resolve("ENTERPRISEPREMUIM");
        Resolution nonsense = catalog.resolve("Contoso Payroll Deluxe 2031");

        assertThat(typo).isInstanceOf(Unknown.class);
        assertThat(((Unknown) typo).closestMatches()).hasSizeBetween(1, 3)
                .startsWith("Microsoft 365 Business Premium (SPB)");
        assertThat(((Unknown) skuTypo).closestMatches()).startsWith("Office 365 E5 (ENTERPRISEPREMIUM)");
        assertThat(nonsense).isEqualTo(new Unknown(List.of()));
    }

    @Test
    void namesLoseEveryKindOfWhiteSpaceAtTheEndsAndKeepSingleSpacesBetweenWords() {
        assertThat(ProductCatalog.clean("Visio Plan 2")).isEqualTo("Visio Plan 2");
        assertThat(ProductCatalog.clean("\uFEFF Microsoft\u00A0365\t\tE3\u2003")).isEqualTo("Microsoft 365 E3");
        assertThat(ProductCatalog.clean("Power BI  Pro\u2028")).isEqualTo("Power BI Pro");
        assertThat(ProductCatalog.clean(null)).isEmpty();
        assertThat(found("\u00A0spb ")).isEqualTo(found("SPB"));
    }

    /** The quick check for an already clean name agrees with the rule itself on every short mix of tricky characters. */
    @Test
    void cleaningAgreesWithTheWhiteSpaceRuleOnEveryShortMix() {
        char[] alphabet = {'a', ' ', '\t', '\u00A0', '\u2003', '\uFEFF', '\u001C', '\u2028', '\u00E9'};
        int checked = 0;
        for (int length = 0; length <= 4; length++) {
            for (int n = 0; n < Math.pow(alphabet.length, length); n++) {
                StringBuilder value = new StringBuilder();
                for (int d = 0, rest = n; d < length; d++, rest /= alphabet.length) {
                    value.append(alphabet[rest % alphabet.length]);
                }
                String written = value.toString();
                assertThat(ProductCatalog.clean(written)).as("clean(%s)", written.chars().boxed().toList())
                        .isEqualTo(ProductCatalog.SPACES.matcher(written).replaceAll(" ").strip());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(1 + 9 + 81 + 729 + 6561);
    }

    @Test
    void findsAServicePlanOfAProductByNameOrId() {
        Product spb = found("SPB");
        ServicePlan exchange = new ServicePlan("EXCHANGE_S_STANDARD", "9aaf7827-d63c-4b61-89c3-182f06f82e5c",
                "Exchange Online (Plan 1)");

        assertThat(catalog.servicePlan(spb, "exchange_s_standard")).contains(exchange);
        assertThat(catalog.servicePlan(spb, "9AAF7827-D63C-4B61-89C3-182F06F82E5C")).contains(exchange);
        assertThat(catalog.servicePlan(spb, "EXCHANGE_S_ENTERPRISE")).isEmpty();
        assertThat(catalog.servicePlan(found("ENTERPRISEPREMIUM"), "EXCHANGE_S_ENTERPRISE")).isPresent();
    }

    @Test
    void readsMicrosoftsTableWithItsFlaws() {
        String table = "\uFEFFProduct_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,"
                + "Service_Plans_Included_Friendly_Names\r\n"
                + "Teams Faculty,MCOCAP_FACULTY\u00a0,420C7602-7f70-4895-9394-d3d679ea36fb ,TEAMS1,57ff-1,Teams\r\n"
                + "Teams Faculty,MCOCAP_FACULTY,420c7602-7f70-4895-9394-d3d679ea36fb,MCOEV,4828-2,Phone System\r\n"
                + "Teams Faculty,MCOCAP_FACULTY,420c7602-7f70-4895-9394-d3d679ea36fb,TEAMS1,57ff-1,Teams again\r\n"
                + "\"W365 16 vCPU, 64 GB\",\"W365_16_vCPU,_64_GB\",aa-1,\"Virtualization \tRights\",bb-2,\"A \"\"B\"\"\"\r\n"
                + "Calling Small,MCOPSTN5,d431,PSTN_SMALL,9a01,Small\r\n"
                + "Calling 120,MCOPSTN5,54a1,MCOPSTN5,54a1,Domestic\r\n";

        ProductCatalog parsed = ProductCatalog.fromMicrosoftTable(new StringReader(table));

        assertThat(parsed.products()).containsExactly(
                new Product("MCOCAP_FACULTY", "420C7602-7f70-4895-9394-d3d679ea36fb", "Teams Faculty", List.of(
                        new ServicePlan("MCOEV", "4828-2", "Phone System"),
                        new ServicePlan("TEAMS1", "57ff-1", "Teams"))),
                new Product("MCOPSTN5", "54a1", "Calling 120", List.of(new ServicePlan("MCOPSTN5", "54a1",
                        "Domestic"))),
                new Product("MCOPSTN5", "d431", "Calling Small", List.of(new ServicePlan("PSTN_SMALL", "9a01",
                        "Small"))),
                new Product("W365_16_vCPU,_64_GB", "aa-1", "W365 16 vCPU, 64 GB", List.of(
                        new ServicePlan("Virtualization Rights", "bb-2", "A \"B\""))));
        assertThat(parsed.resolve("mcopstn5")).isInstanceOf(Ambiguous.class);
        assertThat(parsed.resolve("D431")).isEqualTo(new Found(parsed.products().get(2)));
        assertThat(roundTrip(parsed)).isEqualTo(parsed);
    }

    /**
     * A trimmed copy of Microsoft's table ships with the tests (every row of 19 products, names with commas and
     * quotes among them), so this runs on a clean clone without {@code ../shared}.
     */
    @Test
    void theWrittenCatalogReadsBackAsMicrosoftsTable() throws IOException {
        ProductCatalog fromTable;
        try (Reader reader = new InputStreamReader(ProductCatalogTest.class.getResourceAsStream(TRIMMED_TABLE),
                StandardCharsets.UTF_8)) {
            fromTable = ProductCatalog.fromMicrosoftTable(reader);
        }

        assertThat(fromTable.products()).hasSize(distinctGuids(TRIMMED_TABLE));
        assertThat(fromTable.products()).extracting(Product::skuPartNumber).contains("SPB", "ENTERPRISEPACK",
                "CRM_AUTO_ROUTING_ADDON");
        assertThat(roundTrip(fromTable)).isEqualTo(fromTable);
    }

    /** Products counted independently of the parser under test: one product per distinct GUID cell. */
    private static int distinctGuids(String resource) throws IOException {
        try (CSVReader reader = new CSVReader(new InputStreamReader(
                ProductCatalogTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return (int) reader.readAll().stream().skip(1).map(row -> row[2].toLowerCase()).distinct().count();
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }

    @Test
    void theShippedFileRoundTripsExactly() throws IOException {
        String shipped;
        try (InputStream in = ProductCatalog.class.getResourceAsStream(ProductCatalog.RESOURCE)) {
            assertThat(in).isNotNull();
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringWriter written = new StringWriter();

        catalog.writeTo(written);

        assertThat(written.toString()).isEqualTo(shipped);
        assertThat(catalog.products()).extracting(Product::skuPartNumber).isSortedAccordingTo(
                Comparator.comparing(Names::key));
    }

    @Test
    void refusesAServicePlanLineBeforeAnyProduct() {
        assertThatThrownBy(() -> ProductCatalog.read(new StringReader("# comment\n,TEAMS1,57ff,Teams\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    private Product found(String name) {
        Resolution resolution = catalog.resolve(name);
        assertThat(resolution).as(name).isInstanceOf(Found.class);
        return ((Found) resolution).product();
    }

    private static ProductCatalog roundTrip(ProductCatalog catalog) {
        StringWriter text = new StringWriter();
        catalog.writeTo(text);
        return ProductCatalog.read(new StringReader(text.toString()));
    }
}
