package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit code 2: the message names what to fix, and nothing is planned. */
class UnusableInputTest {

    @TempDir
    Path work;
    Cli cli;

    @BeforeEach
    void importSamples() {
        cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
    }

    @Test
    void aMissingRequiredColumnNamesFileRowAndColumnAndPlansNothing() throws Exception {
        Path file = write("no-upn.csv", "customer,displayName,licenses\ncontoso.onmicrosoft.com,Adele,SPB\n");

        Cli.Result plan = cli.run("plan", file.toString());

        assertThat(plan.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(plan.err()).contains(file.toString(), "row 1", "column 'userPrincipalName'",
                "Nothing was planned or applied");
        assertThat(plan.out()).doesNotContain("plan:");
        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "")) {
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM plan_line")).isZero();
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM plan WHERE state = 'FAILED'")).isEqualTo(1);
        }
    }

    @Test
    void everyUnusableFileIsNamedAtOnce() throws Exception {
        Path first = write("a.csv", "customer,displayName\nx,y\n");
        Path second = write("b.csv", "userPrincipalName\nadele.vance@contoso.com\n");

        Cli.Result plan = cli.run("plan", first.toString(), second.toString());

        assertThat(plan.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(plan.err()).contains("2 problems", first.toString(), second.toString(), "'customer'",
                "'userPrincipalName'");
    }

    @Test
    void theCustomerColumnMayBeLeftOutWhenExactlyOneCustomerIsGiven() throws Exception {
        Path file = write("contoso.csv", "userPrincipalName,jobTitle\nadele.vance@contoso.com,Store Manager\n");

        Cli.Result plan = cli.run("plan", "--customer", "Contoso Ltd", file.toString());

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("changes planned: 1,", "rejected: 0");
    }

    @Test
    void aMissingFileOrAnUnknownCustomerOptionIsUnusableInput() {
        Cli.Result missing = cli.run("plan", work.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(missing.err()).contains("nope.csv", "no such file");

        Cli.Result unknown = cli.run("plan", "--customer", "northwind.com", Cli.sample("desired-users.csv").toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(unknown.err()).contains("--customer northwind.com", "matches no customer");
    }

    @Test
    void applyOfAnUnknownPlanSaysSo() {
        Cli.Result apply = cli.run("apply", "20990101T000000Z-000000");
        assertThat(apply.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(apply.err()).contains("no plan 20990101T000000Z-000000");
    }

    @Test
    void aBrokenSnapshotChangesNothingInTheStore() throws Exception {
        Path snapshot = Files.createDirectories(work.resolve("broken"));
        for (String name : new String[] {"customers.csv", "subscriptions.csv", "gdap.csv", "users.csv"}) {
            Files.copy(Cli.sample("state").resolve(name), snapshot.resolve(name));
        }
        String users = Files.readString(snapshot.resolve("users.csv"), StandardCharsets.UTF_8);
        Files.writeString(snapshot.resolve("users.csv"), users.replace(",US,Retail Manager,", ",USA,Retail Manager,"),
                StandardCharsets.UTF_8);

        Cli.Result imported = cli.run("import-state", snapshot.toString());

        assertThat(imported.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(imported.err()).contains("users.csv", "column 'usageLocation'", "'USA'");
        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "")) {
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM directory_user")).isEqualTo(23);
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content, StandardCharsets.UTF_8);
    }
}
