package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.LicenseAction;
import com.partnerops.reconcile.domain.SeatCounts;
import com.partnerops.reconcile.domain.SeatTrendPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The license report in one folder: license-report.csv and the workbook's SKUs sheet are written as the SKUs
 * arrive (in customer order); the per-customer totals and the actions, a few numbers per customer, are kept to be
 * sorted biggest first for the Customers and Actions sheets and the page, written last.
 */
public final class LicenseReport implements AutoCloseable {

    public static final String CSV = "license-report.csv";
    public static final String XLSX = "license-report.xlsx";
    public static final String HTML = "license-report.html";

    private final Path dir;
    private final LicenseReportFacts facts;
    private final Resources resources = new Resources();
    private final CsvTable csv;
    private final LicenseWorkbook workbook;
    private final Map<String, CustomerLicenses> customers = new LinkedHashMap<>();
    private final List<ActionLine> actions = new ArrayList<>();
    private int skus;
    private BigDecimal unusedCost;

    private LicenseReport(Path dir, LicenseReportFacts facts) throws IOException {
        this.dir = dir;
        this.facts = facts;
        try {
            Files.createDirectories(dir);
            csv = resources.add(CsvTable.create(dir.resolve(CSV), LicenseLine.HEADER));
            workbook = resources.add(new LicenseWorkbook(facts.prices().currency()));
        } catch (IOException | RuntimeException e) {
            resources.closeAfter(e);
            throw e;
        }
    }

    /** Creates {@code dir} if needed and opens the report's files in it. */
    public static LicenseReport create(Path dir, LicenseReportFacts facts) {
        try {
            return new LicenseReport(dir, facts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void add(LicenseLine line) {
        csv.write(line.csvCells());
        workbook.add(line);
        skus++;
        customers.computeIfAbsent(line.position().tenantId(),
                t -> new CustomerLicenses(t, line.position().customerName())).add(line);
        for (LicenseAction action : line.assessment().actions()) {
            actions.add(new ActionLine(line.position(), action, line.price()));
        }
        if (line.monthlyUnusedCost() != null) {
            unusedCost = unusedCost == null ? line.monthlyUnusedCost() : unusedCost.add(line.monthlyUnusedCost());
        }
    }

    /**
     * Writes the workbook and the page and closes everything; the page is written last, once the rest is complete.
     *
     * @param trends the trend points of the customers the page charts, by tenant id
     */
    public LicenseReportSummary finish(EarlierTotals earlier,
            Function<Collection<String>, Map<String, List<SeatTrendPoint>>> trends) {
        List<CustomerLicenses> byWaste = new ArrayList<>(customers.values());
        byWaste.forEach(c -> c.earlier(earlier.previous(c.tenantId), earlier.monthAgo(c.tenantId)));
        byWaste.sort(CustomerLicenses.BIGGEST_WASTE_FIRST);
        actions.sort(ActionLine.BIGGEST_FIRST);
        String html;
        try (resources) {
            workbook.write(dir.resolve(XLSX), byWaste, facts.prices().currency(), actions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> charted = byWaste.stream().limit(LicensePage.CUSTOMERS_SHOWN).map(c -> c.tenantId).toList();
        HtmlPage page = LicensePage.build(facts, byWaste, actions, skus, unusedCost, trends.apply(charted));
        try {
            page.writeTo(dir.resolve(HTML));
            html = page.html();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LicenseReportSummary(dir, LicensePage.title(facts), customers.size(), skus, actions.size(), unusedCost,
                facts.prices().currency(), html);
    }

    /** A customer's seats, all SKUs together, at earlier imports; null where there was no such import. */
    public interface EarlierTotals {
        SeatCounts previous(String tenantId);

        SeatCounts monthAgo(String tenantId);
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
