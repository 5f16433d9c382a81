package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.ReconcileApplication;
import com.partnerops.reconcile.domain.TextDamage;
import com.partnerops.reconcile.graph.LiveReadUnavailableException;
import com.partnerops.reconcile.ingest.UnusableInputException;
import com.partnerops.reconcile.state.StoreBusyException;
import com.partnerops.reconcile.state.StoreFileLock;
import com.partnerops.reconcile.state.StoreUnreachableException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
        subcommands = {ImportStateCommand.class, LoginCommand.class, PlanCommand.class, ApplyCommand.class,
                RunCommand.class, RevertCommand.class, HistoryCommand.class, ReportCommand.class,
                AccountCommand.class, ServeCommand.class, UpdateCatalogCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, nothing rejected", "1:internal error",
                "2:input unusable (file, column or option named in the message); nothing planned or applied",
                "3:done, but some changes were rejected, stale or failed: read the report",
                "4:apply refused: the plan removes more than --max-removals / --max-removal-percent allow",
                "5:the store is in use by another reconcile process; nothing was done",
                "6:report licenses: the report was written but the mail could not be sent"})
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
                Printer.error(cmd.getErr(), e.getMessage());
                return ExitCodes.STORE_BUSY;
            }
            if (e instanceof UnusableInputException) {
                Printer.error(cmd.getErr(), e.getMessage());
                cmd.getErr().println(cmd.getCommandName().equals("import-state") ? "The store is unchanged."
                        : "Nothing was planned or applied.");
                return ExitCodes.UNUSABLE_INPUT;
            }
            if (e instanceof LiveReadUnavailableException unavailable) {
                Printer.error(cmd.getErr(), e.getMessage());
                cmd.getErr().println("The store is unchanged.");
                return unavailable.badSettings() ? ExitCodes.UNUSABLE_INPUT : ExitCodes.INTERNAL_ERROR;
            }
            if (e instanceof StoreUnreachableException) {
                Printer.error(cmd.getErr(), e.getMessage());
                if (debug(parsed)) {
                    e.printStackTrace(cmd.getErr());
                } else {
                    cmd.getErr().println("Nothing was done. Run again with --debug for the full trace.");
                }
                return ExitCodes.INTERNAL_ERROR;
            }
            cmd.getErr().println(TextDamage.forTerminal("internal error: " + e.getMessage()));
            e.printStackTrace(cmd.getErr());
            return ExitCodes.INTERNAL_ERROR;
        });
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            Printer.error(e.getCommandLine().getErr(), e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCodes.UNUSABLE_INPUT;
        });
        return commandLine.execute(args);
    }

    private static boolean debug(CommandLine.ParseResult parsed) {
        return parsed.asCommandLineList().stream().anyMatch(c -> c.getParseResult().hasMatchedOption("--debug"));
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
        return start(store, command, Map.of());
    }

    /** @param more further properties for this command, e.g. those that make the context a web server */
    static ConfigurableApplicationContext start(StoreOptions store, String command, Map<String, String> more) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(store, command, more);
            } catch (StoreUnreachableException e) {
                if (!e.heldByAProcessThatDied() || attempt == STALE_LOCK_ATTEMPTS) {
                    throw e;
                }
                pause(STALE_LOCK_PAUSE_MILLIS);
            }
        }
    }

    /**
     * HSQLDB's own lock file outlives a killed process by about ten seconds (its heartbeat looks fresh until then).
     * This process holds the store's operating-system lock, so nobody else is using the files: wait it out.
     */
    private static final int STALE_LOCK_ATTEMPTS = 8;
    private static final long STALE_LOCK_PAUSE_MILLIS = 2000;

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store", e);
        }
    }

    private static ConfigurableApplicationContext startOnce(StoreOptions store, String command,
            Map<String, String> more) {
        // As command-line properties they outrank application.properties; builder "properties" would not.
        Map<String, String> all = new LinkedHashMap<>(store.properties());
        all.putAll(more);
        String[] properties = all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        StoreFileLock[] lock = new StoreFileLock[1];
        String[] url = new String[1];
        try {
            return new SpringApplicationBuilder(ReconcileApplication.class)
                    .listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
                        url[0] = event.getEnvironment().getProperty("reconcile.db");
                        lock[0] = StoreFileLock.acquire(url[0], command,
                                Duration.parse(event.getEnvironment().getRequiredProperty("reconcile.lock-wait")));
                    })
                    // Disposable beans are destroyed in the reverse order of their registration: this one last.
                    .initializers(context -> ((DefaultListableBeanFactory) context.getBeanFactory())
                            .registerDisposableBean("storeFileLock", lock[0]::close))
                    .run(properties);
        } catch (RuntimeException e) {
            if (lock[0] != null) {
                lock[0].close();
            }
            throw StoreUnreachableException.of(e, url[0]).orElseThrow(() -> e);
        }
    }
}
