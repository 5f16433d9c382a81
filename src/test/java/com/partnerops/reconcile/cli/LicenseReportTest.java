package com.partnerops.reconcile.cli;

import static com.partnerops.reconcile.cli.ReportSheet.number;
import static com.partnerops.reconcile.cli.ReportSheet.shown;
import static com.partnerops.reconcile.cli.ReportSheet.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's license report on the samples (imported, planned), with the sample price list: every figure as the
 * partner reads it in the workbook, the CSV scripts read and the page; on each database a store can live in.
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class LicenseReportTest {

    private static final String CSV_HEADER = "tenantId,customer,sku,productName,kind,program,status,purchased,"
            + "assigned,assignedByGroup,free,termEnd,autoRenew,reducibleSeats,reducibleUntil,pricePerSeatMonth,"
            + "currency,monthlyCost,monthlyUnusedCost,action";

    @Parameter
    TestStore store;
    @TempDir
    Path work;
    Cli cli;

    @BeforeEach
    void importAndPlanTheSamples() {
        cli = new Cli(work, store);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
        Cli.Result plan = cli.run("plan", Cli.sample("desired-users.csv").toString(),
                Cli.sample("desired-lycee.xlsx").toString());
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCodes.SOME_REJECTED);
    }

    private Cli.Result report(String... options) {
        return cli.run("report licenses", concat(new String[] {"--out", work.resolve("out").toString()}, options));
    }

    @Test
    void everySkuOfTheSamplesIsFiguredCellByCellInTheWorkbook() throws Exception {
        Cli.Result report = report("--prices", Cli.sample("prices.csv").toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("license report: " + work.resolve("out"),
                "customers: 3, SKUs: 11, actions: 6, unused seats cost a month: 85.10 EUR");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(work.resolve("out/license-report.xlsx")))) {
            ReportSheet skus = ReportSheet.of(workbook.getSheet("SKUs"));
            assertThat(skus.rows()).hasSize(11);
            // Business Basic: bought four days ago, 3 of 10 used: 7 seats can still go back, until the window closes
            Map<String, Cell> basic = skus.row("sku", "O365_BUSINESS_ESSENTIALS");
            assertThat(text(basic.get("customer"))).isEqualTo("Contoso Ltd");
            assertThat(text(basic.get("program"))).isEqualTo("NCE");
            assertThat(number(basic.get("purchased"))).isEqualTo(10);
            assertThat(number(basic.get("assigned"))).isEqualTo(3);
            assertThat(number(basic.get("free"))).isEqualTo(7);
            assertThat(number(basic.get("reducibleSeats"))).isEqualTo(7);
            assertThat(date(basic.get("reducibleUntil"))).isEqualTo(LocalDate.parse("2026-11-27"));
            assertThat(shown(basic.get("reducibleUntil"))).isEqualTo("2026-11-27");
            assertThat(shown(basic.get("pricePerSeatMonth"))).isEqualTo("5.60 EUR");
            assertThat(number(basic.get("monthlyCost"))).isEqualTo(56.0);
            assertThat(shown(basic.get("monthlyUnusedCost"))).isEqualTo("39.20 EUR");
            assertThat(text(basic.get("action"))).isEqualTo("reduce 7 seats before 2026-11-27");
            assertThat(basic.get("assignedByGroup")).as("unknown: empty, not 0").isNull();
            assertThat(basic.get("autoRenew")).as("unknown: empty").isNull();
            // SPB: the portal shows "Unavailable"; four users hold it. Its window is long closed, renewal far off.
            Map<String, Cell> spb = skus.row("sku", "SPB");
            assertThat(number(spb.get("assigned"))).isEqualTo(4);
            assertThat(number(spb.get("free"))).isEqualTo(1);
            assertThat(date(spb.get("reducibleUntil"))).isEqualTo(LocalDate.parse("2027-01-31"));
            assertThat(text(spb.get("action"))).isEqualTo("nothing");
            // Exchange in grace period with a user, and its unused seat renews in six days
            assertThat(text(skus.row("sku", "EXCHANGESTANDARD").get("status"))).isEqualTo("warning");
            assertThat(text(skus.row("sku", "EXCHANGESTANDARD").get("action")))
                    .isEqualTo("renew; reduce 1 seat before 2026-11-30");
            // suspended with Lee Gu on it: no usable seat, so renew (not buy)
            Map<String, Cell> standard = skus.row("sku", "O365_BUSINESS_PREMIUM");
            assertThat(number(standard.get("purchased"))).isZero();
            assertThat(number(standard.get("assigned"))).isEqualTo(1);
            assertThat(text(standard.get("action"))).isEqualTo("renew");
            // the plan found two A3 seats missing (and a SaaS seat, below)
            assertThat(text(skus.row("sku", "M365EDU_A3_FACULTY").get("action"))).isEqualTo("buy 2 seats");
            // an add-on's quantity is no seat for users: its seat columns are empty, its cost counts
            Map<String, Cell> storage = skus.row("sku", "SHAREPOINTSTORAGE");
            assertThat(text(storage.get("kind"))).isEqualTo("ADDON");
            assertThat(storage.get("assigned")).isNull();
            assertThat(storage.get("free")).isNull();
            assertThat(number(storage.get("monthlyCost"))).isEqualTo(20.0);
            assertThat(storage.get("monthlyUnusedCost")).isNull();
            // no price for the software purchase: its money columns are empty
            assertThat(skus.row("sku", "SQL_SVR_STD_2022").get("monthlyCost")).isNull();

            ReportSheet customers = ReportSheet.of(workbook.getSheet("Customers"));
            assertThat(customers.rows()).extracting(r -> text(r.get("customer")))
                    .containsExactly("Contoso Ltd", "Fabrikam Inc", "Lycée Victor Hugo");
            Map<String, Cell> contoso = customers.rows().get(0);
            assertThat(shown(contoso.get("monthlyUnusedCost"))).isEqualTo("63.50 EUR");
            assertThat(number(contoso.get("purchased"))).isEqualTo(17);
            assertThat(number(contoso.get("assigned"))).isEqualTo(9);
            assertThat(number(contoso.get("actions"))).isEqualTo(4);

            ReportSheet actions = ReportSheet.of(workbook.getSheet("Actions"));
            assertThat(actions.rows()).extracting(r -> text(r.get("sku")) + ": " + text(r.get("action")))
                    .containsExactly("O365_BUSINESS_ESSENTIALS: reduce 7 seats before 2026-11-27",
                            "ACROBAT_PRO_TEAMS: buy 1 seat", "O365_BUSINESS_PREMIUM: renew", "M365EDU_A3_FACULTY: buy 2 seats",
                            "EXCHANGESTANDARD: renew", "EXCHANGESTANDARD: reduce 1 seat before 2026-11-30");
            assertThat(shown(actions.rows().get(0).get("monthlyAtStake"))).isEqualTo("39.20 EUR");

            for (String name : List.of("Customers", "SKUs", "Actions")) {
                XSSFSheet sheet = workbook.getSheet(name);
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
                assertThat(sheet.getTables()).as(name).hasSize(1);
                XSSFTable table = sheet.getTables().get(0);
                assertThat(table.getName()).isEqualTo(name);
                assertThat(table.getStartCellReference().formatAsString()).isEqualTo("A1");
                assertThat(table.getEndCellReference().getRow()).isEqualTo(Math.max(1, sheet.getLastRowNum()));
                ReportSheet read = ReportSheet.of(sheet);
                for (int i = 0; i < read.header().size(); i++) {
                    assertThat(table.getColumns().get(i).getName()).isEqualTo(read.header().get(i));
                }
            }
        }
        List<String> csv = Files.readAllLines(work.resolve("out/license-report.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo("\uFEFF" + CSV_HEADER);
        assertThat(csv).contains("0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e,Contoso Ltd,O365_BUSINESS_ESSENTIALS,"
                + "Microsoft 365 Business Basic,LICENSE,NCE,active,10,3,,7,2027-11-19,,7,2026-11-27,5.60,EUR,56.00,"
                + "39.20,reduce 7 seats before 2026-11-27");
    }

    @Test
    void thePageShowsTheBiggestActionFirstAndAChartPerCustomer() throws Exception {
        report("--prices", Cli.sample("prices.csv").toString());

        String html = Files.readString(work.resolve("out/license-report.html"));
        assertThat(html).contains("<title>License report 2026-11-24</title>");
        assertThat(html.indexOf("reduce 7 seats before 2026-11-27")).isPositive()
                .isLessThan(html.indexOf("buy 2 seats"));
        assertThat(html.split("<svg ", -1)).hasSize(4);
        assertThat(html).doesNotContain("<script", "src=\"http", "href=\"http");
    }

    @Test
    void withoutAPriceListTheReportShowsSeatCountsAndSaysHowToAddPrices() throws Exception {
        Cli.Result report = report();

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).doesNotContain("cost");
        String html = Files.readString(work.resolve("out/license-report.html"));
        assertThat(html).contains("add a price list with --prices FILE");
        List<Map<String, String>> rows = SampleRunTest.csv(work.resolve("out/license-report.csv"));
        assertThat(rows).hasSize(11).allSatisfy(row -> assertThat(row.get("monthlyCost")).isEmpty());
    }

    @Test
    void oneCustomerOnlyAndAnUnknownOneIsRefused() throws Exception {
        Cli.Result one = report("--customer", "Fabrikam Inc");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(SampleRunTest.csv(work.resolve("out/license-report.csv"))).extracting(r -> r.get("sku"))
                .containsExactly("ACROBAT_PRO_TEAMS", "ENTERPRISEPACK");

        Cli.Result unknown = report("--customer", "Northwind");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(unknown.err()).contains("error: --customer Northwind: matches no customer in the store",
                "No report was written.");
    }

    private static LocalDate date(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
        return cell.getLocalDateTimeCellValue().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
