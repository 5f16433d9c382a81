package com.partnerops.reconcile.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The review files of a plan in {@code reports/<PLAN_ID>/}: plan.csv, plan.xlsx and seats.csv; summary.html comes
 * from the review template ({@link ReviewPages}). Rows are streamed to disk as they arrive. I/O failures surface as
 * {@link UncheckedIOException}.
 */
public final class ReviewReport implements AutoCloseable {

    public static final String PLAN_CSV = "plan.csv";
    public static final String PLAN_XLSX = "plan.xlsx";
    public static final String SEATS_CSV = "seats.csv";
    public static final String SUMMARY_HTML = "summary.html";

    private final Path dir;
    private final Resources resources = new Resources();
    private final CsvTable plan;
    private final CsvTable seats;
    private final PlanWorkbook workbook;

    private ReviewReport(Path dir) throws IOException {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            plan = resources.add(CsvTable.create(dir.resolve(PLAN_CSV), ReportRow.HEADER));
            seats = resources.add(CsvTable.create(dir.resolve(SEATS_CSV), SeatReportRow.HEADER));
            workbook = resources.add(new PlanWorkbook());
        } catch (IOException | RuntimeException e) {
            resources.closeAfter(e);
            throw e;
        }
    }

    /** Creates {@code dir} if needed and opens the report's files in it. */
    public static ReviewReport create(Path dir) {
        try {
            return new ReviewReport(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the next row of the plan; rows arrive in plan order and keep it in every file. */
    public void addRow(ReportRow row) {
        plan.write(row.cells());
        workbook.add(row);
    }

    public void addSeat(SeatReportRow seat) {
        seats.write(seat.cells());
        workbook.add(seat);
    }

    /** Writes plan.xlsx and closes everything. */
    public void finish(ReportSummary summary) {
        try (resources) {
            workbook.write(dir.resolve(PLAN_XLSX), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases files and temp files without finishing; what was written so far stays on disk. */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
