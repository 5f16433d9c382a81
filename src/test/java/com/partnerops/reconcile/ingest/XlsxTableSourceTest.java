package com.partnerops.reconcile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTableSourceTest {

    private static final Set<String> EXPECTED = Set.of("customer", "userPrincipalName", "displayName");

    @TempDir
    Path dir;

    @Test
    void readsCellsAsExcelDisplaysThem() throws IOException {
        Path file = reviewWorkbook();

        try (TableSource source = TableSource.open(file, null, EXPECTED)) {
            assertInstanceOf(XlsxTableSource.class, source);
            assertEquals("Users", source.sheet());
            assertEquals(3, source.headerRow());
            assertEquals(List.of("Customer", "User Principal Name", "Display Name", "Seats", "Start date", "Total",
                    "Label"), source.columns());
            List<SourceRow> rows = readAll(source);
            assertEquals(List.of(4, 7, 8), rows.stream().map(SourceRow::rowNumber).toList());

            SourceRow ana = rows.get(0);
            assertEquals("ana@contoso.com", ana.get("userPrincipalName"));
            assertEquals("Ana Lima", ana.get("displayName"));
            assertEquals("5", ana.get("Seats"));
            assertEquals("2024-03-01", ana.get("Start date"));
            assertEquals("10", ana.get("Total"), "a formula reads as its cached result");
            assertEquals("Ana Lima (contoso.com)", ana.get("Label"));
            assertEquals(file + " sheet Users row 4", ana.where());

            SourceRow sparse = rows.get(1);
            assertFalse(sparse.has("displayName"), "a missing cell stays missing");
            assertEquals("1234.5", sparse.get("Seats"), "cells after a gap keep their column");
            assertEquals("2469", sparse.get("Total"));
            assertFalse(sparse.has("Start date"));

            assertEquals("hidden@contoso.com", rows.get(2).get("userPrincipalName"), "hidden rows are read");
        }
    }

    @Test
    void selectsASheetByNameIgnoringCase() throws IOException {
        Path file = reviewWorkbook();

        try (XlsxTableSource source = new XlsxTableSource(file, "licenses", EXPECTED)) {
            assertEquals("Licenses", source.sheet());
            assertEquals(1, source.headerRow());
            SourceRow row = source.next();
            assertEquals(2, row.rowNumber());
            assertEquals("Licenses", row.sheet());
            assertEquals("O365_BUSINESS_PREMIUM", row.get("license"));
            assertNull(source.next());
        }
    }

    @Test
    void namesTheSheetsWhenTheRequestedOneIsMissing() throws IOException {
        Path file = reviewWorkbook();

        UnusableInputException e = assertThrows(UnusableInputException.class,
                () -> new XlsxTableSource(file, "Seats", EXPECTED));
        assertEquals("Seats", e.sheet());
        assertEquals(file + " sheet Seats: no sheet named Seats; the workbook has [Users, Licenses]", e.getMessage());
    }

    @Test
    void rejectsAColumnThatAppearsTwice() throws IOException {
        Path file = workbook("twice.xlsx", List.of(
                List.of("Users"),
                List.of("userPrincipalName", "Display name", "User principal name")));

        UnusableInputException e = assertThrows(UnusableInputException.class,
                () -> new XlsxTableSource(file, null, EXPECTED));
        assertEquals(file + " sheet Sheet1 row 2 column 'User principal name': column appears twice "
                + "(columns A and C); rename or delete one of them", e.getMessage());
    }

    @Test
    void rejectsASheetWithoutAHeaderRowOrWithoutRows() throws IOException {
        Path noHeader = workbook("numbers.xlsx", List.of(List.of("a", "b"), List.of("1", "2")));
        Path empty = workbook("empty-sheet.xlsx", List.of());

        UnusableInputException e = assertThrows(UnusableInputException.class,
                () -> new XlsxTableSource(noHeader, null, EXPECTED));
        assertTrue(e.getMessage().startsWith(noHeader + " sheet Sheet1: no header row found: expected a row with "
                + "columns such as "), e.getMessage());
        e = assertThrows(UnusableInputException.class, () -> new XlsxTableSource(empty, null, EXPECTED));
        assertEquals(empty + " sheet Sheet1: the sheet is empty", e.getMessage());
    }

    @Test
    void acceptsAHeaderWithoutData() throws IOException {
        Path file = workbook("header.xlsx", List.of(List.of("userPrincipalName", "", "displayName")));

        try (XlsxTableSource source = new XlsxTableSource(file, null, EXPECTED)) {
            assertEquals(List.of("userPrincipalName", "displayName"), source.columns());
            assertNull(source.next());
            assertNull(source.next());
        }
    }

    @Test
    void explainsFilesThatAreNotXlsxWorkbooks() throws IOException {
        Path empty = dir.resolve("empty.xlsx");
        Files.write(empty, new byte[0]);
        Path text = dir.resolve("text.xlsx");
        Files.writeString(text, "userPrincipalName,displayName\nana@contoso.com,Ana\n");
        Path xls = dir.resolve("old.xlsx");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            workbook.createSheet("Users").createRow(0).createCell(0).setCellValue("userPrincipalName");
            workbook.write(out);
        }
        Path truncated = dir.resolve("truncated.xlsx");
        byte[] whole = Files.readAllBytes(reviewWorkbook());
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));

        assertEquals(empty + ": the file is empty", messageOpening(empty));
        assertEquals(text + ": this is not an .xlsx workbook (it is not a zip archive); if it is CSV text, "
                + "name it .csv", messageOpening(text));
        assertEquals(xls + ": this is an Excel 97-2003 .xls workbook; save it as .xlsx or CSV", messageOpening(xls));
        assertTrue(messageOpening(truncated).startsWith(truncated + ": not a readable .xlsx workbook (damaged, "));
    }

    @Test
    void explainsAPasswordProtectedWorkbook() throws Exception {
        Path file = dir.resolve("protected.xlsx");
        try (POIFSFileSystem container = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = encryptor.getDataStream(container)) {
                workbook.createSheet("Users").createRow(0).createCell(0).setCellValue("userPrincipalName");
                workbook.write(out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                container.writeFilesystem(out);
            }
        }

        assertEquals(file + ": the workbook is password-protected; remove the password or save it as CSV",
                messageOpening(file));
    }

    @Test
    void placesCellsWithoutReferenceAfterThePreviousCell() throws IOException {
        Path file = workbookWithSheetXml("""
                <row r="1"><c r="A1" t="inlineStr"><is><t>userPrincipalName</t></is></c>\
                <c r="B1" t="inlineStr"><is><t>displayName</t></is></c></row>\
                <row><c t="inlineStr"><is><t>ana@contoso.com</t></is></c><c t="inlineStr"><is><t>Ana</t></is></c></row>\
                """);

        try (XlsxTableSource source = new XlsxTableSource(file, null, EXPECTED)) {
            SourceRow row = source.next();
            assertEquals(2, row.rowNumber());
            assertEquals("ana@contoso.com", row.get("userPrincipalName"));
            assertEquals("Ana", row.get("displayName"));
        }
    }

    @Test
    void reportsADamagedSheetAfterTheRowsBeforeTheDamage() throws IOException {
        Path file = workbookWithSheetXml("""
                <row r="1"><c r="A1" t="inlineStr"><is><t>userPrincipalName</t></is></c></row>\
                <row r="2"><c r="A2" t="inlineStr"><is><t>ana@contoso.com</t></is></c></row>\
                <row r="3"><c r="A3" t="inlineStr"><is><t>bo@cont</t></row>\
                """);

        try (XlsxTableSource source = new XlsxTableSource(file, null, EXPECTED)) {
            assertEquals("ana@contoso.com", source.next().get("userPrincipalName"));
            UnusableInputException e = assertThrows(UnusableInputException.class, source::next);
            assertTrue(e.getMessage().startsWith(file + " sheet Sheet1: the workbook is damaged; "), e.getMessage());
        }
    }

    @Test
    void streamsALargeSheet() throws IOException {
        Path file = largeWorkbook(50_000);

        try (XlsxTableSource source = new XlsxTableSource(file, null, EXPECTED)) {
            int count = 0;
            SourceRow last = null;
            for (SourceRow row = source.next(); row != null; row = source.next()) {
                count++;
                last = row;
            }
            assertEquals(50_000, count);
            assertEquals(50_001, last.rowNumber());
            assertEquals("user50000@contoso.com", last.get("userPrincipalName"));
            assertEquals("50000", last.get("seats"));
        }
    }

    @Test
    void closeStopsTheParserWhileRowsAreStillUnread() throws IOException {
        Path file = largeWorkbook(5_000);

        XlsxTableSource source = new XlsxTableSource(file, null, EXPECTED);
        assertEquals(2, source.next().rowNumber());
        assertTrue(parserThreadsAlive() > 0, "the parser waits for the reader to take more rows");
        source.close();
        source.close();
        assertEquals(0, parserThreadsAlive());
        assertThrows(IllegalStateException.class, source::next);
    }

    /**
     * Users: a merged title row 1, blank row 2, header row 3, a full row 4, a row 5 with only a formatted blank
     * cell, nothing on row 6, a sparse row 7 and a hidden row 8. Licenses: header row 1, data row 2.
     */
    private Path reviewWorkbook() throws IOException {
        Path file = dir.resolve("review.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet users = workbook.createSheet("Users");
            users.createRow(0).createCell(0).setCellValue("Contoso license review");
            users.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            fill(users.createRow(2), "Customer", "User Principal Name", "Display Name", "Seats", "Start date", "Total",
                    "Label");

            Row ana = users.createRow(3);
            fill(ana, "contoso.com", "ana@contoso.com", "Ana Lima");
            ana.createCell(3).setCellValue(5);
            ana.createCell(4).setCellValue(LocalDate.of(2024, 3, 1));
            ana.getCell(4).setCellStyle(date);
            ana.createCell(5).setCellFormula("D4*2");
            ana.createCell(6).setCellFormula("C4&\" (\"&A4&\")\"");

            users.createRow(4).createCell(2).setCellStyle(date);

            Row sparse = users.createRow(6);
            fill(sparse, "contoso.com", "bo@contoso.com");
            sparse.createCell(3).setCellValue(1234.5);
            sparse.createCell(5).setCellFormula("D7*2");

            Row hidden = users.createRow(7);
            fill(hidden, "contoso.com", "hidden@contoso.com", "Hidden Row");
            hidden.setZeroHeight(true);

            Sheet licenses = workbook.createSheet("Licenses");
            fill(licenses.createRow(0), "userPrincipalName", "license");
            fill(licenses.createRow(1), "ana@contoso.com", "O365_BUSINESS_PREMIUM");

            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
        }
        return file;
    }

    private Path workbook(String name, List<List<String>> rows) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Sheet1");
            for (int i = 0; i < rows.size(); i++) {
                fill(sheet.createRow(i), rows.get(i).toArray(String[]::new));
            }
            workbook.write(out);
        }
        return file;
    }

    private Path largeWorkbook(int dataRows) throws IOException {
        Path file = dir.resolve("large.xlsx");
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try (OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Users");
            fill(sheet.createRow(0), "customer", "userPrincipalName", "seats");
            for (int i = 1; i <= dataRows; i++) {
                Row row = sheet.createRow(i);
                fill(row, "contoso.com", "user" + i + "@contoso.com");
                row.createCell(2).setCellValue(i);
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
        return file;
    }

    /** A one-sheet workbook whose sheet data is exactly the given XML, for shapes POI would never write. */
    private Path workbookWithSheetXml(String sheetData) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (Workbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Sheet1");
            workbook.write(plain);
        }
        Path file = dir.resolve("crafted.xlsx");
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(plain.toByteArray()));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            + "<sheetData>" + sheetData + "</sheetData></worksheet>")
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return file;
    }

    private static void fill(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private static String messageOpening(Path file) {
        return assertThrows(UnusableInputException.class, () -> new XlsxTableSource(file, null, EXPECTED))
                .getMessage();
    }

    private static long parserThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("xlsx-reader") && thread.isAlive())
                .count();
    }

    private static List<SourceRow> readAll(TableSource source) {
        List<SourceRow> rows = new ArrayList<>();
        for (SourceRow row = source.next(); row != null; row = source.next()) {
            rows.add(row);
        }
        return rows;
    }
}
