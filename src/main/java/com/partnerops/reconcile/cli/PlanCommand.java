package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.application.Reconciler;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Dry run: diff the desired FILEs against current state and write the review report."
                + " Nothing in any tenant changes.")
class PlanCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Mixin
    PlanOptions planOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Main.start(store, "plan")) {
            Printer printer = new Printer(spec.commandLine().getOut());
            Reconciler.PlanOutcome plan = plan(context.getBean(Reconciler.class), planOptions, printer);
            printer.nextStep("review " + plan.reportDir().resolve("summary.html") + ", then: ./reconcile apply "
                    + plan.planId());
            return plan.count("REJECTED") > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
        }
    }

    /** What {@code plan} and {@code run} both do first: refresh the store if asked, plan, print the summary. */
    static Reconciler.PlanOutcome plan(Reconciler reconciler, PlanOptions options, Printer printer) {
        if (options.state != null) {
            printer.imported(options.state, reconciler.importState(options.state));
        }
        Reconciler.PlanOutcome plan = reconciler.plan(options.request());
        printer.plan(plan);
        return plan;
    }
}
