package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.malformed.CorpusFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-input corpus ({@code src/test/resources/malformed/}): every file an admin may plausibly hand to
 * {@code plan}, and broken snapshots for {@code import-state}, each with the exact outcome the product gives today:
 * exit code, the whole of stderr, and for plans that run, every row of plan.csv.
 *
 * <p>Each case's comment says why the outcome is the right one for an admin.
 *
 * <p>One store for the whole class: the sample snapshot is imported once; no case changes it (the snapshot cases
 * check that they do not).
 */
class MalformedInputTest {

    private static final String NOTHING_DONE = "Nothing was planned or applied.";
    private static final String STORE_UNCHANGED = "The store is unchanged.";
    private static final String CONTOSO = "Contoso Ltd";
    private static final String LYCEE = "Lycée Victor Hugo";
    private static final String ADELE = "adele.vance@contoso.com";
    private static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String ALL_COLUMNS = "[customer, userPrincipalName, displayName, givenName, surname, jobTitle,"
            + " department, usageLocation, roles, licenses, disabledPlans]";

    @TempDir
    static Path work;
    static Cli cli;

    @BeforeAll
    static void importSampleSnapshotOnceAndCreateTheWorkbooks() {
        CorpusFiles.ensureWorkbooks(CorpusFiles.DIR);
        cli = new Cli(work);
        Cli.Result imported = cli.run("import-state", Cli.sample("state").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    /**
     * One corpus input and what it gives.
     *
     * @param args the command line after the command
     * @param err every line of stderr, exactly; for exit 1 the lines that must appear (a stack trace follows)
     * @param rowsRead for a plan that ran: the "rows read" it prints
     * @param lines for a plan that ran: every row of plan.csv, as {@link #line} renders it
     */
    record Case(String name, String command, List<String> args, int exitCode, List<String> err, int rowsRead,
            List<String> lines, List<String> warnings) {

        Case(String name, String command, List<String> args, int exitCode, List<String> err, int rowsRead,
                List<String> lines) {
            this(name, command, args, exitCode, err, rowsRead, lines, List.of());
        }

        /** The plan prints these warnings about the file (each after "warning: FILE: "). */
        Case warns(String... warnings) {
            return new Case(name, command, args, exitCode, err, rowsRead, lines, Stream.of(warnings)
                    .map(warning -> "warning: " + args.get(args.size() - 1) + ": " + warning).toList());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() {
        return Stream.of(
                // --- encodings
                // tolerated: Excel's "CSV" on a Western Windows; the accents (and the en dash, 0x96) come out right
                plan("windows-1252-no-bom.csv", 0, 1,
                        set(2, LYCEE, "elodie.lefevre@lyceevictorhugo.fr", "displayName", "Élodie Lefèvre",
                                "Élodie Lefèvre-Würth"),
                        set(2, LYCEE, "elodie.lefevre@lyceevictorhugo.fr", "jobTitle", "Professeure de mathématiques",
                                "Professeure agrégée – mathématiques")),
                // "Unicode text" without a byte order mark: recognised by the zero byte after each ASCII character
                plan("utf-16le-no-bom.csv", 0, 1, set(2, CONTOSO, ADELE, "jobTitle", "Retail Manager",
                        "Store Manager")),
                plan("utf-16le-with-bom.csv", 0, 1, set(2, CONTOSO, ADELE, "jobTitle", "Retail Manager",
                        "Store Manager")),
                // one UTF-8 "é" pasted into a Latin-1 file: the file reads as Windows-1252, and the damaged name
                // is rejected instead of being written into the tenant
                plan("latin-1-stray-utf8-sequence.csv", ExitCodes.SOME_REJECTED, 2,
                        set(2, LYCEE, "helene.garnier@lyceevictorhugo.fr", "department", "CDI", "Documentation"),
                        line(3, LYCEE, "chloe.bernard@lyceevictorhugo.fr", "SET_ATTRIBUTE", "displayName",
                                "Chloé Bernard", "ChloÃ© Bernard", "REJECTED", "INVALID_VALUE", "displayName"
                                        + " 'ChloÃ© Bernard' looks like UTF-8 text read as Windows-1252 (as in 'Ã©'"
                                        + " for 'é'): the file mixes encodings; save it as UTF-8 and plan again"),
                        set(3, LYCEE, "chloe.bernard@lyceevictorhugo.fr", "department", "Langues",
                                "Langues vivantes")),
                // byte 0x81 (undefined in Windows-1252) cannot be read: the value is rejected, not planned
                plan("latin-1-undefined-byte.csv", ExitCodes.SOME_REJECTED, 1,
                        line(2, LYCEE, "ines.petit@lyceevictorhugo.fr", "SET_ATTRIBUTE", "displayName", "Inès Petit",
                                "In\uFFFDs Petit", "REJECTED", "INVALID_VALUE", "displayName 'In\uFFFDs Petit' holds"
                                        + " characters that could not be read (\uFFFD): the file's encoding is mixed;"
                                        + " save it as UTF-8 and plan again")),

                // --- quoting
                unusable("unterminated-quote-at-eof.csv", "%s row 3 column 'jobTitle': a quoted cell starting on"
                        + " this row never ends; is a closing \" missing?"),
                // a read that stops in one file does not hide the next file's: both are named at once
                unusable(List.of("unterminated-quote-at-eof.csv", "unclosed-quote-in-department.csv"),
                        "error: 2 problems in the input:",
                        "  %1$s row 3 column 'jobTitle': a quoted cell starting on this row never ends; is a closing"
                                + " \" missing?",
                        "  %2$s row 3 column 'department': a quoted cell starting on this row never ends; is a"
                                + " closing \" missing?"),
                // a control or bidirectional character in any cell rejects the row, naming column and position:
                // a terminal escape in a job title (it would retitle and clear the screen wherever printed), a
                // right-to-left override (the name would read 'Megan Bowen'), a line break or a tab in a single
                // value. In a list cell a line break is white space between entries (Alt+Enter in Excel)
                plan("control-characters.csv", ExitCodes.SOME_REJECTED, 5,
                        refused(2, ADELE, "jobTitle has a control character U+001B at position 1"),
                        refused(3, "megan.bowen@contoso.com", "displayName has a bidirectional text control U+202E"
                                + " at position 7"),
                        refused(4, "nestor.wilke@contoso.com", "jobTitle has a line break U+000A at position 9"),
                        line(6, CONTOSO, "grady.archie@contoso.com", "REMOVE_LICENSE", "EXCHANGESTANDARD", "", "",
                                "PLANNED", "", ""),
                        refused(8, "alex.wilber@contoso.com", "jobTitle has a tab U+0009 at position 10")),
                // a column name is printed escaped, never obeyed by the terminal
                unusable("escape-in-header.csv", "%s row 1 column 'userPrincipalName': required column is missing;"
                        + " the header has [customer, \\u001b[2Jnotes, jobTitle]"),
                plan("escape-in-unknown-column.csv", 0, 1, set(2, CONTOSO, ADELE, "jobTitle", "Retail Manager",
                        "Store Manager")).warns("column '\\u001b]0;owned\\u0007' is not one the job reads and was"
                                + " ignored"),
                // a quote inside an unquoted cell is literal, so the comma in it splits the cell and shifts the
                // rest: the row is rejected whole, nothing garbled is planned
                plan("quote-inside-unquoted-field.csv", ExitCodes.SOME_REJECTED, 1,
                        shifted(2, "the row has a value in column 5 ('Retail') but the header has 4 columns: a ','"
                                + " inside an unquoted value shifts the cells after it; put that value in double"
                                + " quotes")),

                // --- header problems
                unusable("missing-upn-header.csv", "%s row 1 column 'userPrincipalName': required column is missing;"
                        + " the header has [customer, displayName, jobTitle]"),
                unusable("missing-customer-header.csv", "%s row 1 column 'customer': required column is missing;"
                        + " the header has [userPrincipalName, jobTitle]"),
                unusable("duplicate-licenses-column.csv", "%s row 1 column 'licenses': column appears twice"
                        + " (columns 3 and 5); rename or delete one of them"),
                unusable("duplicate-upn-spellings.csv", "%s row 1 column 'userPrincipalName': column appears twice"
                        + " (columns 2 and 4); rename or delete one of them"),
                unusable("duplicate-header.xlsx", "%s sheet Users row 1 column 'Licenses': column appears twice"
                        + " (columns C and E); rename or delete one of them"),
                // unknown columns are ignored, and said so: costCenter and manager change nothing, jobTitle plans
                plan("unknown-columns.csv", 0, 1, set(2, CONTOSO, ADELE, "jobTitle", "Retail Manager",
                        "Store Manager")).warns("column 'costCenter' is not one the job reads and was ignored",
                                "column 'manager' is not one the job reads and was ignored"),
                // "licences" (British spelling) is not a column the job reads: the plan warns, with the likely name
                plan("misspelt-licences-column.csv", 0, 1).warns("column 'licences' is not one the job reads and"
                        + " was ignored (did you mean 'licenses'?)"),
                unusable("no-header-at-all.csv", "%s: no header row found: expected a row with columns such as "
                        + ALL_COLUMNS),
                plan("title-row-above-header.csv", 0, 1, set(4, CONTOSO, ADELE, "jobTitle", "Retail Manager",
                        "Store Manager")),
                plan("trailing-empty-columns.csv", 0, 1, set(2, CONTOSO, ADELE, "jobTitle", "Retail Manager",
                        "Store Manager")),

                // --- empty-ish
                unusable("empty.csv", "%s: the file is empty"),
                plan("header-only.csv", 0, 0),
                unusable("only-blank-lines.csv", "%s: the file is empty"),

                // --- not a CSV or .xlsx at all
                unusable("binary-junk.xlsx", "%s: this is not an .xlsx workbook (it is not a zip archive); if it is"
                        + " CSV text, name it .csv"),
                unusable("real-xls-renamed.xlsx", "%s: this is an Excel 97-2003 .xls workbook; save it as .xlsx or"
                        + " CSV"),
                unusable("real.xls", "%s: this is an Excel 97-2003 .xls workbook, not CSV text; save it as .xlsx or"
                        + " CSV"),
                unusable("password-protected.xlsx", "%s: the workbook is password-protected; remove the password or"
                        + " save it as CSV"),
                unusable("truncated.xlsx", "%s: not a readable .xlsx workbook (damaged, or not completely copied?);"
                        + " open and save it in Excel: Failed to read the file input stream from file: '%s'"),
                // the first sheet is empty: the message names the others and --sheet
                unusable("first-sheet-empty.xlsx", "%s sheet Notes: the sheet is empty; the workbook has sheets"
                        + " [Notes, Users]: name the one to read with --sheet"),
                plan("first-sheet-empty.xlsx", List.of("--sheet", "users"), 0, 1,
                        set(2, CONTOSO, ADELE, "jobTitle", "Retail Manager", "Store Manager")),
                unusable("a-folder.csv", "%s: is a folder, not a file: name the files in it"),
                // nothing to read, and not for lack of permissions: see also aNamedPipeIsNotARegularFile
                unusableAt("/dev/null", "%s: is not a regular file but a device, pipe or socket; name a CSV or"
                        + " .xlsx file"),

                // --- cells
                // cached results are read: ="Contoso"&" Ltd", =LOWER(...), =CONCATENATE(...), ="Dept "&(40+2)
                plan("formulas-cached.xlsx", 0, 1,
                        set(2, CONTOSO, ADELE, "jobTitle", "Retail Manager", "Store Manager"),
                        set(2, CONTOSO, ADELE, "department", "Retail", "Dept 42")),
                // formulas saved without results (as some export tools write them): POI reads them blank, so the
                // row is rejected naming the cells, never dropped
                plan("formulas-without-cached-values.xlsx", ExitCodes.SOME_REJECTED, 1,
                        line(2, "", "", "", "", "", "", "REJECTED", "INVALID_VALUE", "cells A2, B2, C2, D2 hold"
                                + " formulas whose results were never saved (the file was written by a tool that does"
                                + " not calculate): open the workbook in Excel, save it, and plan again; nothing of"
                                + " this row is planned")),
                // inert in every report; see formulaValuesComeOutInert
                plan("formula-injection-job-title.csv", 0, 1,
                        set(2, CONTOSO, ADELE, "jobTitle", "Retail Manager", "'" + HYPERLINK)),
                // a 10,000-character jobTitle: Entra accepts 128, so the change is rejected with the lengths
                plan("ten-thousand-char-cell.csv", ExitCodes.SOME_REJECTED, 1,
                        line(2, CONTOSO, ADELE, "SET_ATTRIBUTE", "jobTitle", "Retail Manager", "A".repeat(10_000),
                                "REJECTED", "INVALID_VALUE", "jobTitle is 10000 characters long; Microsoft Entra ID"
                                        + " accepts at most 128")),
                // cells beyond the header mean the row is shifted: rejected whole, never read askew
                plan("more-cells-than-headers.csv", ExitCodes.SOME_REJECTED, 1,
                        shifted(2, "the row has a value in column 4 ('Retail') but the header has 3 columns: a ','"
                                + " inside an unquoted value shifts the cells after it; put that value in double"
                                + " quotes")),
                // the row is rejected, not dropped; the good row plans
                plan("blank-upn.csv", ExitCodes.SOME_REJECTED, 2,
                        set(2, CONTOSO, ADELE, "jobTitle", "Retail Manager", "Store Manager"),
                        line(3, CONTOSO, "", "", "userPrincipalName", "", "", "REJECTED", "INVALID_VALUE",
                                "userPrincipalName is empty: every row must name the user it is about")),
                plan("unknown-customer.csv", ExitCodes.SOME_REJECTED, 1,
                        line(2, "Northwind Traders", "sam.jones@northwind.com", "", "Northwind Traders", "", "",
                                "REJECTED", "UNKNOWN_CUSTOMER", "customer 'Northwind Traders' matches no tenant id,"
                                        + " domain or customer name in the current state")),
                plan("usage-location-france.csv", ExitCodes.SOME_REJECTED, 1,
                        line(2, CONTOSO, ADELE, "SET_ATTRIBUTE", "usageLocation", "US", "France", "REJECTED",
                                "INVALID_VALUE", "usageLocation 'France' is not an ISO 3166-1 alpha-2 country code"
                                        + " (for example FR, US, DE)")),
                // a trailing no-break space (pasted from Outlook or a web page) is trimmed like any space
                plan("upn-with-non-breaking-space.csv", 0, 1, set(2, CONTOSO, ADELE, "jobTitle", "Retail Manager",
                        "Store Manager")),

                // --- delimiters and extensions
                // header split on ';', rows on ',': each row is one cell; rejected naming the delimiter mismatch
                plan("delimiter-mix.csv", ExitCodes.SOME_REJECTED, 1,
                        line(2, "Contoso Ltd,adele.vance@contoso.com,Store Manager", "", "",
                                "Contoso Ltd,adele.vance@contoso.com,Store Manager", "", "",
                                "REJECTED", "INVALID_VALUE", "the row is one cell ('Contoso Ltd,adele.vance@contoso."
                                        + "com,Stor...') while the header has 3 columns separated by ';': the row"
                                        + " seems separated by ','; use one delimiter in the whole file; nothing of"
                                        + " this row is planned")),
                plan("bom-semicolon-crlf.csv", 0, 1,
                        set(2, CONTOSO, ADELE, "jobTitle", "Retail Manager", "Store Manager"),
                        set(2, CONTOSO, ADELE, "department", "Retail", "Retail, Europe")),
                plan("desired-users.txt", 0, 1, set(2, CONTOSO, ADELE, "jobTitle", "Retail Manager",
                        "Store Manager")),

                // --- broken snapshots: refused whole, the store unchanged
                snapshot("missing-users-csv", "error: %s/users.csv: the snapshot file is missing"),
                snapshot("bad-quantity", "error: 1 problem in the input:",
                        "  %s/subscriptions.csv row 7 column 'quantity': 'ten' is not a whole number of seats"
                                + " (0 or more)"),
                // the allowed values spelled as the files spell them
                snapshot("bad-status", "error: 1 problem in the input:",
                        "  %s/subscriptions.csv row 11 column 'status': 'enabled' is not one of [active, warning,"
                                + " suspended, expired]"),
                snapshot("bad-date", "error: 1 problem in the input:",
                        "  %s/subscriptions.csv row 6 column 'termEnd': '31/12/2026' is not a date like 2026-11-24"),
                snapshot("user-of-unknown-tenant", "error: 1 problem in the input:",
                        "  %s/users.csv row 25 column 'tenantId': '7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9' is not a"
                                + " tenant of customers.csv"),
                // Entra refuses a displayName over 256 characters, and the store has no room for one either
                snapshot("long-display-name", "error: 1 problem in the input:",
                        "  %s/users.csv row 10 column 'displayName': is 327 characters long; Microsoft Entra ID"
                                + " accepts at most 256"),
                // a NUL (or any control character) in a snapshot cell would be stored and shown as the user's name
                snapshot("nul-in-display-name", "error: 1 problem in the input:",
                        "  %s/users.csv row 10 column 'displayName': the cell has a control character U+0000 at"
                                + " position 6"),
                snapshot("duplicate-tenant-id", "error: 1 problem in the input:",
                        "  %s/customers.csv row 5: duplicate of %s/customers.csv row 3"
                                + " (0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theCorpusGivesExactlyTheRecordedOutcome(Case c) throws Exception {
        Cli.Result result = cli.run(c.command(), c.args().toArray(String[]::new));
        String all = result.out() + result.err();

        assertThat(result.exitCode()).as(all).isEqualTo(c.exitCode());
        switch (c.exitCode()) {
            case ExitCodes.UNUSABLE_INPUT -> {
                assertThat(result.err().lines().toList()).as(all).isEqualTo(c.err());
                assertThat(result.out()).doesNotContain("plan:");
            }
            case ExitCodes.INTERNAL_ERROR -> {
                assertThat(result.err()).as(all).contains(c.err());
                assertThat(result.out()).doesNotContain("plan:");
            }
            default -> assertPlan(c, result);
        }
        if (c.command().equals("import-state")) {
            assertStoreHoldsTheSampleSnapshot();
        }
    }

    private static void assertPlan(Case c, Cli.Result result) throws IOException {
        assertThat(result.err()).isEmpty();
        List<Map<String, String>> rows = SampleRunTest.csv(cli.reportDir(result.planId()).resolve("plan.csv"));
        long planned = rows.stream().filter(r -> r.get("status").equals("PLANNED")).count();
        assertThat(result.out()).contains("rows read: " + c.rowsRead() + ", changes planned: " + planned
                + ", rejected: " + (rows.size() - planned) + System.lineSeparator());
        String file = c.args().get(c.args().size() - 1);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("sourceFile")).isEqualTo(file));
        assertThat(rows.stream().map(MalformedInputTest::line).toList()).containsExactlyElementsOf(c.lines());
        assertThat(result.out().lines().filter(l -> l.startsWith("warning: ")).toList())
                .containsExactlyElementsOf(c.warnings());
    }

    private static void assertStoreHoldsTheSampleSnapshot() throws SQLException {
        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "")) {
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM customer")).isEqualTo(3);
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM directory_user")).isEqualTo(23);
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM directory_user"
                    + " WHERE upn_key = 'SAM.JONES@NORTHWIND.COM'")).isZero();
        }
    }

    /**
     * A value that spreadsheets and browsers would run comes out as text in every report. Adele's jobTitle plans
     * (so it is in the Changes sheet); Megan's usageLocation is rejected (so the value is in summary.html's rejected
     * rows, through the message that quotes it).
     */
    @Test
    void formulaValuesComeOutInert() throws Exception {
        Path file = CorpusFiles.DIR.resolve("formula-injection-report.csv");
        Cli.Result plan = cli.run("plan", file.toString());
        assertThat(plan.exitCode()).as(plan.out() + plan.err()).isEqualTo(ExitCodes.SOME_REJECTED);
        Path dir = cli.reportDir(plan.planId());

        // plan.csv: the cell starts with a single quote, so Excel shows it as text
        List<Map<String, String>> rows = SampleRunTest.csv(dir.resolve("plan.csv"));
        Map<String, String> jobTitle = rows.stream().filter(r -> r.get("target").equals("jobTitle")).findFirst()
                .orElseThrow();
        assertThat(jobTitle.get("status")).isEqualTo("PLANNED");
        assertThat(jobTitle.get("change")).isEqualTo("SET_ATTRIBUTE");
        assertThat(jobTitle.get("after")).isEqualTo("'" + HYPERLINK);
        assertThat(rows.stream().flatMap(r -> r.values().stream()).filter(v -> v.startsWith("="))).isEmpty();

        // plan.xlsx: a string cell holding the original text, and not a single formula cell anywhere
        try (InputStream in = Files.newInputStream(dir.resolve("plan.xlsx"));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet changes = workbook.getSheet("Changes");
            List<String> header = texts(changes.getRow(0));
            Row row = rowWith(changes, header.indexOf("target"), "jobTitle");
            Cell after = row.getCell(header.indexOf("after"));
            assertThat(after.getCellType()).isEqualTo(CellType.STRING);
            assertThat(after.getStringCellValue()).isEqualTo(HYPERLINK);
            Row rejected = rowWith(workbook.getSheet("Rejected"), header.indexOf("target"), "usageLocation");
            assertThat(rejected.getCell(header.indexOf("message")).getStringCellValue()).contains(HYPERLINK);
            for (Sheet sheet : workbook) {
                for (Row r : sheet) {
                    for (Cell cell : r) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }

        // summary.html: escaped text, never a link or a tag holding the value
        String html = Files.readString(dir.resolve("summary.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)").doesNotContain(HYPERLINK);
        assertThat(Pattern.compile("(?i)<a[\\s>]").matcher(html).find()).as("a link in summary.html").isFalse();
        assertThat(Pattern.compile("(?i)<[^>]*=HYPERLINK\\(").matcher(html).find())
                .as("=HYPERLINK( inside a tag").isFalse();
    }

    /** A named pipe would block the reader or read as empty; the admin is told what it is, in both commands. */
    @Test
    void aNamedPipeIsNotARegularFile() throws Exception {
        Path pipe = work.resolve("desired.csv");
        Path snapshot = Files.createDirectories(work.resolve("pipe-snapshot"));
        for (String name : new String[] {"customers.csv", "subscriptions.csv", "gdap.csv"}) {
            Files.copy(Cli.sample("state").resolve(name), snapshot.resolve(name));
        }
        for (Path fifo : List.of(pipe, snapshot.resolve("users.csv"))) {
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            assertThat(mkfifo.waitFor()).isZero();
        }

        Cli.Result plan = cli.run("plan", pipe.toString());
        Cli.Result imported = cli.run("import-state", snapshot.toString());

        assertThat(plan.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(plan.err().lines()).containsExactly("error: " + pipe + ": is not a regular file but a device,"
                + " pipe or socket; name a CSV or .xlsx file", NOTHING_DONE);
        assertThat(imported.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(imported.err().lines()).containsExactly("error: " + snapshot.resolve("users.csv") + ": is not a"
                + " regular file but a device, pipe or socket; name a CSV or .xlsx file", STORE_UNCHANGED);
        assertStoreHoldsTheSampleSnapshot();
    }

    // --- the case table's vocabulary

    private static Case plan(String file, int exitCode, int rowsRead, String... lines) {
        return plan(file, List.of(), exitCode, rowsRead, lines);
    }

    private static Case plan(String file, List<String> options, int exitCode, int rowsRead, String... lines) {
        List<String> args = new ArrayList<>(options);
        args.add(path(file));
        String name = options.isEmpty() ? file : file + " " + String.join(" ", options);
        return new Case(name, "plan", args, exitCode, List.of(), rowsRead, List.of(lines));
    }

    /** Exit 2; {@code message} with {@code %s} for the file as given. */
    private static Case unusable(String file, String message) {
        return unusableAt(path(file), message);
    }

    /** Exit 2 for a plan of several corpus files; {@code errLines} with {@code %1$s}, {@code %2$s}... for them. */
    private static Case unusable(List<String> files, String... errLines) {
        Object[] paths = files.stream().map(MalformedInputTest::path).toArray();
        List<String> err = new ArrayList<>();
        for (String errLine : errLines) {
            err.add(errLine.formatted(paths));
        }
        err.add(NOTHING_DONE);
        return new Case(String.join(" + ", files), "plan", Stream.of(paths).map(String::valueOf).toList(),
                ExitCodes.UNUSABLE_INPUT, err, 0, List.of());
    }

    /** Exit 2 for a file outside the corpus; {@code message} with {@code %s} for its path. */
    private static Case unusableAt(String path, String message) {
        return new Case(Path.of(path).getFileName().toString(), "plan", List.of(path), ExitCodes.UNUSABLE_INPUT,
                List.of("error: " + message.replace("%s", path), NOTHING_DONE), 0, List.of());
    }

    /** import-state of snapshots/{@code dir}, exit 2; {@code errLines} with {@code %s} for the folder. */
    private static Case snapshot(String dir, String... errLines) {
        String path = path("snapshots/" + dir);
        List<String> err = new ArrayList<>();
        for (String errLine : errLines) {
            err.add(errLine.replace("%s", path));
        }
        err.add(STORE_UNCHANGED);
        return new Case("snapshots/" + dir, "import-state", List.of(path), ExitCodes.UNUSABLE_INPUT, err, 0,
                List.of());
    }

    /** A row of plan.csv rejecting a whole Contoso row for Adele that was read askew. */
    private static String shifted(int sourceRow, String problem) {
        return line(sourceRow, CONTOSO, ADELE, "", "row", "", "", "REJECTED", "INVALID_VALUE",
                problem + "; nothing of this row is planned");
    }

    /** A row of plan.csv rejecting a whole Contoso row for a character no cell may hold. */
    private static String refused(int sourceRow, String upn, String problem) {
        return line(sourceRow, CONTOSO, upn, "", "row", "", "", "REJECTED", "INVALID_VALUE",
                problem + "; nothing of this row is planned");
    }

    /** A planned SET_ATTRIBUTE row of plan.csv. */
    private static String set(int sourceRow, String customer, String upn, String attribute, String before,
            String after) {
        return line(sourceRow, customer, upn, "SET_ATTRIBUTE", attribute, before, after, "PLANNED", "", "");
    }

    private static String line(int sourceRow, String customer, String upn, String change, String target,
            String before, String after, String status, String reason, String message) {
        return String.join(" | ", "row " + sourceRow, customer, upn, change, target, before, after, status, reason,
                message);
    }

    private static String line(Map<String, String> row) {
        return line(Integer.parseInt(row.get("sourceRow")), row.get("customer"), row.get("userPrincipalName"),
                row.get("change"), row.get("target"), row.get("before"), row.get("after"), row.get("status"),
                row.get("reason"), row.get("message"));
    }

    private static String path(String corpusFile) {
        return CorpusFiles.DIR.resolve(corpusFile).toString();
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    private static Row rowWith(Sheet sheet, int column, String value) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (row.getRowNum() > 0 && cell != null && value.equals(cell.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + value + " in sheet " + sheet.getSheetName());
    }
}
