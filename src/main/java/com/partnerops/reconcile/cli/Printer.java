package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.application.Reconciler;
import com.partnerops.reconcile.domain.SettingNames;
import com.partnerops.reconcile.domain.TextDamage;
import com.partnerops.reconcile.report.LicenseReportSummary;
import com.partnerops.reconcile.report.ReportSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * The few lines a command prints: enough to act on, the rest is in the report. Every line goes through
 * {@link TextDamage#forTerminal}: customer names, column names and messages come from files, and a control
 * character in one must not steer the admin's terminal.
 */
class Printer {

    private final PrintWriter out;

    Printer(PrintWriter out) {
        this.out = out;
    }

    /** An error on stderr, the way every command words one. */
    static void error(PrintWriter err, String message) {
        err.println(TextDamage.forTerminal("error: " + SettingNames.COMMAND_LINE.translate(message)));
    }

    void line(String text) {
        out.println(TextDamage.forTerminal(text));
    }

    private void printf(String format, Object... args) {
        out.print(TextDamage.forTerminal(String.format(format, args)));
    }

    void imported(Path dir, Reconciler.ImportOutcome outcome) {
        line("imported " + dir + ": " + String.join(", ", outcome.rowsPerFile()));
    }

    /** A live read: the rows stored, then each customer that kept its previous state and why. */
    void imported(com.partnerops.reconcile.graph.GraphImportOutcome outcome) {
        line("imported graph: " + String.join(", ", outcome.rowsPerKind()));
        for (var customer : outcome.notRefreshed()) {
            line("not refreshed: " + customer.customer().name() + " (" + customer.customer().tenantId() + "): "
                    + customer.reason());
        }
        if (!outcome.notRefreshed().isEmpty()) {
            line(outcome.notRefreshed().size() + " customer" + (outcome.notRefreshed().size() == 1 ? "" : "s")
                    + " kept the state read before; the others were refreshed");
        }
    }

    void plan(Reconciler.PlanOutcome plan) {
        ReportSummary summary = plan.summary();
        line("plan: " + plan.planId());
        if (summary.reverts() != null) {
            line(summary.reverts());
        }
        printf("%s: %d, changes planned: %d, rejected: %d%n", summary.reverts() == null ? "rows read"
                : "applied changes read", summary.rowsRead(), plan.count("PLANNED"), plan.count("REJECTED"));
        summary.warnings().forEach(warning -> line("warning: " + warning));
        if (summary.rowsOutOfScope() > 0) {
            printf("rows for customers outside --customer (not planned): %d%n", summary.rowsOutOfScope());
        }
        customers(summary, "planned", "rejected");
        reasons(summary);
        line("report: " + plan.reportDir());
    }

    void apply(Reconciler.ApplyOutcome apply) {
        line("applied plan: " + apply.planId());
        // skipped only shows when there are some: a directory with transactions (the store) never skips
        printf("changes applied: %d, stale: %d, failed: %d%s%s%n", apply.count("APPLIED"), apply.count("STALE"),
                apply.count("FAILED"), apply.count("SKIPPED") == 0 ? "" : ", skipped: " + apply.count("SKIPPED"),
                apply.count("HANDED_OFF") == 0 ? "" : ", handed off: " + apply.count("HANDED_OFF"));
        customers(apply.summary(), "applied", "not applied");
        reasons(apply.summary());
        line("report: " + apply.reportDir().resolve("apply.csv"));
        if (apply.count("HANDED_OFF") > 0) {
            line("marketplace SaaS seats to make in the publishers' portals: "
                    + apply.reportDir().resolve("saas-handoff.csv"));
        }
    }

    void licenseReport(LicenseReportSummary report) {
        line("license report: " + report.dir());
        printf("customers: %d, SKUs: %d, actions: %d%s%n", report.customers(), report.skus(), report.actions(),
                report.monthlyUnusedCost() == null ? "" : ", unused seats cost a month: "
                        + report.monthlyUnusedCost().toPlainString() + " " + report.currency());
        line("  " + report.htmlFile().getFileName() + ", " + report.xlsx().getFileName() + ", "
                + report.csv().getFileName());
    }

    void nextStep(String text) {
        line("next: " + text);
    }

    private void customers(ReportSummary summary, String doneWord, String notDoneWord) {
        for (ReportSummary.CustomerFigures customer : summary.customers()) {
            printf("  %s%s: %d %s, %d %s, %d users%s%n", customer.customer(),
                    customer.tenantId().isEmpty() ? "" : " (" + customer.tenantId() + ")", customer.planned(),
                    doneWord, customer.rejected(), notDoneWord, customer.usersTouched(),
                    customer.heldBack() > 0 ? ", " + customer.heldBack() + " removals held back by --additive" : "");
        }
    }

    private void reasons(ReportSummary summary) {
        for (Map.Entry<String, Long> reason : summary.reasonCounts().entrySet()) {
            printf("  %-24s %d%n", reason.getKey(), reason.getValue());
        }
    }
}
