package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.application.Reconciler;
import com.partnerops.reconcile.application.RevertRequest;
import com.partnerops.reconcile.application.Reverter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "revert", mixinStandardHelpOptions = true,
        description = "Undo: make a new plan whose rows restore what an applied plan changed (from the audit log),"
                + " checked like any plan, and write its review. Nothing changes until you apply the new plan.")
class RevertCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "PLAN_ID", description = "The applied plan to take back.")
    String planId;

    @Option(names = "--customer", paramLabel = "ID",
            description = "Only this customer (tenant id, domain or exact name); repeatable.")
    List<String> customers = new ArrayList<>();

    @Option(names = "--user", paramLabel = "UPN", description = "Only this user; repeatable.")
    List<String> users = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Main.start(store, "revert " + planId)) {
            Printer printer = new Printer(spec.commandLine().getOut());
            Reconciler.PlanOutcome plan = context.getBean(Reverter.class)
                    .revert(new RevertRequest(planId, customers, users, describe(), null));
            printer.plan(plan);
            printer.nextStep("review " + plan.reportDir().resolve("summary.html") + ", then: ./reconcile apply "
                    + plan.planId());
            return plan.count("REJECTED") > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
        }
    }

    /** The options as the admin gave them, for the report's first page. */
    private String describe() {
        List<String> words = new ArrayList<>();
        words.add("revert " + planId.trim());
        customers.forEach(c -> words.add("--customer " + c.trim()));
        users.forEach(u -> words.add("--user " + u.trim()));
        return String.join(" ", words);
    }
}
