package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real processes on one store (HSQLDB files, a PostgreSQL database): an apply killed with SIGKILL half-way resumes
 * and applies every change exactly once; two applies at once, one proceeds and the other refuses.
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class ApplyProcessTest {

    private static final int USERS = 2000;
    private static final String TENANT = "11111111-2222-4333-8444-555555555555";
    private static final Pattern DONE = Pattern.compile("apply \\S+: (\\d+) users done");

    @Parameter
    TestStore store;
    @TempDir
    Path work;
    Cli cli;
    String planId;

    /**
     * Every user moves from one product to another: two changes each, a seat freed and a seat taken. 2,000 removals
     * are over the blast-radius guard's default, so the applies say --allow-large-removals.
     */
    @BeforeEach
    void planAMoveOfThousandsOfUsers() throws IOException {
        Path state = Files.createDirectories(work.resolve("state"));
        Files.writeString(state.resolve("customers.csv"), "tenantId,domain,name\n"
                + TENANT + ",tailspin.onmicrosoft.com,Tailspin Toys\n", StandardCharsets.UTF_8);
        Files.writeString(state.resolve("subscriptions.csv"), "tenantId,subscriptionId,skuPartNumber,productName,"
                + "kind,program,quantity,status,commitmentStart,termEnd,assignedDisplay\n"
                + TENANT + ",s1,O365_BUSINESS_PREMIUM,Microsoft 365 Business Standard,LICENSE,NCE," + USERS
                + ",active,2026-01-01,2026-12-31,Unavailable\n"
                + TENANT + ",s2,SPB,Microsoft 365 Business Premium,LICENSE,NCE," + USERS
                + ",active,2026-01-01,2026-12-31,Unavailable\n", StandardCharsets.UTF_8);
        Files.writeString(state.resolve("gdap.csv"), "tenantId,relationshipId,status,endDateTime,roles\n"
                + TENANT + ",tailspin-gdap,active,2028-01-01T00:00:00Z,License Administrator\n",
                StandardCharsets.UTF_8);
        Path desired = work.resolve("desired.csv");
        try (BufferedWriter users = Files.newBufferedWriter(state.resolve("users.csv"), StandardCharsets.UTF_8);
                BufferedWriter rows = Files.newBufferedWriter(desired, StandardCharsets.UTF_8)) {
            users.write("tenantId,userPrincipalName,displayName,usageLocation,licenses\n");
            rows.write("userPrincipalName,licenses\n");
            for (int i = 0; i < USERS; i++) {
                users.write(TENANT + ",user" + i + "@tailspin.com,User " + i + ",US,O365_BUSINESS_PREMIUM\n");
                rows.write("user" + i + "@tailspin.com,-O365_BUSINESS_PREMIUM;+SPB\n");
            }
        }
        cli = new Cli(work, store);
        assertThat(cli.run("import-state", state.toString()).exitCode()).isZero();
        Cli.Result plan = cli.run("plan", "--customer", "Tailspin Toys", desired.toString());
        assertThat(plan.out()).contains("changes planned: " + 2 * USERS + ",");
        planId = plan.planId();
    }

    @Test
    void anApplyKilledHalfWayResumesAndAppliesEveryChangeExactlyOnce() throws Exception {
        ChildProcess apply = ChildProcess.start(List.of("-Dreconcile.apply.users-per-chunk=20"),
                cli.args("apply", "--allow-large-removals", planId));
        long printed = usersDone(apply.awaitLine(line -> usersDone(line) >= 200, 60));
        apply.kill();

        try (Connection db = open()) {
            // the progress line is logged once its chunk has committed: what it said is true after the kill
            long done = count(db, "SELECT COUNT(*) FROM plan_user WHERE apply_status = 'APPLIED'");
            assertThat(done).as("users applied before the kill").isBetween(printed, USERS - 1L);
            assertEveryUserHoldsExactlyOneOfTheTwo(db);
            assertThat(count(db, "SELECT COUNT(*) FROM audit_log")).isEqualTo(2 * done);
        }

        Cli.Result resumed = cli.run("apply", planId);

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("changes applied: " + 2 * USERS + ",");
        try (Connection db = open()) {
            assertThat(count(db, "SELECT COUNT(*) FROM user_license WHERE sku = 'SPB'")).isEqualTo(USERS);
            assertThat(count(db, "SELECT COUNT(*) FROM user_license WHERE sku = 'O365_BUSINESS_PREMIUM'")).isZero();
            assertEveryUserHoldsExactlyOneOfTheTwo(db);
            // change by change: each of the 4,000 reviewed changes audited once, none twice, none missing
            assertThat(count(db, "SELECT COUNT(*) FROM audit_log")).isEqualTo(2 * USERS);
            assertThat(count(db, "SELECT COUNT(*) FROM (SELECT upn, change_kind, target FROM audit_log"
                    + " GROUP BY upn, change_kind, target HAVING COUNT(*) <> 1) AS audited")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM plan_line l WHERE l.status = 'PLANNED' AND NOT EXISTS"
                    + " (SELECT 1 FROM audit_log a WHERE a.upn = l.upn AND a.change_kind = l.change_kind"
                    + " AND a.target = l.target)")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM apply_line WHERE status = 'APPLIED'")).isEqualTo(2 * USERS);
            // one job instance: the killed execution, recovered as failed, then its restart
            assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'applyJob'")).isEqualTo(2);
        }
        assertThat(SampleRunTest.csv(cli.reportDir(planId).resolve("apply.csv"))).hasSize(2 * USERS)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("APPLIED"));
    }

    @Test
    void theRevertOfAnApplyKilledHalfWayTakesBackWhatWasAppliedAndNothingElse() throws Exception {
        List<String> beforeApply = StoreContent.of(cli);
        ChildProcess apply = ChildProcess.start(List.of("-Dreconcile.apply.users-per-chunk=20"),
                cli.args("apply", "--allow-large-removals", planId));
        apply.awaitLine(line -> usersDone(line) >= 200, 60);
        apply.kill();
        long done;
        try (Connection db = open()) {
            done = count(db, "SELECT COUNT(*) FROM plan_user WHERE apply_status = 'APPLIED'");
        }
        assertThat(done).isBetween(200L, USERS - 1L);

        Cli.Result revert = cli.run("revert", planId);

        // from the audit, never from the plan: only the users the killed apply reached
        assertThat(revert.exitCode()).as(revert.out() + revert.err()).isZero();
        assertThat(revert.out()).contains("applied changes read: " + 2 * done + ", changes planned: " + 2 * done
                + ", rejected: 0");
        Cli.Result undone = cli.run("apply", "--allow-large-removals", revert.planId());
        assertThat(undone.exitCode()).as(undone.out() + undone.err()).isZero();
        assertThat(StoreContent.of(cli)).isEqualTo(beforeApply);
    }

    @Test
    void twoAppliesAtOnceOneProceedsTheOtherRefusesAndNothingIsAppliedTwice() throws Exception {
        // The first is paused while the others start, so it still holds the store however slowly they start on a
        // busy machine (on PostgreSQL they are refused only once their context has started; a store whose schema
        // is current takes no lock to start, so they do not wait behind the paused apply's transaction).
        ChildProcess first = ChildProcess.start(List.of("-Dreconcile.apply.users-per-chunk=1"),
                cli.args("apply", "--allow-large-removals", planId));
        first.awaitLine(line -> usersDone(line) >= 10, 60);
        first.pause();

        ChildProcess second = ChildProcess.start(List.of(), cli.args("apply", "--allow-large-removals", planId));
        ChildProcess third = ChildProcess.start(List.of(), cli.args("run", "--customer", "Tailspin Toys",
                work.resolve("desired.csv").toString()));
        int refused = second.waitForExit(60);
        int refusedRun = third.waitForExit(60);
        first.resume();
        int proceeded = first.waitForExit(120);

        assertThat(refused).as(second.output()).isEqualTo(ExitCodes.STORE_BUSY);
        assertThat(second.output()).contains("is in use by another reconcile process", "apply " + planId,
                "nothing was done");
        assertThat(refusedRun).as(third.output()).isEqualTo(ExitCodes.STORE_BUSY);
        assertThat(proceeded).as(first.output()).isZero();
        try (Connection db = open()) {
            assertThat(count(db, "SELECT COUNT(*) FROM audit_log")).isEqualTo(2 * USERS);
            assertThat(count(db, "SELECT COUNT(*) FROM plan")).as("the refused run planned nothing").isEqualTo(1);
            assertEveryUserHoldsExactlyOneOfTheTwo(db);
        }
    }

    private static int usersDone(String line) {
        Matcher matcher = DONE.matcher(line);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** Per user all or nothing: never both licenses, never neither. */
    private static void assertEveryUserHoldsExactlyOneOfTheTwo(Connection db) throws SQLException {
        assertThat(count(db, "SELECT COUNT(*) FROM directory_user u WHERE (SELECT COUNT(*) FROM user_license l"
                + " WHERE l.upn_key = u.upn_key AND l.sku IN ('SPB', 'O365_BUSINESS_PREMIUM')) <> 1")).isZero();
    }

    private Connection open() throws SQLException {
        return cli.connect();
    }

    private static long count(Connection db, String sql) throws SQLException {
        return SampleRunTest.count(db, sql);
    }
}
