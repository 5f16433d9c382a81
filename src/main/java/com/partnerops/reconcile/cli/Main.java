package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.ReconcileApplication;
import com.partnerops.reconcile.ingest.UnusableInputException;
import com.partnerops.reconcile.state.StoreBusyException;
import com.partnerops.reconcile.state.StoreFileLock;
import java.io.PrintWriter;
import java.time.Duration;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./reconcile COMMAND ...}: the entry point of the jar. */
@Command(name = "reconcile", mixinStandardHelpOptions = true, version = "reconcile 0.1",
        description = "Bulk user, admin-role and license reconciliation for CSP partners: plan from a desired-state"
                + " spreadsheet, review the report, apply exactly what was reviewed.",
        subcommands = {ImportStateCommand.class, PlanCommand.class, ApplyCommand.class, RunCommand.class,
                HistoryCommand.class, UpdateCatalogCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, nothing rejected", "1:internal error",
                "2:input unusable (file, column or option named in the message); nothing planned or applied",
                "3:done, but some changes were rejected, stale or failed: read the report",
                "4:apply refused: the plan removes more than --max-removals / --max-removal-percent allow",
                "5:the store is in use by another reconcile process; nothing was done"})
public class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command and returns its exit code; tests call this instead of {@link #main}. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof StoreBusyException) {
                cmd.getErr().println("error: " + e.getMessage());
                return ExitCodes.STORE_BUSY;
            }
            if (e instanceof UnusableInputException) {
                cmd.getErr().println("error: " + e.getMessage());
                cmd.getErr().println(cmd.getCommandName().equals("import-state") ? "The store is unchanged."
                        : "Nothing was planned or applied.");
                return ExitCodes.UNUSABLE_INPUT;
            }
            cmd.getErr().println("internal error: " + e.getMessage());
            e.printStackTrace(cmd.getErr());
            return ExitCodes.INTERNAL_ERROR;
        });
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCodes.UNUSABLE_INPUT;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command");
    }

    /**
     * One Spring context per command: the store is opened, used and closed. An HSQLDB file store opens in one
     * process at a time, so its {@link StoreFileLock} is taken once the store's URL is known and before anything
     * touches the store, and released last when the context closes, after the pool has closed the database: a
     * process waiting for it ({@code --wait}) then finds the database closed too. The commands that change the
     * store take its write lock themselves, for their operation
     * ({@link com.partnerops.reconcile.state.StoreWriteLock}).
     */
    static ConfigurableApplicationContext start(StoreOptions store, String command) {
        // As command-line properties they outrank application.properties; builder "properties" would not.
        String[] properties = store.properties().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        StoreFileLock[] lock = new StoreFileLock[1];
        try {
            return new SpringApplicationBuilder(ReconcileApplication.class)
                    .listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> lock[0] =
                            StoreFileLock.acquire(event.getEnvironment().getProperty("reconcile.db"), command,
                                    Duration.parse(event.getEnvironment().getRequiredProperty(
                                            "reconcile.lock-wait"))))
                    // Disposable beans are destroyed in the reverse order of their registration: this one last.
                    .initializers(context -> ((DefaultListableBeanFactory) context.getBeanFactory())
                            .registerDisposableBean("storeFileLock", lock[0]::close))
                    .run(properties);
        } catch (RuntimeException e) {
            if (lock[0] != null) {
                lock[0].close();
            }
            throw e;
        }
    }
}
