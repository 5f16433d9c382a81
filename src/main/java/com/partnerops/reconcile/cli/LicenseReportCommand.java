package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.application.LicenseReportMailer;
import com.partnerops.reconcile.application.LicenseReportRequest;
import com.partnerops.reconcile.application.LicenseReporting;
import com.partnerops.reconcile.ingest.UnusableInputException;
import com.partnerops.reconcile.report.LicenseReportSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.MailException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "licenses", mixinStandardHelpOptions = true,
        description = "Seats, waste, renewals and reduce windows per customer and SKU, from the current state:"
                + " license-report.csv, .xlsx and .html; optionally mailed (SMTP: spring.mail.* settings).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report is written (and mailed, when asked)", "1:internal error",
                "2:input unusable: unknown --customer, unusable price list; no report written",
                "5:the store is in use by another reconcile process; nothing was done",
                "6:the report is written, but the mail was not sent (the message has the server's reply)"})
class LicenseReportCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = "--customer", paramLabel = "ID",
            description = "Only this customer (tenant id, domain or exact name); repeatable. Default: every customer.")
    List<String> customers = new ArrayList<>();

    @Option(names = "--prices", paramLabel = "FILE", description = "A price list, CSV or .xlsx: sku (or productName),"
            + " pricePerSeatMonth, currency. Without it the report shows seat counts only.")
    Path prices;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the report goes. Default: <reports>/licenses/<date>/")
    Path out;

    @Option(names = "--mail-to", paramLabel = "ADDR", description = "Mail the report (HTML body, .xlsx attached) to"
            + " this address; repeatable. The SMTP server is set with spring.mail.host, port, username, password.")
    List<String> mailTo = new ArrayList<>();

    @Option(names = "--renewal-days", paramLabel = "N", description = "Unused seats are an action this many days"
            + " before their term ends. Default: " + LicenseReportRequest.DEFAULT_RENEWAL_DAYS + ".")
    int renewalDays = LicenseReportRequest.DEFAULT_RENEWAL_DAYS;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Main.start(store, "report licenses")) {
            LicenseReportSummary report;
            try {
                report = context.getBean(LicenseReporting.class)
                        .write(new LicenseReportRequest(customers, prices, out, renewalDays));
            } catch (UnusableInputException e) {
                Printer.error(spec.commandLine().getErr(), e.getMessage());
                spec.commandLine().getErr().println("No report was written.");
                return ExitCodes.UNUSABLE_INPUT;
            }
            Printer printer = new Printer(spec.commandLine().getOut());
            printer.licenseReport(report);
            if (mailTo.isEmpty()) {
                return ExitCodes.OK;
            }
            LicenseReportMailer mailer = context.getBean(LicenseReportMailer.class);
            try {
                mailer.send(report, mailTo);
            } catch (MailException e) {
                Printer.error(spec.commandLine().getErr(), "the report is written to " + report.dir()
                        + ", but the mail to " + String.join(", ", mailTo) + " was not sent: " + mailer.describe(e));
                return ExitCodes.MAIL_NOT_SENT;
            }
            printer.line("mailed to: " + String.join(", ", mailTo));
            return ExitCodes.OK;
        }
    }
}
