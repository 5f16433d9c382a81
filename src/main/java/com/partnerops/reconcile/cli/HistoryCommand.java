package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.application.History;
import com.partnerops.reconcile.application.HistoryPage;
import com.partnerops.reconcile.application.HistoryQuery;
import com.partnerops.reconcile.apply.AuditHistory;
import com.partnerops.reconcile.domain.TextDamage;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Print the changes applied, from the append-only audit log, newest first: when, who, which"
                + " plan, which GDAP relationship allowed it.")
class HistoryCommand implements Callable<Integer> {

    private static final String LINE = "%-20s  %-12s  %-24s  %-24s  %-36s  %-17s  %-30s  %s%n";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    @Mixin
    StoreOptions store;

    @Option(names = "--customer", paramLabel = "ID", description = "Only this customer (tenant id, domain or name).")
    String customer;

    @Option(names = "--user", paramLabel = "UPN", description = "Only this user.")
    String user;

    @Option(names = "--plan", paramLabel = "PLAN_ID", description = "Only this plan.")
    String planId;

    @Option(names = "--limit", paramLabel = "N", description = "At most N changes, the newest. Default: 200.")
    int limit = 200;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Main.start(store, "history")) {
            HistoryPage page = context.getBean(History.class).find(new HistoryQuery(customer, user, planId, limit));
            List<AuditHistory.Entry> entries = page.entries();
            PrintWriter out = spec.commandLine().getOut();
            if (entries.isEmpty()) {
                out.println("no applied changes match");
                return ExitCodes.OK;
            }
            out.printf(LINE, "applied at (UTC)", "by", "plan", "customer", "user", "change",
                    "target: before -> after", "GDAP relationship");
            // one entry, one line: values are escaped whole, line breaks included
            entries.forEach(e -> out.print(String.format(LINE, WHEN.format(e.appliedAt()),
                    oneLine(e.appliedBy()), oneLine(e.planId()),
                    oneLine(Objects.requireNonNullElse(e.customerName(), e.tenantId())),
                    oneLine(e.userPrincipalName()), oneLine(e.change()), oneLine(describe(e)),
                    oneLine(e.gdapRelationshipId()))));
            if (page.olderExist()) {
                out.println("(only the newest " + limit + " changes are shown; older ones exist: raise --limit)");
            }
            return ExitCodes.OK;
        }
    }

    /** A value from the audit log as the terminal may print it, on one line. */
    private static String oneLine(String value) {
        return TextDamage.forTerminal(Objects.toString(value, "").replace("\n", "\\n").replace("\r", "\\r"));
    }

    private static String describe(AuditHistory.Entry e) {
        String before = Objects.toString(e.before(), "");
        String after = Objects.toString(e.after(), "");
        return before.isEmpty() && after.isEmpty() ? e.target() : e.target() + ": " + before + " -> " + after;
    }
}
