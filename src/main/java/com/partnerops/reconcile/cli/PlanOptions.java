package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.application.PlanRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code plan} and {@code run} share: the desired files and how to read them. */
public class PlanOptions {

    @Option(names = "--state", paramLabel = "DIR",
            description = "Refresh the store from this current-state snapshot before planning.")
    Path state;

    @Option(names = "--customer", paramLabel = "ID",
            description = "Only this customer (tenant id, domain or exact name); repeatable. With exactly one, the"
                    + " files may leave out the customer column.")
    List<String> customers = new ArrayList<>();

    @Option(names = "--additive", description = "Never remove a license or role; removals are counted, not planned.")
    boolean additive;

    @Option(names = "--sheet", paramLabel = "NAME", description = "The worksheet to read in .xlsx files (default: the first).")
    String sheet;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Desired-state files, CSV or .xlsx, read as one.")
    List<Path> files = new ArrayList<>();

    PlanRequest request() {
        return new PlanRequest(files, sheet, customers, additive, describe());
    }

    /** The options as the admin gave them, for the report's first page. */
    private String describe() {
        List<String> words = new ArrayList<>();
        if (state != null) {
            words.add("--state " + state);
        }
        // trimmed as the look-up trims it: a customer's name or domain, so the plan's record of it stays short
        customers.forEach(c -> words.add("--customer " + c.trim()));
        if (additive) {
            words.add("--additive");
        }
        if (sheet != null) {
            words.add("--sheet " + sheet);
        }
        return String.join(" ", words);
    }
}
