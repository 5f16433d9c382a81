package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.SeatTrendPoint;
import com.partnerops.reconcile.domain.Setting;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * license-report.html: what to do first (the biggest actions), the customers by waste with their trend charts.
 * Self-contained, so it reads the same as a mail body. Long lists are cut; the workbook has every row.
 */
final class LicensePage {

    static final int ACTIONS_SHOWN = 100;
    static final int CUSTOMERS_SHOWN = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final List<String> ACTION_COLUMNS = List.of("customer", "SKU", "product", "action", "why",
            "seats", "monthly at stake");
    private static final List<String> CUSTOMER_COLUMNS = List.of("customer", "SKUs", "purchased", "assigned", "free",
            "monthly cost", "unused seats cost", "actions", "assigned since previous import");

    private LicensePage() {
    }

    static String title(LicenseReportFacts facts) {
        return "License report " + DAY.format(facts.madeAt());
    }

    static HtmlPage build(LicenseReportFacts facts, List<CustomerLicenses> customers, List<ActionLine> actions,
            int skus, BigDecimal unusedCost, Map<String, List<SeatTrendPoint>> trends) {
        HtmlPage page = new HtmlPage(title(facts)).facts(facts(facts, customers.size(), skus, actions.size(),
                unusedCost));
        page.heading("Actions worth taking now, biggest first").table(ACTION_COLUMNS,
                actions.stream().limit(ACTIONS_SHOWN).map(LicensePage::actionCells).toList(),
                "Nothing to act on now: no seats to reduce inside a reduce window or before a renewal, no"
                        + " subscription in grace period or suspended with users, no SKU over-assigned.");
        more(page, actions.size(), ACTIONS_SHOWN, "actions", "Actions");
        page.heading("Customers, biggest waste first").table(CUSTOMER_COLUMNS,
                customers.stream().limit(CUSTOMERS_SHOWN).map(LicensePage::customerCells).toList(), "No customer.");
        more(page, customers.size(), CUSTOMERS_SHOWN, "customers", "Customers");
        page.heading("Seats over time (grey: purchased, blue: assigned)");
        customers.stream().limit(CUSTOMERS_SHOWN).forEach(c -> page.trend(String.valueOf(c.name),
                trends.getOrDefault(c.tenantId, List.of())));
        return page;
    }

    private static Map<String, Object> facts(LicenseReportFacts facts, int customers, int skus, int actions,
            BigDecimal unusedCost) {
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("made at", facts.madeAt().toString());
        lines.put("customers", customers);
        lines.put("SKUs", skus);
        lines.put("actions", actions);
        if (facts.prices().given()) {
            lines.put("prices", facts.prices().source() + " (" + facts.prices().currency() + " per seat and month)");
            lines.put("unused seats cost a month", unusedCost == null ? "" : LicenseLine.plain(unusedCost) + " "
                    + facts.prices().currency());
        } else {
            lines.put("prices", "none given, so seat counts only. To see what seats and unused seats cost, add a"
                    + " price list with " + facts.settingNames().of(Setting.PRICES) + " FILE (CSV or .xlsx with"
                    + " columns sku or productName, pricePerSeatMonth, currency).");
        }
        lines.put("seats to buy from", facts.planId() == null ? "no plan yet" : "plan " + facts.planId());
        lines.put("renewal window", facts.renewalDays() + " days");
        lines.put("assigned by group", "not known: the snapshot carries no group-based licensing yet");
        return lines;
    }

    private static List<Object> actionCells(ActionLine a) {
        return Arrays.asList(text(a.position().customerName()), a.position().sku(), text(a.position().productName()),
                a.action().phrase(), a.action().why(), a.action().seats(),
                a.atStake() == null ? "" : LicenseLine.plain(a.atStake()) + " " + a.price().currency());
    }

    private static List<Object> customerCells(CustomerLicenses c) {
        List<Object> values = c.values(null);
        Integer change = c.assignedSincePrevious();
        return Arrays.asList(text(c.name), values.get(2), values.get(3), values.get(4), values.get(5),
                money(values.get(6)), money(values.get(7)), c.actions(),
                change == null ? "" : (change > 0 ? "+" : "") + change);
    }

    private static Object money(Object amount) {
        return amount == null ? "" : amount;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void more(HtmlPage page, int total, int shown, String what, String sheet) {
        if (total > shown) {
            page.paragraph("Showing the first " + shown + " of " + total + " " + what + "; license-report.xlsx"
                    + " (sheet " + sheet + ") and license-report.csv have them all.");
        }
    }
}
