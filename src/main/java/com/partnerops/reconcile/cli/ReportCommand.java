package com.partnerops.reconcile.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code reconcile report KIND}: reports from the current state, apart from a plan's own review. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports from the current state in the store.",
        subcommands = {LicenseReportCommand.class})
class ReportCommand implements Runnable {

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a report: licenses");
    }
}
