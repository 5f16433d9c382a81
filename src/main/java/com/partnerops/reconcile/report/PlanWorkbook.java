package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.LineStatus;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** plan.xlsx, streamed: only the last {@value #WINDOW} rows of each sheet stay in memory, the rest go to temp files. */
final class PlanWorkbook implements Closeable {

    private static final int WINDOW = 100;
    private static final Set<Integer> SOURCE_ROW = columns(ReportRow.HEADER, "sourceRow");
    private static final Set<Integer> SEAT_NUMBERS = columns(SeatReportRow.HEADER,
            "purchased", "assignedBefore", "assignedAfter", "freeAfter", "seatsToBuy");

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle bold = boldStyle(workbook);
    // Created here, in the order the sheets appear, although Summary is only filled at the end.
    private final SheetWriter changes = sheet("Changes", ReportRow.HEADER, SOURCE_ROW);
    private final SheetWriter rejected = sheet("Rejected", ReportRow.HEADER, SOURCE_ROW);
    private final SheetWriter saas = sheet("SaaS", ReportRow.HEADER, SOURCE_ROW);
    private final SheetWriter seats = sheet("Seats", SeatReportRow.HEADER, SEAT_NUMBERS);
    private final SheetWriter summary = sheet("Summary", List.of("item", "value"), Set.of());

    void add(ReportRow row) {
        if (row.isSaas()) {
            saas.write(row.cells());
        } else if (LineStatus.PLANNED.name().equals(row.status())) {
            changes.write(row.cells());
        }
        if (LineStatus.REJECTED.name().equals(row.status())) {
            rejected.write(row.cells());
        }
    }

    void add(SeatReportRow seat) {
        seats.write(seat.cells());
    }

    void write(Path file, ReportSummary figures) throws IOException {
        writeSummary(figures);
        for (SheetWriter sheet : List.of(changes, rejected, saas, seats, summary)) {
            sheet.finish();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    /** Also deletes the temp files SXSSF streamed the rows to. */
    @Override
    public void close() throws IOException {
        workbook.close();
    }

    private void writeSummary(ReportSummary figures) {
        for (Map.Entry<String, Object> fact : figures.facts().entrySet()) {
            summary.write(List.of(fact.getKey(), fact.getValue()));
        }
        for (Map.Entry<String, Long> status : figures.statusCounts().entrySet()) {
            summary.write(List.of(status.getKey(), status.getValue()));
        }
        for (SheetWriter sheet : List.of(changes, rejected, saas, seats)) {
            if (sheet.overflow() > 0) {
                summary.write(List.of(sheet.name() + " sheet is full",
                        sheet.overflow() + " more rows are only in the CSV file"));
            }
        }
        summary.skipRow();
        summary.writeBold(ReportSummary.CustomerFigures.HEADER);
        for (ReportSummary.CustomerFigures customer : figures.customers()) {
            summary.write(customer.values());
        }
        summary.skipRow();
        summary.writeBold(List.of("reason", "rows", "meaning"));
        for (Map.Entry<String, Long> reason : figures.reasonCounts().entrySet()) {
            summary.write(List.of(reason.getKey(), reason.getValue(), ReasonExplanations.explain(reason.getKey())));
        }
    }

    private SheetWriter sheet(String name, List<String> header, Set<Integer> numericColumns) {
        return new SheetWriter(workbook.createSheet(name), header, numericColumns, bold);
    }

    private static Set<Integer> columns(List<String> header, String... names) {
        return Stream.of(names).map(header::indexOf).collect(Collectors.toUnmodifiableSet());
    }

    private static CellStyle boldStyle(SXSSFWorkbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }
}
