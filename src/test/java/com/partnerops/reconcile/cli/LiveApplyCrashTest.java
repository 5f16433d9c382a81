package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.testsupport.graph.GraphEmulator;
import com.partnerops.reconcile.testsupport.graph.TestTls;
import com.partnerops.reconcile.testsupport.graph.WriteLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A live apply in a JVM of its own, killed with SIGKILL again and again at the moment the tenant has made a change
 * and before its answer reaches the job, then resumed: from the emulator's own write log, every planned change took
 * effect exactly once, and the store's audit says each once.
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class LiveApplyCrashTest {

    private static final int CUSTOMERS = 2;
    private static final int USERS = 20;
    /** Three calls per user: the PATCH of the department, one assignLicense, one role assignment. */
    private static final int CHANGES = CUSTOMERS * USERS * 3;

    @Parameter
    TestStore store;
    @TempDir
    Path work;
    GraphEmulator emulator;
    Cli cli;
    Map<String, String> settings;
    String refreshToken;

    @BeforeEach
    void readTheTenantsLiveAndPlan() throws Exception {
        TestTls.shared();
        StringBuilder desired = new StringBuilder();
        emulator = LiveReadFixture.crowd(CUSTOMERS, USERS, desired);
        settings = LiveReadFixture.settings(emulator, work);
        settings.forEach(System::setProperty);
        refreshToken = emulator.signIn();
        System.setProperty("reconcile.graph.refresh-token", refreshToken);
        cli = new Cli(work.resolve("store"), store);
        assertThat(cli.run("import-state", "--from", "graph").exitCode()).isZero();
        Files.writeString(work.resolve("desired.csv"), desired);
    }

    @AfterEach
    void stop() {
        settings.keySet().forEach(System::clearProperty);
        System.clearProperty("reconcile.graph.refresh-token");
        emulator.close();
    }

    @Test
    void anApplyKilledWhileGraphAnswersResumesAndEveryChangeTakesEffectExactlyOnce() throws Exception {
        Cli.Result plan = cli.run("plan", work.resolve("desired.csv").toString());
        assertThat(plan.out()).as(plan.out() + plan.err()).contains("changes planned: " + CHANGES + ",");
        emulator.throttleEvery = 25; // 429s with Retry-After inside batches too, while being killed
        AtomicReference<ChildProcess> running = new AtomicReference<>();
        AtomicInteger killAt = new AtomicInteger();
        emulator.afterWrite = writes -> {
            if (writes == killAt.get()) {
                try {
                    running.get().kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        List<Long> unansweredAfterKill = new ArrayList<>();
        // a kill lets the batches in flight finish in the tenant, so each run is killed some writes after the last
        for (int after : new int[] {3, 10, 10}) {
            int at = emulator.writeLog.succeeded().size() + after;
            killAt.set(at);
            running.set(apply(plan.planId()));
            int exit = running.get().waitForExit(120);
            assertThat(exit).as("killed at write " + at + ": " + running.get().output()).isNotZero();
            assertThat(emulator.writeLog.succeeded()).hasSizeGreaterThanOrEqualTo(at);
            unansweredAfterKill.add(unanswered(cli.reportDir(plan.planId()).resolve("live-calls.jsonl")));
        }
        killAt.set(-1);
        ChildProcess last = apply(plan.planId());
        int exit = last.waitForExit(120);

        assertThat(exit).as(last.output()).isZero();
        // each kill came while a call the tenant had made was still unanswered in the journal
        assertThat(unansweredAfterKill).allMatch(n -> n > 0);
        List<Map<String, String>> rows = SampleRunTest.csv(cli.reportDir(plan.planId()).resolve("apply.csv"));
        assertThat(rows).hasSize(CHANGES).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("APPLIED"));
        assertThat(rows).anySatisfy(row -> assertThat(row.get("message")).contains("already in effect"));
        // from the emulator's own log: every change made once, none twice, none missing
        Map<String, Long> madeTimes = emulator.writeLog.succeeded().stream().collect(Collectors.groupingBy(
                LiveApplyCrashTest::change, Collectors.counting()));
        assertThat(madeTimes).hasSize(CHANGES).allSatisfy((change, times) -> assertThat(times).as(change)
                .isEqualTo(1));
        for (int c = 0; c < CUSTOMERS; c++) {
            var tenant = emulator.tenant(String.format(java.util.Locale.ROOT, "7a1b2c3d-0000-4000-8000-%012d", c));
            for (int u = 0; u < USERS; u++) {
                String upn = "user" + u + "@tailwind" + c + ".com";
                assertThat(tenant.property(upn, "department")).isEqualTo("Finance");
                assertThat(tenant.licensesOf(upn)).hasSize(1);
                assertThat(tenant.rolesOf(upn)).hasSize(1);
            }
        }
        try (Connection db = cli.connect()) {
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM audit_log")).isEqualTo(CHANGES);
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM (SELECT upn, change_kind, target"
                    + " FROM audit_log GROUP BY upn, change_kind, target HAVING COUNT(*) <> 1) AS twice")).isZero();
        }
        Cli.Result again = cli.run("plan", work.resolve("desired.csv").toString());
        assertThat(again.out()).contains("changes planned: 0,");
    }

    private ChildProcess apply(String planId) throws Exception {
        List<String> jvm = new ArrayList<>(TestTls.shared().trustStoreOptions());
        settings.forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        jvm.add("-Dreconcile.graph.refresh-token=" + refreshToken);
        jvm.add("-Dreconcile.apply.users-per-chunk=5");
        return ChildProcess.start(jvm, cli.args("apply", planId));
    }

    /** Calls journaled as sent in the last run with no answer after them: in flight when the process died. */
    private static long unanswered(Path journal) throws java.io.IOException {
        java.util.Set<String> open = new java.util.HashSet<>();
        for (String line : Files.readAllLines(journal)) {
            if (line.startsWith("{\"run\"")) {
                open.clear();
            } else if (line.contains("\"request\"")) {
                open.add(line.replaceAll("^\\{\"call\":(\\d+),.*", "$1"));
            } else if (line.contains("\"status\"")) {
                open.remove(line.replaceAll("^\\{\"call\":(\\d+),.*", "$1"));
            }
        }
        return open.size();
    }

    /** What a write changes: a user's attributes, licenses or a role assignment of a principal. */
    private static String change(WriteLog.Write write) {
        Function<String, String> field = name -> write.body() == null ? "" : write.body().path(name).asString("");
        return switch (write.method()) {
            case "PATCH" -> write.tenant() + " PATCH " + write.path();
            case "POST" -> write.path().endsWith("/assignLicense") ? write.tenant() + " licenses " + write.path()
                    : write.tenant() + " role " + field.apply("principalId") + " " + field.apply("roleDefinitionId");
            default -> write.tenant() + " " + write.method() + " " + write.path();
        };
    }
}
