package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.LineStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The review of a plan in {@code reports/<PLAN_ID>/}: plan.csv, plan.xlsx, seats.csv and summary.html.
 * Rows are streamed to disk as they arrive; only the first rejected rows and the seats needing attention stay in
 * memory for the HTML page. I/O failures surface as {@link UncheckedIOException}.
 */
public final class ReviewReport implements AutoCloseable {

    public static final String PLAN_CSV = "plan.csv";
    public static final String PLAN_XLSX = "plan.xlsx";
    public static final String SEATS_CSV = "seats.csv";
    public static final String SUMMARY_HTML = "summary.html";

    private static final List<String> SEAT_COLUMNS = List.of("customer", "sku", "product", "purchased",
            "assigned after", "free after", "seats to buy", "advice");

    private final Path dir;
    private final Resources resources = new Resources();
    private final CsvTable plan;
    private final CsvTable seats;
    private final PlanWorkbook workbook;
    private final RowSample rejected = new RowSample(Set.of(LineStatus.REJECTED.name()));
    private final List<SeatReportRow> seatsNeedingAttention = new ArrayList<>();

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
        rejected.offer(row);
    }

    public void addSeat(SeatReportRow seat) {
        seats.write(seat.cells());
        workbook.add(seat);
        if (seat.needsAttention()) {
            seatsNeedingAttention.add(seat);
        }
    }

    /** Writes plan.xlsx and summary.html and closes everything; summary.html is written last, once the rest is complete. */
    public void finish(ReportSummary summary) {
        try (resources) {
            workbook.write(dir.resolve(PLAN_XLSX), summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            page(summary).writeTo(dir.resolve(SUMMARY_HTML));
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

    private HtmlPage page(ReportSummary summary) {
        HtmlPage page = SummaryPage.start(summary);
        page.heading("Seats needing attention").table(SEAT_COLUMNS,
                seatsNeedingAttention.stream().map(ReviewReport::seatCells).toList(),
                "Every SKU has enough seats for this plan.");
        SummaryPage.addRows(page, "Rejected rows", rejected, PLAN_CSV);
        long planned = summary.statusCounts().getOrDefault(LineStatus.PLANNED.name(), 0L);
        return page.nextStep("./reconcile apply " + summary.planId(), "Applies exactly the " + planned
                + " PLANNED rows of this plan, nothing else. REJECTED rows are never applied: fix their cause in the"
                + " input files and make a new plan.");
    }

    private static List<Object> seatCells(SeatReportRow seat) {
        return List.of(Objects.toString(seat.customer(), ""), Objects.toString(seat.sku(), ""),
                Objects.toString(seat.productName(), ""), seat.purchased(), seat.assignedAfter(), seat.freeAfter(),
                seat.seatsToBuy(), Objects.toString(seat.advice(), ""));
    }
}
