package com.partnerops.reconcile.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * The review files of a plan in {@code reports/<PLAN_ID>/}: plan.csv, plan.xlsx and seats.csv; summary.html comes
 * from the review template ({@link ReviewPages}). Rows are streamed to disk as they arrive; plan.xlsx is built on a
 * thread of its own ({@link WorkbookThread}). I/O failures surface as {@link UncheckedIOException}.
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
    private final WorkbookThread workbook;

    private ReviewReport(Path dir) throws IOException {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            plan = resources.add(CsvTable.create(dir.resolve(PLAN_CSV), ReportRow.HEADER));
            seats = resources.add(CsvTable.create(dir.resolve(SEATS_CSV), SeatReportRow.HEADER));
            workbook = resources.add(new WorkbookThread());
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

    /**
     * Writes plan.xlsx and the summary page, then closes everything. The page is written while plan.xlsx is being
     * built, under a temporary name; it gets its own name last, once the files it points to are complete.
     *
     * @param summaryPage writes summary.html to the path it is given
     */
    public void finish(ReportSummary summary, Consumer<Path> summaryPage) {
        Path draft = dir.resolve(SUMMARY_HTML + ".part");
        try (resources) {
            workbook.write(dir.resolve(PLAN_XLSX), summary);
            summaryPage.accept(draft);
            workbook.await();
            Files.move(draft, dir.resolve(SUMMARY_HTML), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            discard(draft);
        }
    }

    /** Only left behind when the page or the workbook failed; gone after the move. */
    private static void discard(Path draft) {
        try {
            Files.deleteIfExists(draft);
        } catch (IOException e) {
            // the failure that left it behind is the one worth reporting, and is already on its way
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
