package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.graph.GraphLogin;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Sign the partner's service user in (device code: open the page printed, enter the code, sign"
                + " in with MFA) and keep the refresh token, owner-only, in reconcile.graph.refresh-token-file for"
                + " import-state --from graph.")
class LoginCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Main.start(store, "login")) {
            Printer printer = new Printer(spec.commandLine().getOut());
            Path kept = context.getBean(GraphLogin.class).signIn(printer::line);
            printer.line("signed in: the refresh token is kept in " + kept + " (owner-only)");
            return ExitCodes.OK;
        }
    }
}
