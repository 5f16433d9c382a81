package com.partnerops.reconcile.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs {@code reconcile} commands in this JVM against one throw-away store and reports folder, the way an admin
 * runs them from a shell. The clock is pinned so GDAP end dates and NCE windows judge the samples the same way
 * on any day.
 */
final class Cli {

    static final String NOW = "2026-11-24T09:00:00Z";
    private static final Pattern PLAN_ID = Pattern.compile("^plan: (\\S+)$", Pattern.MULTILINE);

    private final String jdbcUrl;
    private final Path reports;
    private final String now;

    Cli(Path workDir) {
        this(workDir, TestStore.HSQLDB);
    }

    Cli(Path workDir, TestStore store) {
        this(workDir, store, NOW);
    }

    /** Commands run at another time, against the same store and reports. */
    Cli(Path workDir, String now) {
        this(workDir, TestStore.HSQLDB, now);
    }

    Cli(Path workDir, TestStore store, String now) {
        this.jdbcUrl = store.jdbcUrl(workDir.resolve("store"));
        this.reports = workDir.resolve("reports");
        this.now = now;
    }

    record Result(int exitCode, String out, String err) {
        String planId() {
            Matcher matcher = PLAN_ID.matcher(out);
            if (!matcher.find()) {
                throw new AssertionError("no 'plan: <ID>' line in:\n" + out + err);
            }
            return matcher.group(1);
        }
    }

    Result run(String command, String... args) {
        List<String> words = args(command, args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                words.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }

    /**
     * The command line, store and reports options included, for this JVM or another. A command of two words
     * ({@code "report licenses"}) takes the options after both.
     */
    List<String> args(String command, String... args) {
        List<String> words = new ArrayList<>(List.of(command.split(" ")));
        words.addAll(List.of("--db", jdbcUrl(), "--reports", reports.toString(), "--now", now));
        words.addAll(List.of(args));
        return words;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * A Spring context on this store that runs no command, as a long-lived process (a web server) holds one; the
     * caller closes it.
     */
    ConfigurableApplicationContext open(String command) {
        StoreOptions options = new StoreOptions();
        options.db = jdbcUrl;
        options.reports = reports.toString();
        options.now = now;
        return Main.start(options, command);
    }

    /**
     * A connection to the store, as a second program opens it right after a reconcile process was killed: HSQLDB's
     * lock file looks held for about ten seconds after its holder died, so this waits that out.
     */
    Connection connect() throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return DriverManager.getConnection(jdbcUrl(), "SA", "");
            } catch (SQLException e) {
                if (!String.valueOf(e.getMessage()).contains("lock acquisition failure")
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    Path reportDir(String planId) {
        return reports.resolve(planId);
    }

    static Path sample(String name) {
        return Path.of("input-samples").resolve(name);
    }
}
