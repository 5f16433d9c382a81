package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Between plan and apply the tenant moves on: apply must notice, per user, and touch nothing it did not review. */
class ApplyDriftTest {

    private static final String CONTOSO = "0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e";

    @TempDir
    Path work;
    Cli cli;

    @BeforeEach
    void importSamples() {
        cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
    }

    @Test
    void aUserChangedAfterThePlanIsStaleAndUntouchedWhileOthersAreApplied() throws Exception {
        Path desired = Files.writeString(work.resolve("desired.csv"), """
                customer,userPrincipalName,jobTitle,licenses
                Contoso Ltd,megan.bowen@contoso.com,Head of Marketing,SPB
                Contoso Ltd,nestor.wilke@contoso.com,,O365_BUSINESS_ESSENTIALS
                """, StandardCharsets.UTF_8);
        String planId = cli.run("plan", desired.toString()).planId();
        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "")) {
            db.createStatement().executeUpdate("UPDATE directory_user SET job_title = 'CMO'"
                    + " WHERE upn_key = 'MEGAN.BOWEN@CONTOSO.COM'");
        }

        Cli.Result apply = cli.run("apply", planId);

        assertThat(apply.exitCode()).isEqualTo(ExitCodes.SOME_REJECTED);
        List<Map<String, String>> rows = SampleRunTest.csv(cli.reportDir(planId).resolve("apply.csv"));
        assertThat(rows).filteredOn(r -> r.get("userPrincipalName").startsWith("megan")).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.get("status")).isEqualTo("STALE");
                    assertThat(r.get("reason")).isEqualTo("STALE_USER");
                });
        assertThat(rows).filteredOn(r -> r.get("userPrincipalName").startsWith("nestor")).singleElement()
                .satisfies(r -> assertThat(r.get("status")).isEqualTo("APPLIED"));
        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "")) {
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM user_license"
                    + " WHERE upn_key = 'MEGAN.BOWEN@CONTOSO.COM'")).isZero();
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM directory_user"
                    + " WHERE upn_key = 'MEGAN.BOWEN@CONTOSO.COM' AND job_title = 'CMO'")).isEqualTo(1);
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM audit_log WHERE upn LIKE 'megan%'")).isZero();
        }
    }

    @Test
    void seatsTakenSinceThePlanFailTheAssignmentInsteadOfOverselling() throws Exception {
        // SPB: 5 bought, 4 held. The plan gives the last seat to Megan.
        Path desired = Files.writeString(work.resolve("desired.csv"), """
                customer,userPrincipalName,licenses
                Contoso Ltd,megan.bowen@contoso.com,+SPB
                """, StandardCharsets.UTF_8);
        String planId = cli.run("plan", desired.toString()).planId();
        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "")) {
            // Meanwhile someone assigns it in the portal to a user the plan does not touch.
            db.createStatement().executeUpdate("INSERT INTO user_license (tenant_id, upn_key, sku) VALUES ('"
                    + CONTOSO + "', 'PRADEEP.GUPTA@CONTOSO.COM', 'SPB')");
        }

        Cli.Result apply = cli.run("apply", planId);

        assertThat(apply.exitCode()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(SampleRunTest.csv(cli.reportDir(planId).resolve("apply.csv"))).singleElement().satisfies(r -> {
            assertThat(r.get("status")).isEqualTo("FAILED");
            assertThat(r.get("reason")).isEqualTo("INSUFFICIENT_SEATS");
            assertThat(r.get("message")).contains("buy 1 more seat");
        });
        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "")) {
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM user_license WHERE sku = 'SPB'")).isEqualTo(5);
        }
    }

    @Test
    void runPlansAndAppliesInOneGoAndReportsRejectionsWithExitThree() {
        Cli.Result run = cli.run("run", Cli.sample("desired-users.csv").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(run.out()).contains("plan: ", "applied plan: ", "stale: 0, failed: 0");
        assertThat(cli.reportDir(run.planId()).resolve("apply.csv")).isNotEmptyFile();
    }
}
