package com.partnerops.reconcile.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes: where the store and the reports live. */
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
        if (now != null) {
            properties.put("reconcile.now", now);
        }
        return properties;
    }
}
