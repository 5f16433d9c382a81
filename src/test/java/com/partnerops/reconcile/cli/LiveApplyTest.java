package com.partnerops.reconcile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.testsupport.graph.EmulatedTenant;
import com.partnerops.reconcile.testsupport.graph.GraphEmulator;
import com.partnerops.reconcile.testsupport.graph.TestTls;
import com.partnerops.reconcile.testsupport.graph.WriteLog;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code apply} of customers read live goes through Graph (the emulator): the tenants end as planned, each change
 * is one successful write in the emulator's own log, a user changed in the tenant since the plan is left alone, a
 * seat taken since is not oversold, throttling changes nothing, and the store's copy agrees with the tenant.
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class LiveApplyTest {

    private static final String SPB = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    private static final String A3 = "4b590615-0888-425a-a965-b3bf7789848d";
    private static final String USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    private static final String DESIRED = "customer,userPrincipalName,jobTitle,department,usageLocation,roles,licenses\n"
            + "contoso.onmicrosoft.com,adele.vance@contoso.com,Store Manager,Stores,,,SPB\n"
            + "contoso.onmicrosoft.com,megan.bowen@contoso.com,,,,User Administrator,SPB\n"
            + "contoso.onmicrosoft.com,diego.siciliani@contoso.com,,,,,\n"
            + "fabrikam.onmicrosoft.com,carla.rossi@fabrikam.com,,,,,ENTERPRISEPACK\n"
            + "Lycée Victor Hugo,mathis.roux@lyceevictorhugo.fr,,,FR,,M365EDU_A3_FACULTY\n";

    @Parameter
    TestStore store;
    @TempDir
    Path work;
    GraphEmulator emulator;
    Cli cli;

    @BeforeEach
    void readTheTenantsLiveAndPlan() throws Exception {
        TestTls.shared();
        emulator = LiveReadFixture.emulator();
        LiveReadFixture.settings(emulator, work).forEach(System::setProperty);
        System.setProperty("reconcile.graph.refresh-token", emulator.signIn());
        cli = new Cli(work.resolve("store"), store);
        Cli.Result imported = cli.run("import-state", "--from", "graph");
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
    }

    @AfterEach
    void stop() {
        LiveReadFixture.settings(emulator, work).keySet().forEach(System::clearProperty);
        System.clearProperty("reconcile.graph.refresh-token");
        emulator.close();
    }

    private String plan() throws Exception {
        Path desired = work.resolve("desired.csv");
        Files.writeString(desired, DESIRED);
        Cli.Result plan = cli.run("plan", desired.toString());
        assertThat(plan.out()).as(plan.out() + plan.err()).contains("changes planned: 9,", "rejected: 0");
        return plan.planId();
    }

    @Test
    void theSampleScenarioAppliedLiveEndsInThePlannedTenantStateWithEachChangeWrittenOnce() throws Exception {
        String planId = plan();
        assertThat(Files.readString(cli.reportDir(planId).resolve("summary.html"))).contains("live tenant")
                .doesNotContain("store only");

        Cli.Result applied = cli.run("apply", planId);

        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(SampleRunTest.csv(cli.reportDir(planId).resolve("apply.csv"))).hasSize(9)
                .allSatisfy(row -> assertThat(row.get("status")).as(row.toString()).isEqualTo("APPLIED"));
        assertTenantsAsPlanned();
        List<WriteLog.Write> writes = emulator.writeLog.all();
        assertThat(writes).allMatch(WriteLog.Write::succeeded);
        // every write went as an item of a $batch, none as a request of its own
        assertThat(emulator.batchedWrites.get()).isEqualTo(writes.size());
        // one PATCH per user with attributes, one assignLicense per user with licenses, one call per role
        assertThat(writes.stream().map(w -> w.method() + " " + w.path()).toList()).containsExactlyInAnyOrder(
                "PATCH /users/u-adele", "POST /users/u-megan/assignLicense",
                "POST /roleManagement/directory/roleAssignments", "POST /users/u-diego/assignLicense",
                "DELETE /roleManagement/directory/roleAssignments/ra-0-u-diego", "POST /users/u-carla/assignLicense",
                "PATCH /users/u-mathis", "POST /users/u-mathis/assignLicense");
        WriteLog.Write adele = writes.stream().filter(w -> w.path().equals("/users/u-adele")).findFirst()
                .orElseThrow();
        assertThat(adele.body().toString()).isEqualTo("{\"jobTitle\":\"Store Manager\",\"department\":\"Stores\"}");
        WriteLog.Write diego = writes.stream().filter(w -> w.path().equals("/users/u-diego/assignLicense"))
                .findFirst().orElseThrow();
        assertThat(diego.body().toString()).isEqualTo("{\"addLicenses\":[],\"removeLicenses\":[\"" + SPB + "\"]}");

        // the store's copy agrees with the tenant: planning again plans nothing, a fresh live read changes nothing
        Cli.Result again = cli.run("plan", work.resolve("desired.csv").toString());
        assertThat(again.out()).contains("changes planned: 0,");
        List<String> afterApply = StoreContent.of(cli);
        assertThat(cli.run("import-state", "--from", "graph").exitCode()).isZero();
        assertThat(StoreContent.of(cli).stream().filter(l -> !l.toLowerCase().startsWith("seat_")).toList())
                .containsExactlyElementsOf(afterApply.stream().filter(l -> !l.toLowerCase().startsWith("seat_"))
                        .toList());

        StringBuilder everything = new StringBuilder(applied.out() + applied.err());
        try (var files = Files.walk(cli.reportDir(planId))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                everything.append(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        for (String secret : emulator.secrets()) {
            assertThat(everything.toString()).doesNotContain(secret);
        }
    }

    @Test
    void throttlingOnDirectCallsAndBatchItemsChangesNothingAndNoRequestComesInsideItsWait() throws Exception {
        String planId = plan();
        emulator.throttleEvery = 3;
        emulator.retryAfterSeconds = 1;

        Cli.Result applied = cli.run("apply", planId);

        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(emulator.throttled.get()).isGreaterThan(3);
        assertThat(emulator.requestsBeforeRetryAfter.get()).isZero();
        assertThat(SampleRunTest.csv(cli.reportDir(planId).resolve("apply.csv")))
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("APPLIED"));
        assertTenantsAsPlanned();
        assertThat(emulator.writeLog.succeeded()).hasSize(8);
    }

    @Test
    void aUserEditedAndASeatTakenInTheTenantSincePlanAreStaleAndFailedAndNothingIsOversold() throws Exception {
        String planId = plan();
        emulator.tenant(LiveReadFixture.CONTOSO).user("adele.vance@contoso.com").put("department", "Sales");
        EmulatedTenant fabrikam = emulator.tenant(LiveReadFixture.FABRIKAM);
        fabrikam.user("u-new1", "new.one@fabrikam.com", "New One", "New", "One", "GB", "Analyst", "Legal", true)
                .license(E3);
        fabrikam.user("u-new2", "new.two@fabrikam.com", "New Two", "New", "Two", "GB", "Analyst", "Legal", true)
                .license(E3);

        Cli.Result applied = cli.run("apply", planId);

        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isEqualTo(ExitCodes.SOME_REJECTED);
        List<Map<String, String>> rows = SampleRunTest.csv(cli.reportDir(planId).resolve("apply.csv"));
        assertThat(rows).filteredOn(r -> r.get("userPrincipalName").startsWith("adele")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("status") + " " + r.get("reason")).isEqualTo("STALE STALE_USER"))
                .allSatisfy(r -> assertThat(r.get("message")).contains("department is 'Sales' now (the plan saw"
                        + " 'Retail')"));
        assertThat(rows).filteredOn(r -> r.get("userPrincipalName").startsWith("carla")).singleElement()
                .satisfies(r -> assertThat(r.get("status") + " " + r.get("reason"))
                        .isEqualTo("FAILED INSUFFICIENT_SEATS"));
        assertThat(emulator.tenant(LiveReadFixture.CONTOSO).property("adele.vance@contoso.com", "jobTitle"))
                .isEqualTo("Retail Manager");
        assertThat(fabrikam.consumed(E3)).isEqualTo(4);
        assertThat(emulator.writeLog.all()).noneMatch(w -> w.path().contains("u-adele") || w.path()
                .contains("u-carla"));
        assertThat(emulator.tenant(LiveReadFixture.LYCEE).licensesOf("mathis.roux@lyceevictorhugo.fr"))
                .containsExactly(A3);
    }

    @Test
    void marketplaceSaasSeatsOfALiveTenantAreHandedOffToThePublisherAndNeverSentToGraph() throws Exception {
        Path desired = work.resolve("saas.csv");
        Files.writeString(desired, "customer,userPrincipalName,licenses\n"
                + "fabrikam.onmicrosoft.com,carla.rossi@fabrikam.com,ENTERPRISEPACK;adobe.acrobat_pro_teams\n");
        Cli.Result plan = cli.run("plan", desired.toString());
        assertThat(plan.out()).as(plan.out() + plan.err()).contains("changes planned: 2,");

        Cli.Result applied = cli.run("apply", plan.planId());

        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out()).contains("handed off: 1", "saas-handoff.csv");
        List<Map<String, String>> rows = SampleRunTest.csv(cli.reportDir(plan.planId()).resolve("apply.csv"));
        assertThat(rows).extracting(r -> r.get("change") + " " + r.get("status")).containsExactlyInAnyOrder(
                "ASSIGN_LICENSE APPLIED", "ASSIGN_SAAS_SEAT HANDED_OFF");
        assertThat(SampleRunTest.csv(cli.reportDir(plan.planId()).resolve("saas-handoff.csv"))).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("customer")).isEqualTo("Fabrikam Inc");
                    assertThat(row.get("publisher")).isEqualTo("Adobe Inc.");
                    assertThat(row.get("offer")).isEqualTo("Adobe Acrobat Pro for teams");
                    assertThat(row.get("userPrincipalName")).isEqualTo("carla.rossi@fabrikam.com");
                    assertThat(row.get("action")).isEqualTo("add");
                });
        assertThat(emulator.writeLog.all()).extracting(w -> w.method() + " " + w.path())
                .containsExactly("POST /users/u-carla/assignLicense");
        assertThat(Files.readString(cli.reportDir(plan.planId()).resolve("apply-summary.html")))
                .contains("Where the changes were made", "live tenant", "saas-handoff.csv",
                        "publisher&#39;s portal");
    }

    @Test
    void anApplyTheBlastRadiusGuardRefusesSendsNoWriteAtAll() throws Exception {
        String planId = plan();

        Cli.Result refused = cli.run("apply", "--max-removals", "0", planId);

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.TOO_MANY_REMOVALS);
        assertThat(emulator.writeLog.all()).isEmpty();
    }

    private void assertTenantsAsPlanned() {
        EmulatedTenant contoso = emulator.tenant(LiveReadFixture.CONTOSO);
        assertThat(contoso.property("adele.vance@contoso.com", "jobTitle")).isEqualTo("Store Manager");
        assertThat(contoso.property("adele.vance@contoso.com", "department")).isEqualTo("Stores");
        assertThat(contoso.licensesOf("megan.bowen@contoso.com")).containsExactly(SPB);
        assertThat(contoso.rolesOf("megan.bowen@contoso.com")).containsExactly(USER_ADMIN);
        assertThat(contoso.licensesOf("diego.siciliani@contoso.com")).isEmpty();
        assertThat(contoso.rolesOf("diego.siciliani@contoso.com")).isEmpty();
        assertThat(emulator.tenant(LiveReadFixture.FABRIKAM).licensesOf("carla.rossi@fabrikam.com"))
                .containsExactly(E3);
        EmulatedTenant lycee = emulator.tenant(LiveReadFixture.LYCEE);
        assertThat(lycee.property("mathis.roux@lyceevictorhugo.fr", "usageLocation")).isEqualTo("FR");
        assertThat(lycee.licensesOf("mathis.roux@lyceevictorhugo.fr")).containsExactly(A3);
    }
}
