package com.partnerops.reconcile.report;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * What a written license report holds, for the command's lines and the mail's subject.
 *
 * @param title the page's title, which a mail takes as its subject's start
 * @param monthlyUnusedCost what unused seats cost a month in {@code currency}; null without prices
 * @param html the page as written, which a mail sends as its body
 */
public record LicenseReportSummary(Path dir, String title, int customers, int skus, int actions, BigDecimal monthlyUnusedCost,
        String currency, String html) {

    /** "License report 2026-11-24: 4 actions, 87.50 EUR a month in unused seats". */
    public String headline() {
        return title + ": " + actions + (actions == 1 ? " action" : " actions")
                + (monthlyUnusedCost == null ? "" : ", " + LicenseLine.plain(monthlyUnusedCost) + " " + currency
                        + " a month in unused seats");
    }

    public Path csv() {
        return dir.resolve(LicenseReport.CSV);
    }

    public Path xlsx() {
        return dir.resolve(LicenseReport.XLSX);
    }

    public Path htmlFile() {
        return dir.resolve(LicenseReport.HTML);
    }
}
