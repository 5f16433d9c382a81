package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample price list as French Excel saves it ("CSV (séparateur : point-virgule)": semicolons, Windows-1252,
 * decimal commas, the euro sign) costs the seats exactly like the shipped one.
 */
class LicenseReportFrenchPricesTest {

    @TempDir
    Path work;

    @Test
    void aFrenchExcelPriceListCostsTheSeatsLikeItsUtf8Twin() throws Exception {
        List<String> lines = Files.readAllLines(Cli.sample("prices.csv"));
        StringBuilder french = new StringBuilder();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            // Excel's French locale: 20,60 for 20.60, € for EUR; product names with accents
            cells[1] = cells[1].replace("Office 365 A1 for faculty", "Office 365 A1 pour enseignants");
            cells[2] = cells[2].replace('.', ',');
            cells[3] = cells[3].replace("EUR", "€");
            french.append(String.join(";", cells)).append("\r\n");
        }
        Path frenchFile = work.resolve("tarifs.csv");
        Files.write(frenchFile, french.toString().getBytes(Charset.forName("windows-1252")));
        assertThat(Files.readAllBytes(frenchFile)).as("really Windows-1252: € is one byte").contains((byte) 0x80);

        Cli cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
        Cli.Result fromSample = cli.run("report licenses", "--out", work.resolve("sample").toString(), "--prices",
                Cli.sample("prices.csv").toString());
        Cli.Result fromFrench = cli.run("report licenses", "--out", work.resolve("french").toString(), "--prices",
                frenchFile.toString());

        assertThat(fromFrench.exitCode()).as(fromFrench.err()).isZero();
        assertThat(fromFrench.out()).contains("unused seats cost a month: 85.10 EUR");
        List<Map<String, String>> rows = SampleRunTest.csv(work.resolve("french/license-report.csv"));
        assertThat(rows).isEqualTo(SampleRunTest.csv(work.resolve("sample/license-report.csv")));
        assertThat(rows).filteredOn(r -> r.get("sku").equals("SPB")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("pricePerSeatMonth", "20.60").containsEntry("currency",
                        "EUR").containsEntry("monthlyCost", "103.00").containsEntry("monthlyUnusedCost", "20.60"));
        assertThat(fromSample.exitCode()).isZero();
    }

    @Test
    void anUnusablePriceIsNamedWithFileRowAndColumnAndNoReportIsWritten() throws Exception {
        Path prices = work.resolve("tarifs.csv");
        Files.write(prices, ("sku;pricePerSeatMonth;currency\r\nSPB;vingt;EUR\r\nENTERPRISEPACK;21,60;USD\r\n")
                .getBytes(Charset.forName("windows-1252")));
        Cli cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();

        Cli.Result report = cli.run("report licenses", "--out", work.resolve("out").toString(), "--prices",
                prices.toString());

        assertThat(report.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(report.err()).contains(prices + " row 2 column 'pricePerSeatMonth': 'vingt' is not a price")
                .contains(prices + " row 3 column 'currency': USD in a price list in EUR")
                .contains("No report was written.");
        assertThat(work.resolve("out")).doesNotExist();
    }
}
