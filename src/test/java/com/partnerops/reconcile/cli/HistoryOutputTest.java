package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code history} prints is for a terminal: values from the audit log are shown, never obeyed. */
class HistoryOutputTest {

    @TempDir
    Path work;

    /**
     * A job title applied before control characters were refused (the audit log keeps it forever): printing it
     * raw would retitle the admin's terminal and clear the screen. It is printed escaped, on its one line.
     */
    @Test
    void controlCharactersInAnAuditedValueArePrintedEscaped() throws Exception {
        Cli cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "");
                PreparedStatement insert = db.prepareStatement("INSERT INTO audit_log (plan_id, applied_at,"
                        + " tenant_id, upn, change_kind, target, before_value, after_value, gdap_relationship_id,"
                        + " applied_by) VALUES (?, TIMESTAMP '2026-11-20 10:00:00+00:00', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[] values = {"20261120T095900Z-0a0b0c", "0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e",
                "adele.vance@contoso.com", "SET_ATTRIBUTE", "jobTitle", "Retail Manager",
                "\u001b]0;owned\u0007Store\nManager\u001b[2J", "contoso-gdap-ops", "ops"};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }

        Cli.Result history = cli.run("history");

        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).doesNotContain("\u001b", "\u0007");
        assertThat(history.out().lines().filter(line -> line.contains("adele.vance@contoso.com")).toList())
                .singleElement().asString().contains("jobTitle: Retail Manager ->"
                        + " \\u001b]0;owned\\u0007Store\\nManager\\u001b[2J");
    }
}
