package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.application.Reconciler;
import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.state.StoreWriteLock;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Unattended (nightly): plan, write the review report, then apply the plan's PLANNED rows.")
class RunCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Mixin
    PlanOptions planOptions;

    @Mixin
    ApplyOptions applyOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Main.start(store, "run")) {
            // The write lock for the whole run, not only its apply: a run another import or apply would refuse
            // plans nothing in vain, and the plan it applies unreviewed is made on a store no one else is changing.
            return context.getBean(StoreWriteLock.class).whileHeld("run", () -> {
                Reconciler reconciler = context.getBean(Reconciler.class);
                Printer printer = new Printer(spec.commandLine().getOut());
                Reconciler.PlanOutcome plan = PlanCommand.plan(reconciler, planOptions, printer);
                int applied = ApplyCommand.apply(reconciler, plan.planId(), applyOptions.rules(context.getBean(ReconcileSettings.class).guard().rules()),
                        printer,
                        spec.commandLine().getErr());
                if (applied != ExitCodes.OK) {
                    return applied;
                }
                return plan.count("REJECTED") > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
            });
        }
    }
}
