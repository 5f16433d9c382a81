package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A store that does not answer is named in a line or two (its password masked), in a real process's output. */
class StoreUnreachableTest {

    @Test
    void aStoreThatRefusesTheConnectionIsNamedInTwoLinesWithItsPasswordMasked() throws Exception {
        String url = "jdbc:hsqldb:hsql://127.0.0.1:" + unusedPort() + "/nope;password=hunter2";

        ChildProcess plan = ChildProcess.start(List.of(),
                List.of("plan", "--db", url, Cli.sample("desired-users.csv").toString()));

        assertThat(plan.waitForExit(60)).isEqualTo(ExitCodes.INTERNAL_ERROR);
        String output = plan.output();
        assertThat(output.lines()).as(output).containsExactly(
                "error: cannot open the store " + url.replace("hunter2", "***") + ": Connection refused",
                "Nothing was done. Run again with --debug for the full trace.");
    }

    @Test
    void debugAddsTheTraceButStillNeverThePassword() throws Exception {
        String url = "jdbc:hsqldb:hsql://127.0.0.1:" + unusedPort() + "/nope;password=hunter2";

        ChildProcess history = ChildProcess.start(List.of(), List.of("history", "--debug", "--db", url));

        assertThat(history.waitForExit(60)).isEqualTo(ExitCodes.INTERNAL_ERROR);
        String output = history.output();
        assertThat(output).startsWith("error: cannot open the store").contains("java.net.ConnectException")
                .doesNotContain("hunter2");
    }

    /** A loopback port nobody listens on: taken from the system, then given back. */
    private static int unusedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
