package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.PriceList;
import com.partnerops.reconcile.domain.SettingNames;
import java.time.Instant;

/**
 * What a license report was made from, for its first lines.
 *
 * @param planId the plan whose seats to buy the report passes on; null when there is none
 * @param settingNames how the page names the settings it suggests (the command line: flags)
 */
public record LicenseReportFacts(Instant madeAt, PriceList prices, String planId, int renewalDays,
        SettingNames settingNames) {
}
