package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.state.StoreWriteLock;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The store's write lock is taken per operation: a process that has the store open but runs no import or apply
 * (a plan in progress, a long-lived server) does not keep another apply out; one that holds the lock refuses it,
 * naming itself, or makes it wait with {@code --wait}.
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class OperationLockTest {

    private static final String PID = "pid " + ProcessHandle.current().pid() + " on ";

    @Parameter
    TestStore store;
    @TempDir
    Path work;
    Cli cli;
    String planId;

    @BeforeEach
    void planTheSamples() {
        cli = new Cli(work, store);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
        planId = cli.run("plan", Cli.sample("desired-users.csv").toString()).planId();
    }

    @Test
    void inOneProcessAnApplyGoesOnWhileAnotherContextHasTheStoreOpen() {
        ConfigurableApplicationContext idle = cli.open("a long-lived server");
        try {
            Cli.Result apply = cli.run("apply", planId);

            assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        } finally {
            idle.close();
        }
    }

    @Test
    void inOneProcessAnApplyIsRefusedWhileAnImportHoldsTheLockOrWaitsForIt() throws Exception {
        try (ConfigurableApplicationContext server = cli.open("a long-lived server")) {
            HeldElsewhere importing = HeldElsewhere.hold(server, "import-state by the server");
            CompletableFuture<Cli.Result> waiting;
            try {
                Cli.Result refused = cli.run("apply", planId);

                assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.STORE_BUSY);
                assertThat(refused.err()).contains("is in use by another reconcile process (" + PID,
                        ", import-state by the server, since ", "nothing was done");

                waiting = CompletableFuture.supplyAsync(() -> cli.run("apply", "--wait", "2m", planId));
                Thread.sleep(1500);
                assertThat(waiting).as("still waiting for the import").isNotDone();
            } finally {
                importing.release();
            }
            Cli.Result applied = waiting.get(120, TimeUnit.SECONDS);
            assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
            assertThat(applied.out()).contains("changes applied: ");
        }
    }

    /**
     * Across processes only PostgreSQL lets the store be open in two at once; HSQLDB opens a file database in one
     * process at a time, so there the other process is told who has it open.
     */
    @Test
    void anotherProcessesApplyGoesOnWhileThisOneHasTheStoreOpenExceptOnAnHsqldbFile() throws Exception {
        ConfigurableApplicationContext idle = cli.open("plan (in progress)");
        try {
            ChildProcess apply = ChildProcess.start(List.of(), cli.args("apply", planId));
            int exitCode = apply.waitForExit(120);

            if (store == TestStore.POSTGRESQL) {
                assertThat(exitCode).as(apply.output()).isZero();
            } else {
                assertThat(exitCode).as(apply.output()).isEqualTo(ExitCodes.STORE_BUSY);
                assertThat(apply.output()).contains("(" + PID, ", plan (in progress), since ");
            }
        } finally {
            idle.close();
        }
    }

    @Test
    void anotherProcessesApplyIsRefusedNamingThisOneWhileItHoldsTheLockOrWaitsForIt() throws Exception {
        ConfigurableApplicationContext server = cli.open("apply by the server");
        HeldElsewhere applying = HeldElsewhere.hold(server, "apply by the server");
        ChildProcess waiting;
        try {
            ChildProcess refused = ChildProcess.start(List.of(), cli.args("apply", planId));
            assertThat(refused.waitForExit(120)).as(refused.output()).isEqualTo(ExitCodes.STORE_BUSY);
            assertThat(refused.output()).contains("is in use by another reconcile process (" + PID,
                    ", apply by the server, since ", "nothing was done");

            waiting = ChildProcess.start(List.of(), cli.args("apply", "--wait", "2m", planId));
            Thread.sleep(3000);
        } finally {
            applying.release();
            server.close();
        }
        assertThat(waiting.waitForExit(120)).as(waiting.output()).isZero();
        assertThat(waiting.output()).contains("changes applied: ");
    }

    /** The write lock held by a thread of its own, as a server's import or apply holds it, until released. */
    private static final class HeldElsewhere {
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> done;

        private HeldElsewhere(StoreWriteLock lock, String operation) throws InterruptedException {
            CountDownLatch held = new CountDownLatch(1);
            done = CompletableFuture.runAsync(() -> lock.whileHeld(operation, () -> {
                held.countDown();
                try {
                    return release.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            if (!held.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the lock was not taken within 60 s");
            }
        }

        static HeldElsewhere hold(ConfigurableApplicationContext context, String operation)
                throws InterruptedException {
            return new HeldElsewhere(context.getBean(StoreWriteLock.class), operation);
        }

        void release() throws Exception {
            release.countDown();
            done.get(60, TimeUnit.SECONDS);
        }
    }
}
