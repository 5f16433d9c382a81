package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.malformed.CorpusFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs too big for the malformed corpus, written by each test: every value a reader lets through fits the store,
 * and what would not is refused with exit 2, naming where, instead of failing inside the store with exit 1.
 */
class OversizedInputTest {

    private static final String NOTHING_DONE = "Nothing was planned or applied.";

    @TempDir
    static Path work;
    static Cli cli;

    @BeforeAll
    static void importSampleSnapshot() {
        cli = new Cli(work);
        Cli.Result imported = cli.run("import-state", Cli.sample("state").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    /**
     * No spreadsheet cell holds more than Excel's 32,767 characters: a longer one (here 1,000,001, more than the
     * store holds) is a file that is not what it seems, refused naming file, row and column, in CSV and .xlsx alike.
     */
    @Test
    void aCellLongerThanExcelHoldsRefusesTheFile() throws Exception {
        String huge = randomLetters(1_000_001);
        Path csv = Files.writeString(work.resolve("huge-cell.csv"), "customer,userPrincipalName,department\n"
                + "Contoso Ltd,adele.vance@contoso.com," + huge + "\n", StandardCharsets.UTF_8);
        Path xlsx = work.resolve("huge-cell.xlsx");
        writeWorkbookWithCell(xlsx, huge);

        Cli.Result plan = cli.run("plan", csv.toString(), xlsx.toString());

        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(plan.err().lines()).containsExactly("error: 2 problems in the input:",
                "  " + csv + " row 2 column 'department': the cell is 1000001 characters long; a cell holds at most"
                        + " 32767 (as in Excel)",
                "  " + xlsx + " sheet Users row 2 column 'department': the cell is 1000001 characters long; a cell"
                        + " holds at most 32767 (as in Excel)",
                NOTHING_DONE);
    }

    /** A whole export with 30,000 columns the job does not read: one warning line, not one per column. */
    @Test
    void manyUnknownColumnsGiveOneWarning() throws Exception {
        StringBuilder header = new StringBuilder("customer,userPrincipalName,jobTitle");
        StringBuilder row = new StringBuilder("Contoso Ltd,adele.vance@contoso.com,Store Manager");
        for (int i = 1; i <= 30_000; i++) {
            header.append(",extra").append(i);
            row.append(",x");
        }
        Path file = Files.writeString(work.resolve("wide-export.csv"), header + "\n" + row + "\n",
                StandardCharsets.UTF_8);

        Cli.Result plan = cli.run("plan", file.toString());

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out().lines().filter(l -> l.startsWith("warning: ")).toList()).containsExactly("warning: "
                + file + ": 30000 columns are not ones the job reads and were ignored: 'extra1', 'extra2', 'extra3',"
                + " 'extra4', 'extra5' and 29995 more");
        assertThat(plan.out()).contains("changes planned: 1, rejected: 0");
    }

    /**
     * A plan keeps its --customer options: 1,000 of them fit the store (their own store, with 1,000 customers);
     * one more is refused before anything is planned.
     */
    @Test
    void aThousandCustomerOptionsFitTheStoreAndMoreAreRefused() throws Exception {
        Path snapshot = Files.createDirectories(work.resolve("thousand-customers"));
        StringBuilder customers = new StringBuilder("tenantId,domain,name\n");
        List<String> options = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String tenantId = String.format("00000000-0000-4000-8000-%012d", i);
            customers.append(tenantId).append(",customer").append(i).append(".onmicrosoft.com,Customer ")
                    .append(i).append('\n');
            options.addAll(List.of("--customer", tenantId));
        }
        Files.writeString(snapshot.resolve("customers.csv"), customers, StandardCharsets.UTF_8);
        for (SnapshotHeader file : SnapshotHeader.values()) {
            Files.writeString(snapshot.resolve(file.fileName), file.header + "\n", StandardCharsets.UTF_8);
        }
        Cli own = new Cli(work.resolve("thousand-customers-store"));
        assertThat(own.run("import-state", snapshot.toString()).exitCode()).isZero();
        String desired = CorpusFiles.DIR.resolve("header-only.csv").toString();

        Cli.Result plan = own.run("plan", Stream.concat(options.stream(), Stream.of(desired))
                .toArray(String[]::new));
        options.addAll(List.of("--customer", "Customer 0"));
        Cli.Result tooMany = own.run("plan", Stream.concat(options.stream(), Stream.of(desired))
                .toArray(String[]::new));

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(tooMany.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(tooMany.err().lines()).containsExactly("error: --customer: given 1001 times; at most 1000: leave"
                + " it out (the files' customer column chooses) or plan in several runs", NOTHING_DONE);
    }

    private enum SnapshotHeader {
        SUBSCRIPTIONS("subscriptions.csv", "tenantId,subscriptionId,skuPartNumber,productName,kind,program,quantity,"
                + "status,commitmentStart,termEnd,assignedDisplay"),
        GDAP("gdap.csv", "tenantId,relationshipId,status,endDateTime,roles"),
        USERS("users.csv", "tenantId,userPrincipalName,displayName,givenName,surname,usageLocation,jobTitle,"
                + "department,accountEnabled,licenses,roles");

        final String fileName;
        final String header;

        SnapshotHeader(String fileName, String header) {
            this.fileName = fileName;
            this.header = header;
        }
    }

    /** Letters that do not compress, so POI's zip-bomb guard lets the workbook through to the reader. */
    private static String randomLetters(int length) {
        Random random = new Random(16);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /**
     * A workbook whose department cell holds {@code text}. POI refuses to write a cell over Excel's limit, so a
     * placeholder is written and swapped in the shared strings, as a tool that ignores the limit would write it.
     */
    private static void writeWorkbookWithCell(Path file, String text) throws IOException {
        String placeholder = "PLACEHOLDER-DEPARTMENT";
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Users");
            List<List<String>> rows = List.of(List.of("customer", "userPrincipalName", "department"),
                    List.of("Contoso Ltd", "adele.vance@contoso.com", placeholder));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(plain);
        }
        try (ZipInputStream in = new ZipInputStream(
                new ByteArrayInputStream(plain.toByteArray()));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace(placeholder, text)
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
