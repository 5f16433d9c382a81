package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.application.Reconciler;
import com.partnerops.reconcile.graph.GraphImportOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import-state", mixinStandardHelpOptions = true,
        description = "Load the current state into the store: from a snapshot folder (customers.csv,"
                + " subscriptions.csv, gdap.csv, users.csv, and optionally active-users/<customer>.csv: Microsoft 365"
                + " admin center Active users exports), or live with --from graph (Partner Center and Microsoft"
                + " Graph). Each customer read is replaced whole; other customers are kept.")
class ImportStateCommand implements Callable<Integer> {

    private static final String GRAPH = "graph";

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The snapshot folder.")
    Path dir;

    @Option(names = "--from", paramLabel = "SOURCE",
            description = "graph: read the customers live from Partner Center and Microsoft Graph (settings"
                    + " reconcile.graph.*, see README) instead of a snapshot folder.")
    String from;

    @Option(names = "--customer", paramLabel = "ID",
            description = "With --from graph: only this customer (tenant id, domain or exact name); repeatable.")
    List<String> customers = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (from != null) {
            return importFromGraph();
        }
        if (dir == null) {
            throw new ParameterException(spec.commandLine(), "name a snapshot folder DIR, or pass --from graph");
        }
        if (!customers.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--customer goes with --from graph: a snapshot folder"
                    + " replaces the customers it holds");
        }
        try (ConfigurableApplicationContext context = Main.start(store, "import-state " + dir)) {
            Reconciler.ImportOutcome outcome = context.getBean(Reconciler.class).importState(dir);
            new Printer(spec.commandLine().getOut()).imported(dir, outcome);
            return ExitCodes.OK;
        }
    }

    private Integer importFromGraph() {
        if (!GRAPH.equals(from)) {
            throw new ParameterException(spec.commandLine(), "--from takes 'graph' (a snapshot folder is named"
                    + " without --from); got '" + from + "'");
        }
        if (dir != null) {
            throw new ParameterException(spec.commandLine(), "name a snapshot folder or pass --from graph, not both");
        }
        try (ConfigurableApplicationContext context = Main.start(store, "import-state --from graph")) {
            Printer printer = new Printer(spec.commandLine().getOut());
            Progress progress = new Progress(spec.commandLine().getErr());
            GraphImportOutcome outcome = context.getBean(Reconciler.class).importFromGraph(customers, progress);
            progress.end();
            printer.imported(outcome);
            return outcome.notRefreshed().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_REJECTED;
        }
    }

    /** "customers read: 12/340" on one line, rewritten as reads finish; only on a terminal, never in a log. */
    private static final class Progress implements java.util.function.BiConsumer<Integer, Integer> {
        private final java.io.PrintWriter err;
        private final boolean terminal = System.console() != null;
        private boolean shown;

        Progress(java.io.PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void accept(Integer read, Integer total) {
            if (terminal) {
                err.print("\rcustomers read: " + read + "/" + total);
                err.flush();
                shown = true;
            }
        }

        synchronized void end() {
            if (shown) {
                err.println();
            }
        }
    }
}
