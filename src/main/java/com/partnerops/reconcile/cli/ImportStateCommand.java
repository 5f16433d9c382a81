package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.application.Reconciler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import-state", mixinStandardHelpOptions = true,
        description = "Load a current-state snapshot (customers.csv, subscriptions.csv, gdap.csv, users.csv, and"
                + " optionally active-users/<customer>.csv: Microsoft 365 admin center Active users exports) into"
                + " the store. The snapshot's customers are replaced whole; other customers are kept.")
class ImportStateCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "DIR", description = "The snapshot folder.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Main.start(store, "import-state " + dir)) {
            Reconciler.ImportOutcome outcome = context.getBean(Reconciler.class).importState(dir);
            new Printer(spec.commandLine().getOut()).imported(dir, outcome);
            return ExitCodes.OK;
        }
    }
}
