package com.partnerops.reconcile.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerops.reconcile.domain.PriceList;
import com.partnerops.reconcile.domain.SeatPrice;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Price lists as partners keep them: French Excel CSV, .xlsx with number cells, and what cannot be used. */
class PriceListFormatTest {

    @TempDir
    Path dir;

    @Test
    void aFrenchExcelCsvWithDecimalCommasGroupingSpacesAndTheEuroSign() throws Exception {
        Path file = dir.resolve("tarifs.csv");
        Files.write(file, ("Tarifs CSP novembre;;;\r\nsku;productName;pricePerSeatMonth;currency\r\n"
                + "SPB;Microsoft 365 Business Premium;20,60;EUR\r\n"
                + ";Microsoft 365 A3 pour enseignants (Éducation);3,25 €;€\r\n"
                + "ENTERPRISEPACK;;1\u00A0234,50;eur\r\n").getBytes(Charset.forName("windows-1252")));

        PriceList prices = PriceListFormat.read(file);

        assertThat(prices.currency()).isEqualTo("EUR");
        assertThat(prices.priceOf("spb", null)).contains(new SeatPrice(new BigDecimal("20.60"), "EUR"));
        assertThat(prices.priceOf("M365EDU_A3_FACULTY", "Microsoft 365 A3 pour enseignants (Éducation)"))
                .contains(new SeatPrice(new BigDecimal("3.25"), "EUR"));
        assertThat(prices.priceOf("ENTERPRISEPACK", "Office 365 E3").orElseThrow().perSeatMonth())
                .isEqualByComparingTo("1234.50");
        assertThat(prices.priceOf("EXCHANGESTANDARD", "Exchange Online (Plan 1)")).isEmpty();
    }

    @Test
    void aWorkbookWithNumberCells() throws Exception {
        Path file = dir.resolve("prices.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet("Prices");
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("SKU part number");
            header.createCell(1).setCellValue("price per seat month");
            header.createCell(2).setCellValue("Currency");
            XSSFRow spb = sheet.createRow(1);
            spb.createCell(0).setCellValue("SPB");
            spb.createCell(1).setCellValue(20.6);
            spb.createCell(2).setCellValue("USD");
            workbook.write(out);
        }

        PriceList prices = PriceListFormat.read(file);

        assertThat(prices.priceOf("SPB", null).orElseThrow().perSeatMonth()).isEqualByComparingTo("20.60");
        assertThat(prices.currency()).isEqualTo("USD");
    }

    @Test
    void everyUnusableCellIsNamedWithFileRowAndColumn() throws Exception {
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, "sku,productName,pricePerSeatMonth,currency\nSPB,,douze,EUR\n,,3.00,EUR\n"
                + "ENTERPRISEPACK,,21.60,XYZ\nSPB,,20.60,EUR\nSPB,,19.00,EUR\n");

        assertThatThrownBy(() -> PriceListFormat.read(file)).isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("4 problems in the input:")
                .hasMessageContaining(file + " row 2 column 'pricePerSeatMonth': 'douze' is not a price")
                .hasMessageContaining(file + " row 3 column 'sku': the row names no SKU part number and no product")
                .hasMessageContaining(file + " row 4 column 'currency': 'XYZ' is not a currency")
                .hasMessageContaining(file + " row 6 column 'pricePerSeatMonth': 'SPB' is priced twice,"
                        + " differently (rows 5 and 6)");
    }

    @Test
    void aMissingFileOrColumnIsSaid() throws Exception {
        assertThatThrownBy(() -> PriceListFormat.read(dir.resolve("none.csv")))
                .hasMessage(dir.resolve("none.csv") + ": no such file");
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, "sku,price,currency\nSPB,20.60,EUR\n");
        assertThatThrownBy(() -> PriceListFormat.read(file))
                .hasMessageContaining("column 'pricePerSeatMonth': required column is missing");
    }
}
