package com.partnerops.reconcile.cli;

import static com.partnerops.reconcile.cli.ReportSheet.number;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seats over time: three imports a few weeks apart, each keeping its dated copy of the seat counts, and the report
 * comparing today with the previous import and with the import of a month ago.
 */
class LicenseHistoryTest {

    private static final String MEGAN = "megan.bowen@contoso.com,Megan Bowen,Megan,Bowen,US,Marketing Manager,"
            + "Marketing,true,";
    private static final String NESTOR = "nestor.wilke@contoso.com,Nestor Wilke,Nestor,Wilke,US,Director,Operations,"
            + "true,";
    private static final String ADELE = "adele.vance@contoso.com,Adele Vance,Adele,Vance,US,Retail Manager,Retail,"
            + "true,";

    @TempDir
    Path work;

    @Test
    void theReportShowsTheChangeSinceThePreviousImportAndSinceAMonthAgo() throws Exception {
        // 20 October: the samples as shipped (SPB: 4 users, Business Basic: 3)
        imported("2026-10-20T09:00:00Z", users -> users);
        // 17 November: Megan got SPB (5)
        imported("2026-11-17T09:00:00Z", users -> users.replace(MEGAN + ",", MEGAN + "SPB,"));
        // today: Adele gave SPB up (4 again), Nestor got Business Basic (4)
        imported("2026-11-24T09:00:00Z", users -> users.replace(MEGAN + ",", MEGAN + "SPB,")
                .replace(ADELE + "SPB,", ADELE + ",").replace(NESTOR + ",", NESTOR + "O365_BUSINESS_ESSENTIALS,"));

        Cli.Result report = new Cli(work, TestStore.HSQLDB, "2026-11-24T12:00:00Z").run("report licenses",
                "--out", work.resolve("out").toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(work.resolve("out/license-report.xlsx")))) {
            ReportSheet skus = ReportSheet.of(workbook.getSheet("SKUs"));
            Map<String, Cell> spb = skus.row("sku", "SPB");
            assertThat(number(spb.get("assigned"))).isEqualTo(4);
            assertThat(number(spb.get("assignedSincePreviousImport"))).isEqualTo(-1);
            assertThat(ReportSheet.shown(spb.get("assignedSincePreviousImport"))).isEqualTo("-1");
            assertThat(number(spb.get("assignedSince30DaysAgo"))).isZero();
            assertThat(number(spb.get("purchasedSincePreviousImport"))).isZero();
            Map<String, Cell> basic = skus.row("sku", "O365_BUSINESS_ESSENTIALS");
            assertThat(number(basic.get("assignedSincePreviousImport"))).isEqualTo(1);
            assertThat(ReportSheet.shown(basic.get("assignedSince30DaysAgo"))).isEqualTo("+1");

            Map<String, Cell> contoso = ReportSheet.of(workbook.getSheet("Customers")).row("customer", "Contoso Ltd");
            assertThat(number(contoso.get("assigned"))).isEqualTo(10);
            assertThat(number(contoso.get("assignedSincePreviousImport"))).isZero();
            assertThat(number(contoso.get("assignedSince30DaysAgo"))).isEqualTo(1);
        }
        // the trend has a point per import: three coordinate pairs in each of Contoso's two lines
        String html = Files.readString(work.resolve("out/license-report.html"));
        String contosoChart = html.substring(html.lastIndexOf("<svg", html.indexOf("<figcaption>Contoso Ltd")),
                html.indexOf("<figcaption>Contoso Ltd"));
        assertThat(contosoChart).containsPattern("points=\"[\\d.]+,[\\d.]+ [\\d.]+,[\\d.]+ [\\d.]+,[\\d.]+\"")
                .contains(">2026-10-20<", ">2026-11-24<");
    }

    @Test
    void aCustomerImportedOnceHasNoEarlierFigures() throws Exception {
        imported("2026-11-24T09:00:00Z", users -> users);

        new Cli(work).run("report licenses", "--out", work.resolve("out").toString());

        assertThat(SampleRunTest.csv(work.resolve("out/license-report.csv"))).hasSize(11);
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(work.resolve("out/license-report.xlsx")))) {
            Map<String, Cell> spb = ReportSheet.of(workbook.getSheet("SKUs")).row("sku", "SPB");
            assertThat(spb.get("assignedSincePreviousImport")).as("no previous import: empty, not 0").isNull();
            assertThat(spb.get("assignedSince30DaysAgo")).isNull();
        }
    }

    /** Imports the sample snapshot with its users.csv edited, at that time. */
    private void imported(String now, UnaryOperator<String> users) throws Exception {
        Path state = Files.createDirectories(work.resolve("state-" + now.substring(0, 10)));
        try (var files = Files.list(Cli.sample("state"))) {
            for (Path file : files.toList()) {
                Files.copy(file, state.resolve(file.getFileName()));
            }
        }
        Path usersCsv = state.resolve("users.csv");
        String original = Files.readString(usersCsv, StandardCharsets.UTF_8);
        String edited = users.apply(original);
        Files.writeString(usersCsv, edited, StandardCharsets.UTF_8);
        Cli.Result imported = new Cli(work, TestStore.HSQLDB, now).run("import-state", state.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }
}
