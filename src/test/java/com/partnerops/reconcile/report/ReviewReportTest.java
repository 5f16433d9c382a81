package com.partnerops.reconcile.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan.xlsx is built on its own thread: what a reviewer opens must be what plan.csv says, in the same order. */
class ReviewReportTest {

    /** More than a few hand-overs between the threads, so their order is put to the test. */
    private static final int ROWS = 2_345;

    @TempDir
    Path dir;

    @Test
    void planXlsxHasEveryRowInPlanOrderAndSummaryPageComesLast() throws IOException {
        List<Boolean> summaryThereWhileDrafted = new ArrayList<>();
        try (ReviewReport report = ReviewReport.create(dir)) {
            for (int i = 1; i <= ROWS; i++) {
                report.addRow(row(i, i % 10 == 0 ? "REJECTED" : "PLANNED"));
            }
            report.finish(summary(), page -> {
                write(page, "<html>review</html>");
                summaryThereWhileDrafted.add(Files.exists(dir.resolve(ReviewReport.SUMMARY_HTML)));
            });
        }

        assertThat(summaryThereWhileDrafted).containsExactly(false);
        assertThat(dir.resolve(ReviewReport.SUMMARY_HTML)).hasContent("<html>review</html>");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("plan.csv", "plan.xlsx", "seats.csv", "summary.html");
        try (InputStream in = Files.newInputStream(dir.resolve(ReviewReport.PLAN_XLSX));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(upns(workbook.getSheet("Changes"))).hasSize(ROWS - ROWS / 10)
                    .isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b)))
                    .startsWith("user1@contoso.example").endsWith("user2345@contoso.example");
            assertThat(upns(workbook.getSheet("Rejected"))).hasSize(ROWS / 10)
                    .startsWith("user10@contoso.example", "user20@contoso.example");
        }
    }

    @Test
    void aWorkbookThatCannotBeWrittenFailsTheReportAndLeavesNoSummaryPage() throws IOException {
        Files.createDirectories(dir.resolve(ReviewReport.PLAN_XLSX));
        try (ReviewReport report = ReviewReport.create(dir)) {
            for (int i = 1; i <= ROWS; i++) {
                report.addRow(row(i, "PLANNED"));
            }
            assertThatThrownBy(() -> report.finish(summary(), page -> write(page, "<html>review</html>")))
                    .isInstanceOf(UncheckedIOException.class);
        }

        assertThat(filesIn(dir)).doesNotContain("summary.html", "summary.html.part");
        assertThat(dir.resolve(ReviewReport.PLAN_CSV)).exists();
    }

    private static ReportRow row(int i, String status) {
        return new ReportRow("11111111-2222-3333-4444-555555555555", "Contoso", "user" + i + "@contoso.example",
                "ADD_LICENSE", "SPE_E3", "", "SPE_E3", status, "", "", "desired.csv", i + 1);
    }

    private static ReportSummary summary() {
        return new ReportSummary("20261203T000000Z-abcdef", "test plan", Instant.parse("2026-12-03T00:00:00Z"),
                List.of("desired.csv"), "", "", ROWS, 0, List.of(), Map.of("PLANNED", (long) ROWS), Map.of(),
                List.of());
    }

    private static List<String> upns(Sheet sheet) {
        List<String> upns = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                upns.add(row.getCell(2).getStringCellValue());
            }
        }
        return upns;
    }

    private static int number(String upn) {
        return Integer.parseInt(upn.substring("user".length(), upn.indexOf('@')));
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
