package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer or product name written to run in a spreadsheet or a browser stays text in every file of the license
 * report: a leading apostrophe in the CSV, a string cell in the workbook (no cell is a formula), escaped in the page.
 */
class LicenseReportInertCellsTest {

    private static final String CUSTOMER = "=HYPERLINK(\"http://evil.example\",\"Contoso\")";
    private static final String PRODUCT = "@SUM(A1:A9)<img src=x onerror=alert(1)>";

    @TempDir
    Path work;

    @Test
    void namesThatLookLikeFormulasOrMarkupStayInert() throws Exception {
        Path state = Files.createDirectories(work.resolve("state"));
        try (var files = Files.list(Cli.sample("state"))) {
            for (Path file : files.toList()) {
                Files.copy(file, state.resolve(file.getFileName()));
            }
        }
        edit(state.resolve("customers.csv"), "Contoso Ltd", "\"" + CUSTOMER.replace("\"", "\"\"") + "\"");
        edit(state.resolve("subscriptions.csv"), "Microsoft 365 Business Basic", PRODUCT);
        Cli cli = new Cli(work);
        Cli.Result imported = cli.run("import-state", state.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        Cli.Result report = cli.run("report licenses", "--out", work.resolve("out").toString(), "--prices",
                Cli.sample("prices.csv").toString());
        assertThat(report.exitCode()).as(report.err()).isZero();

        Map<String, String> basic = SampleRunTest.csv(work.resolve("out/license-report.csv")).stream()
                .filter(r -> r.get("sku").equals("O365_BUSINESS_ESSENTIALS")).findFirst().orElseThrow();
        assertThat(basic.get("customer")).isEqualTo("'" + CUSTOMER);
        assertThat(basic.get("productName")).isEqualTo("'" + PRODUCT);

        Path xlsx = work.resolve("out/license-report.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            int strings = 0;
            for (var sheet : workbook) {
                for (var row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + " " + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING
                                && List.of(CUSTOMER, PRODUCT).contains(cell.getStringCellValue())) {
                            strings++;
                        }
                    }
                }
            }
            // SKUs sheet: Contoso's five rows name it, Business Basic names the product; Customers and Actions too
            assertThat(strings).isGreaterThanOrEqualTo(7);
        }
        assertThat(sheetXml(xlsx)).doesNotContain("<f>", "<f ");

        String html = Files.readString(work.resolve("out/license-report.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<img", "onerror=alert(1)>").contains("&lt;img src=x onerror=alert(1)&gt;",
                "=HYPERLINK(&quot;http://evil.example&quot;,&quot;Contoso&quot;)");
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Every worksheet's XML as stored in the file, where a formula would be an {@code <f>} element. */
    private static String sheetXml(Path xlsx) throws Exception {
        StringBuilder xml = new StringBuilder();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().startsWith("xl/worksheets/")) {
                    xml.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(xml).isNotEmpty();
        return xml.toString();
    }
}
