package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.LineStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What an apply did, next to the plan's review: apply.csv (one row per planned change, APPLIED, STALE, FAILED,
 * SKIPPED or HANDED_OFF), saas-handoff.csv when marketplace SaaS seats of live tenants are left to the publishers'
 * portals, and apply-summary.html. I/O failures surface as {@link UncheckedIOException}.
 */
public final class ApplyReport implements AutoCloseable {

    public static final String APPLY_CSV = "apply.csv";
    public static final String SUMMARY_HTML = "apply-summary.html";
    public static final String SAAS_HANDOFF_CSV = "saas-handoff.csv";
    private static final List<String> HANDOFF_HEADER = List.of("customer", "tenantId", "publisher", "offer",
            "offerId", "userPrincipalName", "action");

    /** Where a customer's changes were made: "live tenant" (through Graph) or "store only". */
    public record Landing(String customer, String tenantId, String landing) {
    }

    /** A marketplace SaaS seat to add or remove in the publisher's portal. */
    public record Handoff(String customer, String tenantId, String publisher, String offer, String offerId,
            String userPrincipalName, String action) {
    }

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

    /** Closes apply.csv, writes saas-handoff.csv when there is anything to hand off, then apply-summary.html. */
    public void finish(ReportSummary summary, List<Landing> landings, List<Handoff> handoffs) {
        try (resources) {
            HtmlPage page = SummaryPage.start(summary);
            page.heading("Where the changes were made").table(List.of("customer", "tenantId", "made in"),
                    landings.stream().map(l -> List.<Object>of(l.customer(), l.tenantId(), l.landing())).toList(),
                    "No customer.");
            if (!handoffs.isEmpty()) {
                writeHandoffs(handoffs);
                page.heading("Marketplace SaaS seats to make in the publishers' portals").paragraph(handoffs.size()
                        + " seat change" + (handoffs.size() == 1 ? " is" : "s are") + " listed in " + SAAS_HANDOFF_CSV
                        + " (status HANDED_OFF in " + APPLY_CSV + "): license-based marketplace SaaS seats are"
                        + " assigned in each publisher's portal, not through Graph. Add or remove each user's seat"
                        + " there as the file says, then import the state again: the next plan checks they were made.");
            }
            SummaryPage.addRows(page, "Rows not applied", notApplied, APPLY_CSV);
            resources.close();
            page.writeTo(dir.resolve(SUMMARY_HTML));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeHandoffs(List<Handoff> handoffs) throws IOException {
        try (CsvTable file = CsvTable.create(dir.resolve(SAAS_HANDOFF_CSV), HANDOFF_HEADER)) {
            for (Handoff h : handoffs) {
                file.write(List.of(h.customer(), h.tenantId(), h.publisher(), h.offer(), h.offerId(),
                        h.userPrincipalName(), h.action()));
            }
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
