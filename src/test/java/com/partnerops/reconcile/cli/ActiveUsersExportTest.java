package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-state} of a snapshot whose Contoso and Fabrikam users come from the Microsoft 365 admin center's
 * Active users exports ({@code src/test/resources/admin-center/state/active-users/}: Contoso in the older,
 * alphabetical layout; Fabrikam in the newer one, semicolon-separated with a byte order mark). The exports hold the
 * same users as the sample snapshot's users.csv, with the display names of the products they hold, except Diego
 * Siciliani and Dmitri Ivanov: they hold admin roles, which no export carries, so they stay in users.csv.
 */
class ActiveUsersExportTest {

    static final Path EXPORT_SNAPSHOT = Path.of("src", "test", "resources", "admin-center", "state");
    private static final String CONTOSO_EXPORT = "active-users/contoso.onmicrosoft.com.csv";
    private static final String FABRIKAM_EXPORT = "active-users/Fabrikam Inc.csv";

    @TempDir
    Path work;

    @Test
    void aPlanAfterImportingTheExportsIsThePlanAfterImportingUsersCsv() throws Exception {
        Cli bySku = new Cli(work.resolve("by-sku"));
        Cli byExport = new Cli(work.resolve("by-export"));
        assertThat(bySku.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();

        Cli.Result imported = byExport.run("import-state", EXPORT_SNAPSHOT.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("users=10,", "active-users=13");
        assertThat(StoreContent.of(byExport)).isEqualTo(StoreContent.of(bySku));

        Cli.Result planBySku = bySku.run("plan", Cli.sample("desired-users.csv").toString());
        Cli.Result planByExport = byExport.run("plan", Cli.sample("desired-users.csv").toString());
        List<Map<String, String>> expected = SampleRunTest.csv(bySku.reportDir(planBySku.planId()).resolve("plan.csv"));
        List<Map<String, String>> actual = SampleRunTest.csv(byExport.reportDir(planByExport.planId())
                .resolve("plan.csv"));
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(actual).isEqualTo(expected);
        assertThat(SampleRunTest.csv(byExport.reportDir(planByExport.planId()).resolve("seats.csv")))
                .isEqualTo(SampleRunTest.csv(bySku.reportDir(planBySku.planId()).resolve("seats.csv")));
        assertThat(planByExport.exitCode()).isEqualTo(planBySku.exitCode());
    }

    @Test
    void usersCsvMayBeLeftOutAndTheExportSaysWhoIsBlockedAndWhereLicensesAreUsed() throws Exception {
        Path snapshot = copyOf(EXPORT_SNAPSHOT);
        Files.delete(snapshot.resolve("users.csv"));
        replace(snapshot.resolve(FABRIKAM_EXPORT), ";Milano;Italy;;;IT;;False;", ";Milano;Italy;;;italy;;True;");
        Cli cli = new Cli(work);

        Cli.Result imported = cli.run("import-state", snapshot.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("users=0,", "active-users=13");
        try (Connection db = DriverManager.getConnection(cli.jdbcUrl(), "SA", "")) {
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM directory_user")).isEqualTo(13);
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM directory_user WHERE NOT account_enabled"
                    + " AND usage_location = 'IT' AND upn_key = 'CARLA.ROSSI@FABRIKAM.COM'")).isEqualTo(1);
            // Johanna lives in Switzerland (Country/Region) and is licensed for Germany (Usage location)
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM directory_user WHERE usage_location = 'DE'"
                    + " AND upn_key = 'JOHANNA.LORENZ@CONTOSO.COM'")).isEqualTo(1);
            assertThat(SampleRunTest.count(db, "SELECT COUNT(*) FROM user_role")).isZero();
        }
    }

    @Test
    void anUnknownProductNameRefusesTheSnapshotNamingFileRowColumnAndTheClosestNames() throws Exception {
        Path snapshot = copyOf(EXPORT_SNAPSHOT);
        replace(snapshot.resolve(CONTOSO_EXPORT), ",Microsoft 365 Business Premium+Exchange Online (Plan 1),",
                ",Microsoft 365 Business Premium+Exchange Online Plan 1,");
        Cli cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
        List<String> before = StoreContent.of(cli);

        Cli.Result imported = cli.run("import-state", snapshot.toString());

        assertThat(imported.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(imported.err()).contains("1 problem", snapshot.resolve(CONTOSO_EXPORT) + " row 4 column"
                + " 'Licenses': 'Exchange Online Plan 1' is not a known product name, SKU part number or SKU id;"
                + " closest: Exchange Online (Plan 1) (EXCHANGESTANDARD)");
        assertThat(StoreContent.of(cli)).isEqualTo(before);
    }

    @Test
    void anExportNamingNoCustomerRefusesTheSnapshot() throws Exception {
        Path snapshot = copyOf(EXPORT_SNAPSHOT);
        Path northwind = snapshot.resolve("active-users/northwind.onmicrosoft.com.csv");
        Files.copy(snapshot.resolve(CONTOSO_EXPORT), northwind);
        Cli cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
        List<String> before = StoreContent.of(cli);

        Cli.Result imported = cli.run("import-state", snapshot.toString());

        assertThat(imported.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(imported.err()).contains("1 problem", northwind + ": names no customer of customers.csv");
        assertThat(StoreContent.of(cli)).isEqualTo(before);
    }

    @Test
    void everyBadCellOfTheExportsIsReportedAtOnceAndNothingChanges() throws Exception {
        Path snapshot = copyOf(EXPORT_SNAPSHOT);
        Path contoso = snapshot.resolve(CONTOSO_EXPORT);
        replace(contoso, ",Planner,United States,", ",Planner,Atlantis,");
        replace(contoso, "False,Pittsburgh,", "Yes,Pittsburgh,");
        // Dmitri is in users.csv already (for his role): a second row for him is a duplicate
        Files.writeString(snapshot.resolve(FABRIKAM_EXPORT), "Dmitri Ivanov;False;dmitri.ivanov@fabrikam.com;"
                + "0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a;Dmitri;Ivanov;;;IT Administrator;IT;;Berlin;Germany;;;DE;;False;"
                + "Unlicensed;False;;;;;;;;\r\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.copy(snapshot.resolve(CONTOSO_EXPORT), snapshot.resolve("active-users/Contoso Ltd.csv"));
        Cli cli = new Cli(work);
        assertThat(cli.run("import-state", Cli.sample("state").toString()).exitCode()).isZero();
        List<String> before = StoreContent.of(cli);

        Cli.Result imported = cli.run("import-state", snapshot.toString());

        assertThat(imported.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
        assertThat(imported.err()).contains("4 problems",
                snapshot.resolve("active-users/contoso.onmicrosoft.com.csv") + ": names the same customer as "
                        + snapshot.resolve("active-users/Contoso Ltd.csv"),
                "row 8 column 'Usage location': 'Atlantis' is neither",
                "row 9 column 'Block credential': 'Yes' is not True or False",
                snapshot.resolve(FABRIKAM_EXPORT) + " row 5: duplicate of " + snapshot.resolve("users.csv")
                        + " row 11");
        assertThat(StoreContent.of(cli)).isEqualTo(before);
    }

    private Path copyOf(Path snapshot) throws IOException {
        Path copy = work.resolve("snapshot");
        try (Stream<Path> files = Files.walk(snapshot)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(snapshot.relativize(file).toString()));
            }
        }
        return copy;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
