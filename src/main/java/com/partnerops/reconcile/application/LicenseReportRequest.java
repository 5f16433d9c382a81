package com.partnerops.reconcile.application;

import java.nio.file.Path;
import java.util.List;

/**
 * What license report to write.
 *
 * @param customers tenant ids, domains or names; empty for every customer
 * @param prices a price list (CSV or .xlsx), or null for seat counts only
 * @param outDir where the files go, or null for {@code <reports>/licenses/<date>/}
 * @param renewalDays unused seats become an action this many days before their term ends
 */
public record LicenseReportRequest(List<String> customers, Path prices, Path outDir, int renewalDays) {

    public static final int DEFAULT_RENEWAL_DAYS = 30;

    public LicenseReportRequest {
        customers = List.copyOf(customers);
    }
}
