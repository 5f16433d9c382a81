package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.testsupport.graph.GraphEmulator;
import com.partnerops.reconcile.testsupport.graph.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code import-state --from graph} against the emulator, pointed at it only through the settings: the store ends
 * up exactly as after importing the same data as a snapshot, whatever the paging and throttling; a customer that
 * cannot be read keeps its state; no secret shows anywhere.
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class LiveReadTest {

    @Parameter
    TestStore store;
    @TempDir
    Path work;
    GraphEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        TestTls.shared();
        emulator = LiveReadFixture.emulator();
        LiveReadFixture.settings(emulator, work).forEach(System::setProperty);
        System.setProperty("reconcile.graph.refresh-token", emulator.signIn());
    }

    @AfterEach
    void stop() {
        LiveReadFixture.settings(emulator, work).keySet().forEach(System::clearProperty);
        System.clearProperty("reconcile.graph.refresh-token");
        emulator.close();
    }

    private static Cli.Result importGraph(Cli cli, String... customers) {
        List<String> args = new ArrayList<>(List.of("--from", "graph"));
        for (String customer : customers) {
            args.addAll(List.of("--customer", customer));
        }
        return cli.run("import-state", args.toArray(String[]::new));
    }

    @Test
    void threeCustomersReadLiveAreStoredExactlyAsTheirSnapshot() throws Exception {
        Cli snapshot = new Cli(work.resolve("snapshot"), store);
        assertThat(snapshot.run("import-state", LiveReadFixture.SNAPSHOT.toString()).exitCode()).isZero();
        Cli live = new Cli(work.resolve("live"), store);

        Cli.Result imported = importGraph(live);

        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains("imported graph: customers=3, subscriptions=6, gdap=4, users=10");
        assertThat(StoreContent.of(live)).containsExactlyElementsOf(StoreContent.of(snapshot));
        assertThat(sources(live)).containsExactlyInAnyOrder(LiveReadFixture.CONTOSO + " graph null",
                LiveReadFixture.FABRIKAM + " graph null", LiveReadFixture.LYCEE + " graph null");
        assertThat(emulator.refreshTokensReused()).isZero();

        // and plan, unchanged, plans the same from either
        Path desired = work.resolve("desired.csv");
        Files.writeString(desired, "customer,userPrincipalName,jobTitle,roles,licenses\n"
                + "contoso.onmicrosoft.com,adele.vance@contoso.com,Store Manager,,\n"
                + "contoso.onmicrosoft.com,alex.wilber@contoso.com,,,\n"
                + "contoso.onmicrosoft.com,megan.bowen@contoso.com,,User Administrator,SPB;SHAREPOINTSTORAGE\n"
                + "fabrikam.onmicrosoft.com,carla.rossi@fabrikam.com,,,ENTERPRISEPACK;adobe.acrobat_pro_teams\n"
                + "Lycée Victor Hugo,mathis.roux@lyceevictorhugo.fr,,,M365EDU_A3_FACULTY\n");
        Cli.Result fromSnapshot = snapshot.run("plan", desired.toString());
        Cli.Result fromGraph = live.run("plan", desired.toString());
        assertThat(fromGraph.exitCode()).isEqualTo(fromSnapshot.exitCode()).isEqualTo(ExitCodes.SOME_REJECTED);
        for (String report : List.of("plan.csv", "seats.csv")) {
            assertThat(Files.readAllLines(live.reportDir(fromGraph.planId()).resolve(report))).as(report)
                    .containsExactlyElementsOf(Files.readAllLines(snapshot.reportDir(fromSnapshot.planId())
                            .resolve(report)));
        }
        // Partner Center's refundableQuantity, not seven days from a commitment that started in February
        assertThat(Files.readString(live.reportDir(fromGraph.planId()).resolve("seats.csv")))
                .contains("NCE subscription spb-0101 can be reduced by up to 2 until 2026-11-28 (Partner Center's"
                        + " refundable quantity)");
    }

    @Test
    void pagesOfOneAndThrottlingChangeNothingAndNoRequestComesBeforeItsRetryAfter() throws Exception {
        Cli plain = new Cli(work.resolve("plain"), store);
        assertThat(importGraph(plain).exitCode()).isZero();
        emulator.pageSize = 1;
        emulator.throttleEvery = 4;
        emulator.retryAfterSeconds = 1;
        emulator.unavailable.put(LiveReadFixture.FABRIKAM, new java.util.concurrent.atomic.AtomicInteger(2));
        Cli throttled = new Cli(work.resolve("throttled"), store);

        // a second run in this JVM: the refresh token the first one got back is the one it must use
        Cli.Result imported = importGraph(throttled);

        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        assertThat(emulator.throttled.get()).isGreaterThan(3);
        assertThat(emulator.requestsBeforeRetryAfter.get()).isZero();
        assertThat(emulator.refreshTokensReused()).isZero();
        assertThat(StoreContent.of(throttled)).containsExactlyElementsOf(StoreContent.of(plain));
    }

    @Test
    void aCustomerThatCannotBeReadIsNamedWithTheReasonAndKeepsItsPreviousState() throws Exception {
        Cli cli = new Cli(work.resolve("store"), store);
        assertThat(cli.run("import-state", LiveReadFixture.SNAPSHOT.toString()).exitCode()).isZero();
        List<String> before = StoreContent.of(cli);
        emulator.forbidden.add(LiveReadFixture.FABRIKAM);
        emulator.withoutConsent(LiveReadFixture.LYCEE);
        emulator.tenant(LiveReadFixture.CONTOSO).user("u-new", "new.hire@contoso.com", "New Hire", "New", "Hire",
                "US", "Sales Rep", "Sales", true);

        Cli.Result imported = importGraph(cli);

        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(imported.out()).contains("imported graph: customers=1,",
                "not refreshed: Fabrikam Inc (" + LiveReadFixture.FABRIKAM + "): GET /graph/v1.0/subscribedSkus: 403"
                        + " Authorization_RequestDenied: Insufficient privileges to complete the operation.",
                "not refreshed: Lycée Victor Hugo (" + LiveReadFixture.LYCEE + "): no token for tenant "
                        + LiveReadFixture.LYCEE + ": invalid_grant: AADSTS65001",
                "2 customers kept the state read before");
        List<String> after = StoreContent.of(cli);
        assertThat(after).anyMatch(line -> line.toLowerCase().startsWith("directory_user tenant_id="
                + LiveReadFixture.CONTOSO) && line.contains("new.hire@contoso.com") && line.contains("Sales Rep"));
        for (String tenant : List.of(LiveReadFixture.FABRIKAM, LiveReadFixture.LYCEE)) {
            assertThat(after.stream().filter(line -> line.contains("=" + tenant + " ")))
                    .containsExactlyElementsOf(before.stream().filter(line -> line.contains("=" + tenant + " "))
                            .toList());
        }
        assertThat(sources(cli)).contains(LiveReadFixture.CONTOSO + " graph null")
                .anySatisfy(s -> assertThat(s).startsWith(LiveReadFixture.FABRIKAM + " snapshot ").contains("403"));
    }

    @Test
    void aGroupLicenseIsStoredWithItsGroupAndARowRemovingItIsRejectedNamingTheGroup() throws Exception {
        Cli cli = new Cli(work.resolve("store"), store);
        assertThat(importGraph(cli, "contoso.onmicrosoft.com").exitCode()).isZero();
        Path desired = work.resolve("desired.csv");
        Files.writeString(desired, "customer,userPrincipalName,licenses\ncontoso.onmicrosoft.com,"
                + "alex.wilber@contoso.com,\ncontoso.onmicrosoft.com,megan.bowen@contoso.com,SPB\n");

        Cli.Result plan = cli.run("plan", desired.toString());

        List<Map<String, String>> rows = SampleRunTest.csv(cli.reportDir(plan.planId()).resolve("plan.csv"));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("userPrincipalName")).isEqualTo("alex.wilber@contoso.com");
            assertThat(row.get("reason")).isEqualTo("INHERITED_FROM_GROUP");
            assertThat(row.get("message")).contains("'Sales licensing'");
        });
        assertThat(StoreContent.of(cli)).anyMatch(line -> line.toUpperCase().contains("UPN_KEY=ALEX.WILBER@CONTOSO.COM"
                + " SKU=SPB") && line.toUpperCase().contains("ASSIGNED_BY_GROUP=SALES LICENSING"));
    }

    @Test
    void noTokenOrSecretShowsInOutputReportsOrTheStoreAndTheRotatedTokenIsKeptOwnerOnly() throws Exception {
        Cli cli = new Cli(work.resolve("store"), store);
        Cli.Result first = importGraph(cli);
        Cli.Result plan = cli.run("plan", LiveReadFixture.SNAPSHOT.resolve("users.csv").toString());
        Cli.Result second = importGraph(cli, "Fabrikam Inc");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();

        StringBuilder everything = new StringBuilder(first.out() + first.err() + plan.out() + plan.err()
                + second.out() + second.err());
        try (var files = Files.walk(work.resolve("store").getParent())) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("graph-refresh-token"))
                    .toList()) {
                everything.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        everything.append(String.join("\n", StoreContent.of(cli)));
        assertThat(emulator.secrets()).hasSizeGreaterThan(4);
        for (String secret : emulator.secrets()) {
            assertThat(everything.toString()).doesNotContain(secret);
        }
        Path kept = work.resolve("graph-refresh-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
        String newest = emulator.secrets().get(emulator.secrets().size() - 1); // the last exchange's refresh token
        assertThat(Files.readAllLines(kept).get(0)).isEqualTo(newest);
        assertThat(emulator.refreshTokensReused()).isZero();
    }

    @Test
    void aRealProcessGivenItsSecretsByEnvironmentLogsNoneOfThemEvenAtDebugLevel() throws Exception {
        Cli cli = new Cli(work.resolve("child"), store);
        Map<String, String> environment = new java.util.HashMap<>();
        LiveReadFixture.settings(emulator, work).forEach((key, value) -> environment.put(key.toUpperCase()
                .replace(".", "_").replace("-", ""), value));
        environment.put("RECONCILE_GRAPH_REFRESHTOKEN", emulator.signIn());
        List<String> jvm = new ArrayList<>(TestTls.shared().trustStoreOptions());
        jvm.add("-Dlogging.level.com.partnerops=DEBUG");
        emulator.forbidden.add(LiveReadFixture.FABRIKAM);
        emulator.throttleEvery = 5;

        ChildProcess child = ChildProcess.start(jvm, environment, cli.args("import-state", "--from", "graph",
                "--debug"));
        int exit = child.waitForExit(120);
        String output = child.output();

        assertThat(exit).as(output).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(output).contains("imported graph: customers=2,", "not refreshed: Fabrikam Inc",
                "read and stored");
        for (String secret : emulator.secrets()) {
            assertThat(output).doesNotContain(secret);
        }
        assertThat(emulator.refreshTokensReused()).isZero();
    }

    private static List<String> sources(Cli cli) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = cli.connect(); ResultSet rs = db.createStatement().executeQuery(
                "SELECT tenant_id, source, not_refreshed FROM customer_source ORDER BY tenant_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }
}
