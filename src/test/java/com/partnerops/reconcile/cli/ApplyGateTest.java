package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply refuses, before changing anything, a plan it should not run; history shows what it did run. */
class ApplyGateTest {

    @TempDir
    Path work;
    Cli cli;
    String planId;

    @BeforeEach
    void planTheSamples() {
        cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
        planId = cli.run("plan", Cli.sample("desired-users.csv").toString()).planId();
    }

    @Test
    void aPlanOlderThanTheMaximumAgeIsRefused() throws Exception {
        Cli later = new Cli(work, "2026-11-26T09:00:00Z");

        Cli.Result refused = later.run("apply", planId);

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(refused.err()).contains("was made 2 days ago", "older than 24 h", "--max-plan-age");
        assertThat(auditRows()).isZero();

        Cli.Result accepted = later.run("apply", "--max-plan-age", "3d", planId);
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(auditRows()).isPositive();
    }

    @Test
    void aPlanAlteredInTheStoreAfterReviewIsRefused() throws Exception {
        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "")) {
            db.createStatement().executeUpdate("UPDATE plan_line SET target = 'ENTERPRISEPACK' WHERE plan_id = '"
                    + planId + "' AND status = 'PLANNED' AND change_kind = 'ASSIGN_LICENSE' AND target = 'SPB'");
        }

        Cli.Result refused = cli.run("apply", planId);

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(refused.err()).contains("altered in the store", "Plan again");
        assertThat(auditRows()).isZero();
    }

    @Test
    void anEditedReviewFileIsRefused() throws Exception {
        Path review = cli.reportDir(planId).resolve("plan.csv");
        String text = Files.readString(review, StandardCharsets.UTF_8);
        Files.writeString(review, text.replace("REJECTED,SOFTWARE_PURCHASE", "PLANNED,"), StandardCharsets.UTF_8);

        Cli.Result refused = cli.run("apply", planId);

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(refused.err()).contains("plan.csv was edited", "change the input files and plan again");
        assertThat(auditRows()).isZero();
    }

    @Test
    void tooManyRemovalsForACustomerApplyNothingAndExitFourUnlessAllowed() throws Exception {
        // The samples remove two Contoso licenses (Adele's SPB, Grady's Exchange) and one Fabrikam SaaS seat.
        Cli.Result guarded = cli.run("apply", "--max-removals", "1", planId);

        assertThat(guarded.exitCode()).isEqualTo(ExitCodes.TOO_MANY_REMOVALS);
        assertThat(guarded.err()).contains("Contoso Ltd (0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e): 2 removals",
                "--max-removals 1", "--allow-large-removals").doesNotContain("Fabrikam");
        assertThat(auditRows()).isZero();

        Cli.Result byPercent = cli.run("apply", "--max-removal-percent", "5", planId);
        assertThat(byPercent.exitCode()).isEqualTo(ExitCodes.TOO_MANY_REMOVALS);
        assertThat(byPercent.err()).contains("Fabrikam Inc", "% of the", "--max-removal-percent 5");
        assertThat(auditRows()).isZero();

        Cli.Result allowed = cli.run("apply", "--max-removals", "1", "--allow-large-removals", planId);
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(auditRows()).isPositive();
    }

    @Test
    void historyListsAppliedChangesNewestFirstAndTheAuditLogCannotBeRewritten() throws Exception {
        assertThat(cli.run("apply", planId).exitCode()).isZero();

        Cli.Result history = cli.run("history", "--customer", "fabrikam.onmicrosoft.com");

        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).contains("Fabrikam Inc", planId, "fabrikam-gdap-licensing",
                "ASSIGN_SAAS_SEAT", "carla.rossi@fabrikam.com").doesNotContain("Contoso");
        Cli.Result oneUser = cli.run("history", "--user", "Johanna.Lorenz@contoso.com");
        assertThat(oneUser.out().lines().filter(l -> l.contains("johanna.lorenz@contoso.com"))).hasSize(2);
        assertThat(oneUser.out()).contains("displayName: Johanna Lorenz -> Johanna Lorenz (Engineering)");

        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "")) {
            // 45000: the SIGNAL of the store's append-only triggers
            assertThatThrownBy(() -> db.createStatement().executeUpdate("UPDATE audit_log SET applied_by = 'x'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("45000"));
            assertThatThrownBy(() -> db.createStatement().executeUpdate("DELETE FROM audit_log"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("45000"));
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM audit_log WHERE applied_by = 'x'")).isZero();
        }
    }

    private long auditRows() throws SQLException {
        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "")) {
            return SampleRunTest.count(db, "SELECT COUNT(*) FROM audit_log");
        }
    }
}
