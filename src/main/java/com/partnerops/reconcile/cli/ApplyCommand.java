package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.application.Reconciler;
import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.apply.ApplyRules;
import com.partnerops.reconcile.apply.PlanNotApplicableException;
import com.partnerops.reconcile.apply.TooManyRemovalsException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply exactly the PLANNED rows of a reviewed plan, per user all or nothing, re-checking"
                + " seats and GDAP; users changed since the plan are left alone and reported STALE.")
class ApplyCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Mixin
    ApplyOptions applyOptions;

    @Parameters(paramLabel = "PLAN_ID", description = "The id 'plan' printed.")
    String planId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Main.start(store, "apply " + planId)) {
            return apply(context.getBean(Reconciler.class), planId, applyOptions.rules(context.getBean(ReconcileSettings.class).guard().rules()),
                    new Printer(spec.commandLine().getOut()), spec.commandLine().getErr());
        }
    }

    static int apply(Reconciler reconciler, String planId, ApplyRules rules, Printer printer, PrintWriter err) {
        Reconciler.ApplyOutcome outcome;
        try {
            outcome = reconciler.apply(planId, rules);
        } catch (PlanNotApplicableException e) {
            if (e.alreadyApplied()) {
                printer.line(e.getMessage());
                return ExitCodes.OK;
            }
            Printer.error(err, e.getMessage());
            return ExitCodes.UNUSABLE_INPUT;
        } catch (TooManyRemovalsException e) {
            Printer.error(err, e.getMessage());
            return ExitCodes.TOO_MANY_REMOVALS;
        }
        printer.apply(outcome);
        long notApplied = outcome.count("STALE") + outcome.count("FAILED") + outcome.count("SKIPPED");
        return notApplied > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }
}
