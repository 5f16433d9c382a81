package com.partnerops.reconcile.application;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.LicenseAssessment;
import com.partnerops.reconcile.domain.LicenseRules;
import com.partnerops.reconcile.domain.PriceList;
import com.partnerops.reconcile.domain.SeatCounts;
import com.partnerops.reconcile.domain.Setting;
import com.partnerops.reconcile.domain.SettingNames;
import com.partnerops.reconcile.ingest.PriceListFormat;
import com.partnerops.reconcile.ingest.UnusableInputException;
import com.partnerops.reconcile.report.LicenseLine;
import com.partnerops.reconcile.report.LicenseReport;
import com.partnerops.reconcile.report.LicenseReportFacts;
import com.partnerops.reconcile.report.LicenseReportSummary;
import com.partnerops.reconcile.state.Directory;
import com.partnerops.reconcile.state.EarlierSeatCounts;
import com.partnerops.reconcile.state.LicensePositions;
import com.partnerops.reconcile.state.SeatHistory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The license report use case: seats, waste, renewals and reduce windows across the customers, from the current
 * state in the store. Reads only, so it takes no lock and runs beside plans and applies.
 */
@Component
public class LicenseReporting {

    /** Points in a customer's trend chart: its last imports. */
    static final int TREND_POINTS = 30;
    /** The report's second comparison: the latest import at least this old. */
    static final Duration MONTH = Duration.ofDays(30);

    private final Directory directory;
    private final LicensePositions positions;
    private final SeatHistory history;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final SettingNames settingNames;
    private final Path reportsDir;

    public LicenseReporting(Directory directory, LicensePositions positions, SeatHistory history,
            PlatformTransactionManager tx, Clock clock, SettingNames settingNames, ReconcileSettings settings) {
        this.directory = directory;
        this.positions = positions;
        this.history = history;
        this.readOnly = new TransactionTemplate(tx);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.settingNames = settingNames;
        this.reportsDir = Path.of(settings.reports());
    }

    /**
     * Writes license-report.csv, .xlsx and .html.
     *
     * @throws UnusableInputException for an unknown customer, a renewal window below 0 or an unusable price list
     */
    public LicenseReportSummary write(LicenseReportRequest request) {
        if (request.renewalDays() < 0) {
            throw new UnusableInputException(Setting.RENEWAL_DAYS.neutral(), null, 0, null,
                    request.renewalDays() + " is not a number of days (0 or more)");
        }
        List<String> tenants = tenants(request.customers());
        PriceList prices = request.prices() == null ? PriceList.NONE : PriceListFormat.read(request.prices());
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Path dir = request.outDir() != null ? request.outDir() : reportsDir.resolve("licenses").resolve(today.toString());
        LicenseRules rules = new LicenseRules(today, request.renewalDays());
        // One read-only transaction: every figure from the same state, and PostgreSQL streams rather than buffers.
        return readOnly.execute(status -> {
            String planId = positions.latestPlanId();
            EarlierSeatCounts earlier = history.earlierCounts(tenants, now.minus(MONTH));
            LicenseReportFacts facts = new LicenseReportFacts(now, prices, planId, request.renewalDays(),
                    settingNames);
            try (LicenseReport report = LicenseReport.create(dir, facts)) {
                positions.forEach(tenants, planId, earlier, position -> {
                    LicenseAssessment assessment = rules.assess(position);
                    report.add(new LicenseLine(assessment,
                            prices.priceOf(position.sku(), position.productName()).orElse(null)));
                });
                return report.finish(new LicenseReport.EarlierTotals() {
                    @Override
                    public SeatCounts previous(String tenantId) {
                        return earlier.previousTotal(tenantId);
                    }

                    @Override
                    public SeatCounts monthAgo(String tenantId) {
                        return earlier.monthAgoTotal(tenantId);
                    }
                }, charted -> history.trends(charted, TREND_POINTS));
            }
        });
    }

    private List<String> tenants(List<String> references) {
        return CustomerReferences.resolve(directory, references);
    }
}
