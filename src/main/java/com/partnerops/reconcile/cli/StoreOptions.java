package com.partnerops.reconcile.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes: where the store and the reports live, how long to wait for it. */
public class StoreOptions {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "The store (current state, plans, audit log, Spring Batch's job repository). Default: an"
                    + " embedded HSQLDB file store under data/, created on first use.")
    String db;

    @Option(names = "--reports", paramLabel = "DIR", description = "Where reports go. Default: reports/")
    String reports;

    @Option(names = "--gdap-policy", paramLabel = "FILE",
            description = "A CSV of which GDAP roles allow which change, replacing the built-in table.")
    String gdapPolicy;

    @Option(names = "--debug", description = "On a store that cannot be opened, print the whole stack trace too.")
    boolean debug;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait up to this long (30s, 10m, 2h) for another reconcile process's import-state, apply or"
                    + " run to let go of the store, instead of exiting 5 at once. On an HSQLDB file store, for any"
                    + " other process that has it open. Default: 0.")
    Duration wait;

    /** Pins the clock, so tests and demos give the same answer on any day. */
    @Option(names = "--now", hidden = true, paramLabel = "INSTANT")
    String now;

    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (db != null) {
            properties.put("reconcile.db", db);
        }
        if (reports != null) {
            properties.put("reconcile.reports", reports);
        }
        if (gdapPolicy != null) {
            properties.put("reconcile.gdap-policy", gdapPolicy);
        }
        if (wait != null) {
            properties.put("reconcile.lock-wait", wait.toString());
        }
        if (now != null) {
            properties.put("reconcile.now", now);
        }
        return properties;
    }
}
