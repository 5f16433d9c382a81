package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real {@code import-state} in a JVM of its own, killed with SIGKILL at several moments while it re-imports a
 * snapshot of 3,000 users over an older one: the store is then exactly as before the import or, once the
 * replacement committed, exactly as the snapshot says; never a customer in between. And the next import works.
 */
class ImportProcessTest {

    private static final String TAILSPIN = "11111111-2222-4333-8444-555555555555";
    private static final String WINGTIP = "22222222-3333-4444-8555-666666666666";
    private static final String KEPT = "33333333-4444-4555-8666-777777777777";
    private static final int USERS_PER_CUSTOMER = 1500;

    /**
     * The older snapshot, the newer one (users dropped and added, every license, role, department and name
     * changed), a customer in neither that every import must keep, and the stores they make.
     */
    @TempDir
    static Path snapshots;
    static Path older;
    static Path newer;
    static Path kept;
    /** The whole current state after importing the kept customer and the older snapshot, each to the end. */
    static List<String> asBefore;
    /** ... and then the newer snapshot. */
    static List<String> asTheNewerSnapshotSays;

    @TempDir
    Path work;
    Cli cli;

    /**
     * Where the import is when it is killed, known from the line it logs there; whether the store must then say
     * what the newer snapshot says; and which snapshot is imported next.
     */
    enum KillPoint {
        WHILE_CHECKING("import-state: checking the snapshot", false, Next.SAME),
        WHILE_STAGING_USERS("import-state: gdap.csv: ", false, Next.SAME),
        // all of the newer snapshot is staged by then: none of it may leak into the import of the older one
        WHILE_REPLACING("their old rows are deleted, copying the snapshot's in", false, Next.OTHER),
        AFTER_THE_REPLACEMENT_COMMITTED("the snapshot's customers are replaced", true, Next.SAME);

        final String line;
        final boolean replaced;
        final Next next;

        KillPoint(String line, boolean replaced, Next next) {
            this.line = line;
            this.replaced = replaced;
            this.next = next;
        }

        @Override
        public String toString() {
            return name() + (next == Next.SAME ? ", then the same import again" : ", then an import of the older");
        }
    }

    /** The import after the killed one: the same snapshot again, or the older one from its own folder. */
    enum Next {
        SAME, OTHER
    }

    @BeforeAll
    static void writeTheSnapshotsAndTheStatesTheyMake() throws Exception {
        kept = writeSnapshot("kept", new Version(KEPT, "Fourth Coffee", 0, "SPB", "Sales", "User Administrator"));
        older = writeSnapshot("older", new Version(TAILSPIN, "Tailspin Toys", 0, "O365_BUSINESS_PREMIUM", "Sales",
                "User Administrator"), new Version(WINGTIP, "Wingtip Toys", 0, "SPB", "Sales", "User Administrator"));
        newer = writeSnapshot("newer", new Version(TAILSPIN, "Tailspin Toys Ltd", 100, "SPB", "Finance",
                "License Administrator"), new Version(WINGTIP, "Wingtip", 40, "O365_BUSINESS_PREMIUM", "Finance",
                "Helpdesk Administrator"));
        Path before = snapshots.resolve("as-before");
        asBefore = imported(new Cli(before), kept, older);
        Path replaced = snapshots.resolve("as-the-newer-snapshot-says");
        copyStore(before, replaced);
        asTheNewerSnapshotSays = imported(new Cli(replaced), newer);
        assertThat(asTheNewerSnapshotSays).isNotEqualTo(asBefore).hasSizeGreaterThan(4 * USERS_PER_CUSTOMER);
    }

    /** A copy of the store the two imports made: quicker than importing them again for every case. */
    @BeforeEach
    void startFromTheOlderSnapshot() throws IOException {
        copyStore(snapshots.resolve("as-before"), work);
        cli = new Cli(work);
    }

    @ParameterizedTest(name = "killed {0}")
    @EnumSource(KillPoint.class)
    void aKilledImportLeavesTheStoreAsItWasOrAsTheSnapshotSaysAndTheNextImportReplacesIt(KillPoint point)
            throws Exception {
        killImport(newer, point);

        assertThat(StoreContent.of(cli)).isEqualTo(point.replaced ? asTheNewerSnapshotSays : asBefore);

        Path next = point.next == Next.SAME ? newer : older;
        Cli.Result again = cli.run("import-state", next.toString());

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("users=" + 2 * USERS_PER_CUSTOMER);
        assertThat(StoreContent.of(cli)).isEqualTo(next == newer ? asTheNewerSnapshotSays : asBefore);
        assertTheKilledImportIsRecordedFailedAndNothingIsLeftRunning(point);
    }

    private void killImport(Path snapshot, KillPoint point) throws Exception {
        // C1 only: the child starts sooner on a busy machine; what is killed is the same. The import's steps are
        // logged at DEBUG: this child shows them, so it can be killed at each.
        ChildProcess importing = ChildProcess.start(List.of("-XX:TieredStopAtLevel=1",
                "-Dlogging.level.com.partnerops.reconcile.state=DEBUG"),
                cli.args("import-state", snapshot.toString()));
        importing.awaitLine(line -> line.contains(point.line), 120);
        importing.kill();
        assertThat(importing.output()).as("killed before it finished").doesNotContain("imported " + snapshot);
    }

    private void assertTheKilledImportIsRecordedFailedAndNothingIsLeftRunning(KillPoint point) throws SQLException {
        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "")) {
            String imports = "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                    + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'importStateJob' AND e.STATUS = ";
            long failed = SampleRunTest.count(db, imports + "'FAILED'");
            // The two imports the store was copied from, the import after the kill, and the killed one when it
            // ended on its own: after its last step committed (the kill point), the child needs only milliseconds
            // to mark the job complete, and on a busy machine the signal can land after that (seen once in CI).
            long otherImports = 2 + 1;
            if (point == KillPoint.AFTER_THE_REPLACEMENT_COMMITTED && failed == 0) {
                assertThat(SampleRunTest.count(db, imports + "'COMPLETED'")).isEqualTo(otherImports + 1);
            } else {
                assertThat(failed).isEqualTo(1);
                assertThat(SampleRunTest.count(db, imports + "'COMPLETED'")).isEqualTo(otherImports);
            }
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION"
                    + " WHERE STATUS IN ('STARTING', 'STARTED')")).isZero();
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION"
                    + " WHERE STATUS IN ('STARTING', 'STARTED')")).isZero();
        }
    }

    /** Copies a closed store (its files under {@code store/}) from one work folder to another. */
    private static void copyStore(Path fromWork, Path toWork) throws IOException {
        Path from = fromWork.resolve("store");
        Path to = Files.createDirectories(toWork.resolve("store"));
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    /** The store's content after importing these snapshots one after the other, each to the end. */
    private static List<String> imported(Cli cli, Path... snapshotsInOrder) throws SQLException {
        for (Path snapshot : snapshotsInOrder) {
            Cli.Result result = cli.run("import-state", snapshot.toString());
            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        }
        return StoreContent.of(cli);
    }

    /**
     * One customer's part of a snapshot: its users are numbered from {@code firstUser}, so a newer version drops
     * some and adds others; every 50th user holds {@code role}.
     */
    record Version(String tenantId, String name, int firstUser, String sku, String department, String role) {
    }

    private static Path writeSnapshot(String name, Version... customers) throws IOException {
        Path dir = Files.createDirectories(snapshots.resolve(name));
        try (BufferedWriter customersCsv = csv(dir, "customers.csv", "tenantId,domain,name");
                BufferedWriter subscriptions = csv(dir, "subscriptions.csv", "tenantId,subscriptionId,"
                        + "skuPartNumber,productName,kind,program,quantity,status,commitmentStart,termEnd,"
                        + "assignedDisplay");
                BufferedWriter gdap = csv(dir, "gdap.csv", "tenantId,relationshipId,status,endDateTime,roles");
                BufferedWriter users = csv(dir, "users.csv", "tenantId,userPrincipalName,displayName,usageLocation,"
                        + "department,licenses,roles")) {
            for (Version customer : customers) {
                String domain = customer.tenantId().substring(0, 8) + ".onmicrosoft.com";
                customersCsv.write(customer.tenantId() + "," + domain + "," + customer.name() + "\n");
                subscriptions.write(customer.tenantId() + ",s-" + customer.sku() + "," + customer.sku() + ","
                        + customer.sku() + ",LICENSE,NCE," + (USERS_PER_CUSTOMER + customer.firstUser())
                        + ",active,2026-01-01,2026-12-31,Unavailable\n");
                gdap.write(customer.tenantId() + ",gdap-" + customer.name().replace(' ', '-')
                        + ",active,2028-01-01T00:00:00Z,License Administrator;User Administrator\n");
                for (int i = customer.firstUser(); i < customer.firstUser() + USERS_PER_CUSTOMER; i++) {
                    users.write(customer.tenantId() + ",user" + i + "@" + domain + ",User " + i + ",US,"
                            + customer.department() + "," + customer.sku() + ","
                            + (i % 50 == 0 ? customer.role() : "") + "\n");
                }
            }
        }
        return dir;
    }

    private static BufferedWriter csv(Path dir, String file, String header) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8);
        writer.write(header + "\n");
        return writer;
    }
}
