package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Undo: {@code revert PLAN_ID} makes a new plan from what the plan applied, reviewed and applied like any plan, on
 * both stores. The partly applied plan (an apply killed with SIGKILL) is reverted in {@link ApplyProcessTest}.
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class RevertTest {

    @Parameter
    TestStore store;
    @TempDir
    Path work;
    Cli cli;

    @BeforeEach
    void importSamples() {
        cli = new Cli(work, store);
        Cli.Result imported = cli.run("import-state", Cli.sample("state").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    @Test
    void applyingTheRevertOfTheSamplePlanGivesBackTheStoreAsItWasUserByUser() throws Exception {
        List<String> before = StoreContent.of(cli);
        String planId = cli.run("plan", Cli.sample("desired-users.csv").toString(),
                Cli.sample("desired-lycee.xlsx").toString()).planId();
        Cli.Result applied = cli.run("apply", planId);
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        long changesApplied = SampleRunTest.csv(cli.reportDir(planId).resolve("apply.csv")).stream()
                .filter(row -> row.get("status").equals("APPLIED")).count();
        assertThat(StoreContent.of(cli)).isNotEqualTo(before);

        Cli.Result revert = cli.run("revert", planId);

        assertThat(revert.exitCode()).as(revert.out() + revert.err()).isZero();
        String revertId = revert.planId();
        assertThat(revertId).isNotEqualTo(planId);
        assertThat(revert.out()).contains("revert of " + planId + ", applied on 2026-11-24 09:00 UTC by ",
                "applied changes read: " + changesApplied + ", changes planned: " + changesApplied + ", rejected: 0",
                "next: review ", "./reconcile apply " + revertId);
        assertThat(Files.readString(cli.reportDir(revertId).resolve("summary.html")))
                .contains("revert of " + planId + ", applied on 2026-11-24 09:00 UTC by ");
        assertThat(StoreContent.of(cli)).as("a revert is a plan: nothing changes before it is applied")
                .isNotEqualTo(before);
        List<Map<String, String>> rows = SampleRunTest.csv(cli.reportDir(revertId).resolve("plan.csv"));
        assertThat(rows).filteredOn(row -> row.get("userPrincipalName").equals("adele.vance@contoso.com"))
                .extracting(row -> row.get("change") + " " + row.get("target"))
                .containsExactly("REMOVE_LICENSE O365_BUSINESS_ESSENTIALS", "ASSIGN_LICENSE SPB");
        assertThat(rows).filteredOn(row -> row.get("userPrincipalName").equals("pradeep.gupta@contoso.com"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("change")).isEqualTo("SET_ATTRIBUTE");
                    assertThat(row.get("before")).isEqualTo("Finance & Accounting");
                    assertThat(row.get("after")).isEqualTo("Finance");
                    // the row cites the desired row whose change it takes back
                    assertThat(row.get("sourceFile")).endsWith("desired-users.csv");
                    assertThat(row.get("sourceRow")).isEqualTo("5");
                });

        Cli.Result undone = cli.run("apply", revertId);

        assertThat(undone.exitCode()).as(undone.out() + undone.err()).isZero();
        assertThat(undone.out()).contains("changes applied: " + changesApplied + ", stale: 0, failed: 0");
        assertThat(StoreContent.of(cli)).isEqualTo(before);
        try (Connection db = cli.connect()) {
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM audit_log WHERE plan_id = '" + revertId + "'"))
                    .isEqualTo(changesApplied);
        }
    }

    @Test
    void aUserChangedSinceTheApplyIsNotRevertedAndTheRowSaysWhatTheyHoldNow() throws Exception {
        String planId = planAndApply("""
                customer,userPrincipalName,licenses
                Contoso Ltd,alex.wilber@contoso.com,-SPB
                """, """
                customer,userPrincipalName,department
                Contoso Ltd,pradeep.gupta@contoso.com,Finance & Accounting
                Contoso Ltd,lynne.robbins@contoso.com,Planning
                """);
        // after the apply: a later plan gives Alex his license back, and someone edits Pradeep in the tenant
        planAndApply("""
                customer,userPrincipalName,licenses
                Contoso Ltd,alex.wilber@contoso.com,+SPB
                """);
        try (Connection db = cli.connect()) {
            db.createStatement().executeUpdate("UPDATE directory_user SET department = 'Treasury'"
                    + " WHERE upn_key = 'PRADEEP.GUPTA@CONTOSO.COM'");
        }

        Cli.Result revert = cli.run("revert", planId);

        assertThat(revert.exitCode()).as(revert.out() + revert.err()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(revert.out()).contains("changes planned: 1, rejected: 2", "STALE_USER");
        List<Map<String, String>> rows = SampleRunTest.csv(cli.reportDir(revert.planId()).resolve("plan.csv"));
        assertThat(row(rows, "alex.wilber@contoso.com")).satisfies(row -> {
            assertThat(row.get("change") + " " + row.get("status") + " " + row.get("reason"))
                    .isEqualTo("ASSIGN_LICENSE REJECTED STALE_USER");
            assertThat(row.get("message")).contains("holds SPB again (licenses now: SPB)");
        });
        assertThat(row(rows, "pradeep.gupta@contoso.com")).satisfies(row -> {
            assertThat(row.get("reason")).isEqualTo("STALE_USER");
            assertThat(row.get("message")).contains("department is 'Treasury' now (the plan set"
                    + " 'Finance & Accounting')");
        });
        assertThat(row(rows, "lynne.robbins@contoso.com")).satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("PLANNED");
            assertThat(row.get("after")).isEqualTo("Retail");
        });
    }

    @Test
    void aSeatTakenSinceTheRemovalRejectsGivingItBackWithTheBuyAdvice() throws Exception {
        // SPB: 5 bought, 4 held. Alex gives his up; then two new users take the two free seats.
        String planId = planAndApply("""
                customer,userPrincipalName,licenses
                Contoso Ltd,alex.wilber@contoso.com,-SPB
                """);
        planAndApply("""
                customer,userPrincipalName,licenses
                Contoso Ltd,megan.bowen@contoso.com,+SPB
                Contoso Ltd,nestor.wilke@contoso.com,+SPB
                """);

        Cli.Result revert = cli.run("revert", planId);

        assertThat(revert.exitCode()).as(revert.out() + revert.err()).isEqualTo(ExitCodes.SOME_REJECTED);
        Path report = cli.reportDir(revert.planId());
        assertThat(row(SampleRunTest.csv(report.resolve("plan.csv")), "alex.wilber@contoso.com")).satisfies(row -> {
            assertThat(row.get("change") + " " + row.get("reason")).isEqualTo("ASSIGN_LICENSE INSUFFICIENT_SEATS");
            assertThat(row.get("message")).contains("5 purchased, 5 assigned", "buy 1 more seat");
        });
        assertThat(SampleRunTest.csv(report.resolve("seats.csv"))).filteredOn(seat -> seat.get("sku").equals("SPB"))
                .singleElement().satisfies(seat -> assertThat(seat.get("seatsToBuy")).isEqualTo("1"));
    }

    @Test
    void revertingTheRevertRestoresTheOriginalChangeWithTheServicePlansThatWereOff() throws Exception {
        planAndApply("""
                customer,userPrincipalName,disabledPlans
                Contoso Ltd,alex.wilber@contoso.com,SPB:ATP_ENTERPRISE
                """);
        String planId = planAndApply("""
                customer,userPrincipalName,jobTitle,licenses
                Contoso Ltd,alex.wilber@contoso.com,Marketing Lead,-SPB
                """);
        List<String> afterPlan = StoreContent.of(cli);

        String revertId = cli.run("revert", planId).planId();
        List<Map<String, String>> rows = SampleRunTest.csv(cli.reportDir(revertId).resolve("plan.csv"));
        assertThat(rows).extracting(row -> row.get("change") + " " + row.get("target") + " " + row.get("after"))
                .containsExactly("SET_ATTRIBUTE jobTitle Marketing Assistant", "ASSIGN_LICENSE SPB ",
                        "SET_DISABLED_PLANS SPB ATP_ENTERPRISE");
        assertThat(cli.run("apply", revertId).exitCode()).isZero();
        assertThat(StoreContent.of(cli)).isNotEqualTo(afterPlan);

        Cli.Result again = cli.run("revert", revertId);

        assertThat(again.out()).contains("revert of " + revertId + ",");
        assertThat(cli.run("apply", again.planId()).exitCode()).isZero();
        assertThat(StoreContent.of(cli)).isEqualTo(afterPlan);
    }

    @Test
    void customerAndUserOptionsNarrowTheRevertToWhatTheyName() throws Exception {
        String planId = cli.run("plan", Cli.sample("desired-users.csv").toString(),
                Cli.sample("desired-lycee.xlsx").toString()).planId();
        assertThat(cli.run("apply", planId).exitCode()).isZero();

        Cli.Result revert = cli.run("revert", planId, "--customer", "Contoso Ltd", "--user",
                "Johanna.Lorenz@contoso.com", "--user", "HELENE.GARNIER@lyceevictorhugo.fr");

        assertThat(revert.exitCode()).as(revert.out() + revert.err()).isZero();
        assertThat(SampleRunTest.csv(cli.reportDir(revert.planId()).resolve("plan.csv")))
                .extracting(row -> row.get("userPrincipalName") + " " + row.get("target"))
                .containsExactly("johanna.lorenz@contoso.com displayName", "johanna.lorenz@contoso.com department");
        assertThat(Files.readString(cli.reportDir(revert.planId()).resolve("summary.html")))
                .contains("revert " + planId + " --customer Contoso Ltd --user Johanna.Lorenz@contoso.com");
    }

    @Test
    void anUnknownPlanOrOneThatAppliedNothingIsUnusableInputAndMakesNoPlan() throws Exception {
        Cli.Result unknown = cli.run("revert", "20990101T000000Z-000000");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(unknown.err()).contains("plan 20990101T000000Z-000000: no such plan in this store");

        String planned = cli.run("plan", Cli.sample("desired-users.csv").toString()).planId();
        Cli.Result notApplied = cli.run("revert", planned);

        assertThat(notApplied.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(notApplied.err()).contains("plan " + planned + ": applied no change, so there is nothing to"
                + " revert", "Nothing was planned or applied.");
        try (Connection db = cli.connect()) {
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM plan")).isEqualTo(1);
        }
    }

    /** Plans the desired files (one per text) as one and applies the plan; every change must go through. */
    private String planAndApply(String... desiredCsv) throws IOException {
        List<String> files = new ArrayList<>();
        for (String csv : desiredCsv) {
            files.add(Files.writeString(Files.createTempFile(work, "desired", ".csv"), csv, StandardCharsets.UTF_8)
                    .toString());
        }
        Cli.Result plan = cli.run("plan", files.toArray(String[]::new));
        assertThat(plan.out()).as(plan.out() + plan.err()).contains("rejected: 0");
        Cli.Result apply = cli.run("apply", plan.planId());
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        return plan.planId();
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String userPrincipalName) {
        return rows.stream().filter(row -> row.get("userPrincipalName").equals(userPrincipalName)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + userPrincipalName + " in " + rows));
    }
}
