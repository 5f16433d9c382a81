package com.partnerops.reconcile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableSourceTest {

    private static final Set<String> EXPECTED = Set.of("customer", "userPrincipalName", "displayName");

    @TempDir
    Path dir;

    @Test
    void skipsTitleRowsAboveTheHeaderAndStripsTheUtf8Bom() throws IOException {
        Path file = write("users.csv", "\uFEFFLicense review for Contoso\r\n"
                + "Generated 2024-03-01, by the partner desk\r\n"
                + "\r\n"
                + "Customer,User Principal Name,Display Name\r\n"
                + "contoso.com,ana@contoso.com,Ana Lima\r\n"
                + "contoso.com,bo@contoso.com,  Bo Chen  \r\n", StandardCharsets.UTF_8);

        try (TableSource source = TableSource.open(file, "ignored", EXPECTED)) {
            assertInstanceOf(CsvTableSource.class, source);
            assertNull(source.sheet());
            assertEquals(4, source.headerRow());
            assertEquals(List.of("Customer", "User Principal Name", "Display Name"), source.columns());
            List<SourceRow> rows = readAll(source);
            assertEquals(List.of(5, 6), rowNumbers(rows));
            assertEquals("ana@contoso.com", rows.get(0).get("userPrincipalName"));
            assertEquals("Bo Chen", rows.get(1).get("displayName"));
            assertEquals("  Bo Chen  ", rows.get(1).cells().get("displayname"), "values are kept as written");
            assertEquals(file + " row 5", rows.get(0).where());
        }
    }

    @Test
    void decodesWindows1252WhenTheBytesAreNotUtf8() throws IOException {
        Path file = write("fr.csv", "Prénom;Nom;userPrincipalName\r\nÉlodie;Müller;elodie@contoso.fr\r\n",
                Charset.forName("windows-1252"));

        try (CsvTableSource source = new CsvTableSource(file, EXPECTED)) {
            assertEquals(List.of("Prénom", "Nom", "userPrincipalName"), source.columns());
            SourceRow row = source.next();
            assertEquals("Élodie", row.get("Prénom"));
            assertEquals("Müller", row.get("Nom"));
            assertNull(source.next());
        }
    }

    @Test
    void keepsUtf8WithoutBom() throws IOException {
        Path file = write("utf8.csv", "displayName,userPrincipalName\nJosé Müller,jose@contoso.com\n",
                StandardCharsets.UTF_8);

        try (CsvTableSource source = new CsvTableSource(file, EXPECTED)) {
            assertEquals("José Müller", source.next().get("displayName"));
        }
    }

    @Test
    void findsWindows1252EvenWhenTheFirstAccentIsPastTheFirstMegabyte() throws IOException {
        Path file = dir.resolve("late.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, Charset.forName("windows-1252"))) {
            out.write("userPrincipalName,displayName\r\n");
            for (int i = 0; i < 40_000; i++) {
                out.write("user" + i + "@contoso.com,Plain Ascii Name\r\n");
            }
            out.write("zoe@contoso.com,Zoë Brontë\r\n");
        }
        assertTrue(Files.size(file) > (1 << 20));

        try (CsvTableSource source = new CsvTableSource(file, EXPECTED)) {
            SourceRow last = null;
            for (SourceRow row = source.next(); row != null; row = source.next()) {
                last = row;
            }
            assertEquals("Zoë Brontë", last.get("displayName"));
            assertEquals(40_002, last.rowNumber());
        }
    }

    @Test
    void readsUtf16WithBomAndTabs() throws IOException {
        String text = "userPrincipalName\tdisplayName\r\nana@contoso.com\tAna Ødegård\r\n";
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Path file = write("utf16-" + charset.name() + ".csv", "\uFEFF" + text, charset);

            try (CsvTableSource source = new CsvTableSource(file, EXPECTED)) {
                assertEquals(List.of("userPrincipalName", "displayName"), source.columns(), charset.name());
                SourceRow row = source.next();
                assertEquals("Ana Ødegård", row.get("displayName"), charset.name());
                assertEquals(2, row.rowNumber());
            }
        }
    }

    @Test
    void picksTheMostFrequentDelimiterOfTheHeaderLine() throws IOException {
        Path file = write("semicolons.csv", "Display name;userPrincipalName;Notes, free text\n"
                + "Lima, Ana;ana@contoso.com;owner, billing\n", StandardCharsets.UTF_8);

        try (CsvTableSource source = new CsvTableSource(file, EXPECTED)) {
            assertEquals(List.of("Display name", "userPrincipalName", "Notes, free text"), source.columns());
            SourceRow row = source.next();
            assertEquals("Lima, Ana", row.get("displayName"));
            assertEquals("owner, billing", row.get("Notes, free text"));
        }
    }

    @Test
    void readsQuotedCellsAndNumbersRowsByTheLineWhereTheyStart() throws IOException {
        Path file = write("quoted.csv", "userPrincipalName,displayName,notes\r\n"
                + "ana@contoso.com,\"Lima, Ana\",\"said \"\"hi\"\"\"\r\n"
                + "bo@contoso.com,Bo,\"first line\r\nsecond line\r\nthird\"\r\n"
                + "cy@contoso.com,Cy,plain\r\n", StandardCharsets.UTF_8);

        try (CsvTableSource source = new CsvTableSource(file, EXPECTED)) {
            List<SourceRow> rows = readAll(source);
            assertEquals(List.of(2, 3, 6), rowNumbers(rows));
            assertEquals("Lima, Ana", rows.get(0).get("displayName"));
            assertEquals("said \"hi\"", rows.get(0).get("notes"));
            assertEquals("first line\nsecond line\nthird", rows.get(1).get("notes"));
            assertEquals("cy@contoso.com", rows.get(2).get("userPrincipalName"));
        }
    }

    @Test
    void takesBackslashesLiterallyAndLoneCarriageReturnsAsLineBreaks() throws IOException {
        Path file = write("mac.csv", "userPrincipalName,displayName\rCONTOSO\\ana,C:\\temp\\\rbo@contoso.com,Bo",
                StandardCharsets.UTF_8);

        try (CsvTableSource source = new CsvTableSource(file, EXPECTED)) {
            List<SourceRow> rows = readAll(source);
            assertEquals(List.of(2, 3), rowNumbers(rows));
            assertEquals("CONTOSO\\ana", rows.get(0).get("userPrincipalName"));
            assertEquals("C:\\temp\\", rows.get(0).get("displayName"));
            assertEquals("Bo", rows.get(1).get("displayName"));
        }
    }

    @Test
    void reportsAQuoteThatIsNeverClosedAtTheRowWhereItStarts() throws IOException {
        Path file = write("broken.csv", "userPrincipalName,displayName\n"
                + "ana@contoso.com,Ana\n"
                + "bo@contoso.com,\"Bo\n"
                + "cy@contoso.com,Cy\n", StandardCharsets.UTF_8);

        try (CsvTableSource source = new CsvTableSource(file, EXPECTED)) {
            assertEquals("ana@contoso.com", source.next().get("userPrincipalName"));
            UnusableInputException e = assertThrows(UnusableInputException.class, source::next);
            assertEquals(3, e.row());
            assertEquals("displayName", e.column());
            assertTrue(e.getMessage().startsWith(file + " row 3 column 'displayName': "), e.getMessage());
            assertTrue(e.getMessage().contains("never ends"), e.getMessage());
        }
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        for (String content : List.of("", "\uFEFF", "\r\n  \r\n;;;\r\n")) {
            Path file = write("empty.csv", content, StandardCharsets.UTF_8);

            UnusableInputException e = assertThrows(UnusableInputException.class,
                    () -> new CsvTableSource(file, EXPECTED));
            assertEquals(file + ": the file is empty", e.getMessage(), "content " + content.length());
        }
    }

    @Test
    void rejectsAFileWithoutAHeaderRow() throws IOException {
        Path file = write("numbers.csv", "a,b\n1,2\n3,4\n", StandardCharsets.UTF_8);

        UnusableInputException e = assertThrows(UnusableInputException.class,
                () -> new CsvTableSource(file, EXPECTED));
        assertEquals(0, e.row());
        assertTrue(e.getMessage().startsWith(file + ": no header row found: expected a row with columns such as "),
                e.getMessage());
    }

    @Test
    void looksForTheHeaderOnlyInTheFirstTwentyNonBlankRows() throws IOException {
        String blankLines = "\n".repeat(30);
        Path near = write("near.csv", blankLines + "title\n".repeat(19) + "userPrincipalName\nana@contoso.com\n",
                StandardCharsets.UTF_8);
        Path far = write("far.csv", "title\n".repeat(20) + "userPrincipalName\nana@contoso.com\n",
                StandardCharsets.UTF_8);

        try (CsvTableSource source = new CsvTableSource(near, EXPECTED)) {
            assertEquals(50, source.headerRow());
            assertEquals(51, source.next().rowNumber());
        }
        UnusableInputException e = assertThrows(UnusableInputException.class, () -> new CsvTableSource(far, EXPECTED));
        assertTrue(e.getMessage().contains("no header row found"), e.getMessage());
    }

    @Test
    void acceptsAHeaderWithoutData() throws IOException {
        Path file = write("header.csv", "userPrincipalName,displayName\r\n\r\n", StandardCharsets.UTF_8);

        try (CsvTableSource source = new CsvTableSource(file, EXPECTED)) {
            assertEquals(List.of("userPrincipalName", "displayName"), source.columns());
            assertNull(source.next());
            assertNull(source.next());
        }
    }

    @Test
    void rejectsAColumnThatAppearsTwice() throws IOException {
        Path file = write("twice.csv", "Users\nUser Principal Name;displayName;userPrincipalName\nana;Ana;ana\n",
                StandardCharsets.UTF_8);

        UnusableInputException e = assertThrows(UnusableInputException.class,
                () -> new CsvTableSource(file, EXPECTED));
        assertEquals(file + " row 2 column 'userPrincipalName': column appears twice (columns 1 and 3); "
                + "rename or delete one of them", e.getMessage());
    }

    @Test
    void ignoresCellsWithoutHeaderAndSkipsBlankRows() throws IOException {
        Path file = write("ragged.csv", "userPrincipalName,displayName,,\n"
                + "ana@contoso.com,Ana,junk,more\n"
                + "bo@contoso.com\n"
                + ",,,\n"
                + "\n"
                + ",,orphan,\n"
                + "cy@contoso.com,Cy,,,,,\n", StandardCharsets.UTF_8);

        try (CsvTableSource source = new CsvTableSource(file, EXPECTED)) {
            assertEquals(List.of("userPrincipalName", "displayName"), source.columns());
            List<SourceRow> rows = readAll(source);
            assertEquals(List.of(2, 3, 6, 7), rowNumbers(rows));
            assertEquals(Map.of("userprincipalname", "ana@contoso.com", "displayname", "Ana"), rows.get(0).cells());
            assertFalse(rows.get(1).has("displayName"));
            assertEquals("", rows.get(1).get("displayName"));
            assertEquals("", rows.get(2).get("userPrincipalName"), "a row with data only outside the header is kept");
            assertEquals("Cy", rows.get(3).get("displayName"));
        }
    }

    @Test
    void rejectsWorkbooksGivenAsCsv() throws IOException {
        Path xlsx = dir.resolve("users.csv");
        Files.write(xlsx, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0});
        Path xls = dir.resolve("users.xls");
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1, 0, 0});

        UnusableInputException zip = assertThrows(UnusableInputException.class,
                () -> new CsvTableSource(xlsx, EXPECTED));
        assertTrue(zip.getMessage().startsWith(xlsx + ": this is a zip archive"), zip.getMessage());
        UnusableInputException ole2 = assertThrows(UnusableInputException.class,
                () -> TableSource.open(xls, null, EXPECTED));
        assertEquals(xls + ": this is an Excel 97-2003 .xls workbook, not CSV text; save it as .xlsx or CSV",
                ole2.getMessage());
    }

    @Test
    void streamsALargeFile() throws IOException {
        Path file = dir.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("customer;userPrincipalName;displayName\n");
            for (int i = 1; i <= 50_000; i++) {
                out.write("contoso.com;user" + i + "@contoso.com;\"User " + i + "\"\n");
            }
        }

        try (CsvTableSource source = new CsvTableSource(file, EXPECTED)) {
            int count = 0;
            SourceRow last = null;
            for (SourceRow row = source.next(); row != null; row = source.next()) {
                count++;
                last = row;
            }
            assertEquals(50_000, count);
            assertEquals(50_001, last.rowNumber());
            assertEquals("User 50000", last.get("displayName"));
        }
    }

    /**
     * Thousands of records, far beyond the reader's 8 KiB buffer, so cells, quotes and line breaks fall on its edges:
     * every value and every row number comes back as written, whatever the line breaks and quoting around it.
     */
    @Test
    void readsQuotedCellsAndMixedLineBreaksAcrossTheWholeFile() throws IOException {
        String[] breaks = {"\r\n", "\n", "\r"};
        StringBuilder text = new StringBuilder("customer,userPrincipalName,displayName\r\n");
        List<String> names = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int line = 2;
        for (int i = 0; i < 3000; i++) {
            String name = switch (i % 4) {
                case 0 -> "Ana Lima " + i;
                case 1 -> "Lima, Ana \"the boss\" " + i;
                case 2 -> "Ana" + breaks[i % 3] + "Lima " + i;
                default -> "Zoë Łukasiewicz-" + "x".repeat(i % 97) + i;
            };
            boolean quoted = i % 4 == 1 || i % 4 == 2;
            text.append("contoso.com,user").append(i).append("@contoso.com,")
                    .append(quoted ? '"' + name.replace("\"", "\"\"") + '"' : name).append(breaks[i % 3]);
            names.add(name.replace("\r\n", "\n").replace('\r', '\n'));
            lines.add(line);
            line += i % 4 == 2 ? 2 : 1;
        }
        Path file = write("many.csv", text.toString(), StandardCharsets.UTF_8);

        try (TableSource source = TableSource.open(file, null, EXPECTED)) {
            List<SourceRow> rows = readAll(source);
            assertEquals(names, rows.stream().map(row -> row.get("displayName")).toList());
            assertEquals(lines, rowNumbers(rows));
            assertEquals("user2999@contoso.com", rows.get(2999).get("userPrincipalName"));
        }
    }

    private Path write(String name, String content, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(charset));
        return file;
    }

    private static List<SourceRow> readAll(TableSource source) {
        List<SourceRow> rows = new ArrayList<>();
        for (SourceRow row = source.next(); row != null; row = source.next()) {
            rows.add(row);
        }
        return rows;
    }

    private static List<Integer> rowNumbers(List<SourceRow> rows) {
        return rows.stream().map(SourceRow::rowNumber).toList();
    }
}
