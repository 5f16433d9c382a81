package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.LineStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * What an apply did, next to the plan's review: apply.csv (one row per planned change, APPLIED, STALE, FAILED or
 * SKIPPED) and
 * apply-summary.html. I/O failures surface as {@link UncheckedIOException}.
 */
public final class ApplyReport implements AutoCloseable {

    public static final String APPLY_CSV = "apply.csv";
    public static final String SUMMARY_HTML = "apply-summary.html";

    private final Path dir;
    private final Resources resources = new Resources();
    private final CsvTable rows;
    private final RowSample notApplied = new RowSample(Set.of(LineStatus.STALE.name(), LineStatus.FAILED.name(),
            LineStatus.SKIPPED.name()));

    private ApplyReport(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        rows = resources.add(CsvTable.create(dir.resolve(APPLY_CSV), ReportRow.HEADER));
    }

    /** Creates {@code dir} if needed and opens apply.csv in it. */
    public static ApplyReport create(Path dir) {
        try {
            return new ApplyReport(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void addRow(ReportRow row) {
        rows.write(row.cells());
        notApplied.offer(row);
    }

    /** Closes apply.csv and then writes apply-summary.html. */
    public void finish(ReportSummary summary) {
        try (resources) {
            HtmlPage page = SummaryPage.start(summary);
            SummaryPage.addRows(page, "Rows not applied", notApplied, APPLY_CSV);
            resources.close();
            page.writeTo(dir.resolve(SUMMARY_HTML));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases apply.csv without finishing; the rows written so far stay on disk. */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
