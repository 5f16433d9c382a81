package com.partnerops.reconcile.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** The sections summary.html and apply-summary.html have in common, so both pages read the same way. */
final class SummaryPage {

    private static final List<String> ROW_COLUMNS =
            List.of("user", "change", "target", "status", "reason", "message", "source");

    private SummaryPage() {
    }

    /** Title, plan facts, counts per status and per reason, and the per-customer table. */
    static HtmlPage start(ReportSummary summary) {
        return new HtmlPage(summary.title())
                .facts(summary.facts())
                .heading("Rows per status")
                .table(List.of("status", "rows"), pairs(summary.statusCounts()), "No rows.")
                .heading("Rows per reason")
                .table(List.of("reason", "rows", "what it means"), summary.reasonCounts().entrySet().stream()
                        .map(e -> List.<Object>of(e.getKey(), e.getValue(), ReasonExplanations.explain(e.getKey())))
                        .toList(), "No row has a reason code.")
                .heading("Per customer")
                .table(ReportSummary.CustomerFigures.HEADER,
                        summary.customers().stream().map(ReportSummary.CustomerFigures::values).toList(),
                        "No customer.");
    }

    /** The sampled rows, and how many more the CSV holds when the sample was cut. */
    static void addRows(HtmlPage page, String heading, RowSample sample, String csvFile) {
        page.heading(heading).table(ROW_COLUMNS, sample.rows().stream().map(SummaryPage::cells).toList(), "None.");
        if (sample.more() > 0) {
            page.paragraph("Showing the first " + RowSample.LIMIT + ". " + sample.more() + " more in " + csvFile + ".");
        }
    }

    private static List<Object> cells(ReportRow row) {
        String source = Objects.toString(row.sourceFile(), "") + (row.sourceRow() > 0 ? ":" + row.sourceRow() : "");
        return Stream.of(row.userPrincipalName(), row.change(), row.target(), row.status(), row.reason(),
                row.message(), source).<Object>map(value -> Objects.toString(value, "")).toList();
    }

    private static List<List<Object>> pairs(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList();
    }
}
