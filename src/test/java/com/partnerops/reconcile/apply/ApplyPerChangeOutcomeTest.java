package com.partnerops.reconcile.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.application.PlanRequest;
import com.partnerops.reconcile.application.Reconciler;
import com.partnerops.reconcile.domain.ChangeKind;
import com.partnerops.reconcile.domain.ChangeOutcome;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.domain.ReasonCode;
import com.partnerops.reconcile.plan.PlanStore;
import com.partnerops.reconcile.state.StoreDirectory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import com.opencsv.CSVReaderHeaderAware;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The directory's word on each change is what apply records. A directory without transactions (as Microsoft Graph
 * is: one call per change) that fails half-way keeps what it made: those rows are APPLIED and audited, the failed
 * one FAILED with its reason, the ones after it SKIPPED. A user found partly in the planned state gets only the rest.
 */
@SpringBootTest(properties = "reconcile.now=2026-11-24T09:00:00Z")
class ApplyPerChangeOutcomeTest {

    private static final String TENANT = "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d";

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("reconcile.db", () -> "jdbc:hsqldb:file:" + work.resolve("store/reconcile") + ";shutdown=true");
        registry.add("reconcile.reports", () -> work.resolve("reports").toString());
    }

    /**
     * The store behind calls shaped as Graph's: the user's attribute changes in one call, all license changes in
     * one call (never a removal without its addition), each role change in a call of its own. It refuses the call
     * holding a chosen change kind of a chosen user, and sends nothing after a refused call.
     */
    static class CallByCallDirectory extends StoreReadingDirectory {
        final Map<String, ChangeKind> refuse = new ConcurrentHashMap<>();

        CallByCallDirectory(StoreDirectory store) {
            super(store);
        }

        @Override
        public List<ChangeOutcome> apply(DirectoryUser user, List<PlannedChange> changes) {
            Map<String, List<Integer>> calls = new LinkedHashMap<>();
            for (int i = 0; i < changes.size(); i++) {
                calls.computeIfAbsent(callOf(changes.get(i), i), call -> new ArrayList<>()).add(i);
            }
            ChangeOutcome[] outcomes = new ChangeOutcome[changes.size()];
            DirectoryUser now = user;
            Integer failed = null;
            for (List<Integer> call : calls.values()) {
                if (failed != null) {
                    for (int i : call) {
                        outcomes[i] = ChangeOutcome.skipped(changes.get(failed), outcomes[failed]);
                    }
                } else if (call.stream().anyMatch(i -> changes.get(i).kind() == refuse.get(user.userPrincipalName()))) {
                    failed = call.get(0);
                    for (int i : call) {
                        outcomes[i] = ChangeOutcome.failed(ReasonCode.INSUFFICIENT_SEATS, "License assignment"
                                + " failed because the tenant does not have any available licenses");
                    }
                } else {
                    List<PlannedChange> made = call.stream().map(changes::get).toList();
                    store.apply(now, made);
                    for (int i : call) {
                        now = changes.get(i).applyTo(now);
                        outcomes[i] = ChangeOutcome.applied();
                    }
                }
            }
            return List.of(outcomes);
        }

        private static String callOf(PlannedChange change, int index) {
            return switch (change.kind()) {
                case SET_ATTRIBUTE -> "PATCH user";
                case ASSIGN_LICENSE, REMOVE_LICENSE, SET_DISABLED_PLANS -> "assignLicense";
                default -> "call " + index;
            };
        }
    }

    @TestConfiguration
    static class CallByCall {
        @Bean
        @Primary
        CallByCallDirectory callByCallDirectory(StoreDirectory store) {
            return new CallByCallDirectory(store);
        }
    }

    @Autowired
    Reconciler reconciler;
    @Autowired
    CallByCallDirectory directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlanStore plans;
    @Autowired
    ApplyReportPublisher applyReports;

    @BeforeEach
    void importATenantOfTwo() throws IOException {
        Path state = Files.createDirectories(work.resolve("state"));
        Files.writeString(state.resolve("customers.csv"), "tenantId,domain,name\n"
                + TENANT + ",wingtip.onmicrosoft.com,Wingtip Toys\n", StandardCharsets.UTF_8);
        Files.writeString(state.resolve("subscriptions.csv"), "tenantId,subscriptionId,skuPartNumber,productName,"
                + "kind,program,quantity,status,commitmentStart,termEnd,assignedDisplay\n"
                + TENANT + ",s1,O365_BUSINESS_PREMIUM,Microsoft 365 Business Standard,LICENSE,NCE,5,active,"
                + "2026-01-01,2026-12-31,\n"
                + TENANT + ",s2,SPB,Microsoft 365 Business Premium,LICENSE,NCE,5,active,2026-01-01,2026-12-31,\n",
                StandardCharsets.UTF_8);
        Files.writeString(state.resolve("gdap.csv"), "tenantId,relationshipId,status,endDateTime,roles\n"
                + TENANT + ",wingtip-gdap,active,2028-01-01T00:00:00Z,User Administrator\n", StandardCharsets.UTF_8);
        Files.writeString(state.resolve("users.csv"), "tenantId,userPrincipalName,displayName,usageLocation,"
                + "jobTitle,licenses\n"
                + TENANT + ",alice@wingtip.com,Alice,US,Assistant,O365_BUSINESS_PREMIUM\n"
                + TENANT + ",bob@wingtip.com,Bob,US,Assistant,O365_BUSINESS_PREMIUM\n", StandardCharsets.UTF_8);
        reconciler.importState(state);
    }

    private String planTheMove() throws IOException {
        Path desired = work.resolve("desired.csv");
        Files.writeString(desired, "customer,userPrincipalName,jobTitle,licenses\n"
                + "Wingtip Toys,alice@wingtip.com,Engineer,SPB\n"
                + "Wingtip Toys,bob@wingtip.com,Engineer,SPB\n", StandardCharsets.UTF_8);
        return reconciler.plan(new PlanRequest(List.of(desired), null, List.of(), false, "")).planId();
    }

    @Test
    void aCallThatFailsKeepsWhatWasMadeBeforeItAndSendsNothingAfterIt() throws IOException {
        String planId = planTheMove();
        directory.refuse.put("alice@wingtip.com", ChangeKind.ASSIGN_LICENSE);
        directory.refuse.put("bob@wingtip.com", ChangeKind.SET_ATTRIBUTE);

        Reconciler.ApplyOutcome outcome = reconciler.apply(planId, ApplyRules.defaults());

        String noLicense = "License assignment failed because the tenant does not have any available licenses";
        Map<String, List<String>> alice = applyRows(planId, "alice@wingtip.com");
        assertThat(alice.get("jobTitle")).containsExactly("APPLIED", "", "");
        assertThat(alice.get("SPB")).containsExactly("FAILED", "INSUFFICIENT_SEATS", noLicense);
        assertThat(alice.get("O365_BUSINESS_PREMIUM")).containsExactly("FAILED", "INSUFFICIENT_SEATS", noLicense);
        Map<String, List<String>> bob = applyRows(planId, "bob@wingtip.com");
        assertThat(bob.get("jobTitle")).containsExactly("FAILED", "INSUFFICIENT_SEATS", noLicense);
        for (String sku : List.of("SPB", "O365_BUSINESS_PREMIUM")) {
            assertThat(bob.get(sku)).containsExactly("SKIPPED", "INSUFFICIENT_SEATS",
                    "not sent because SET_ATTRIBUTE jobTitle failed before it: " + noLicense);
        }
        assertThat(outcome.count("APPLIED")).isEqualTo(1);
        assertThat(outcome.count("FAILED")).isEqualTo(3);
        assertThat(outcome.count("SKIPPED")).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT upn || ' ' || change_kind FROM audit_log WHERE plan_id = ?",
                String.class, planId)).containsExactly("alice@wingtip.com SET_ATTRIBUTE");
        assertThat(jdbc.queryForList("SELECT u.upn || ' ' || job_title || ' ' || l.sku FROM directory_user u"
                + " JOIN user_license l ON l.tenant_id = u.tenant_id AND l.upn_key = u.upn_key", String.class))
                .as("what was made stays made; nobody lost a license").containsExactlyInAnyOrder(
                        "alice@wingtip.com Engineer O365_BUSINESS_PREMIUM",
                        "bob@wingtip.com Assistant O365_BUSINESS_PREMIUM");
        assertThat(jdbc.queryForList("SELECT apply_status FROM plan_user WHERE plan_id = ?", String.class, planId))
                .containsOnly("FAILED");
    }

    @Test
    void aUserPartlyInThePlannedStateGetsOnlyWhatIsMissingAndEachChangeIsAuditedOnce() throws IOException {
        String planId = planTheMove();
        // an earlier apply, interrupted between its calls, had set alice's title already
        jdbc.update("UPDATE directory_user SET job_title = 'Engineer' WHERE upn = 'alice@wingtip.com'");
        directory.refuse.clear();

        Reconciler.ApplyOutcome outcome = reconciler.apply(planId, ApplyRules.defaults());

        assertThat(outcome.count("STALE")).isZero();
        assertThat(outcome.count("APPLIED")).isEqualTo(6);
        assertThat(applyRows(planId, "alice@wingtip.com").get("jobTitle")).containsExactly("APPLIED", "",
                "already in effect (an earlier, interrupted apply made it); nothing was sent again");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE plan_id = ?", Long.class, planId))
                .isEqualTo(6);
        assertThat(jdbc.queryForList("SELECT DISTINCT sku FROM user_license", String.class)).containsExactly("SPB");
    }

    @Test
    void theFiguresShownAfterPlanAndApplyAreTheOnesCountedFromTheStoreAfterwards() throws IOException {
        Path desired = work.resolve("desired.csv");
        Files.writeString(desired, "customer,userPrincipalName,jobTitle,licenses\n"
                + "Wingtip Toys,alice@wingtip.com,Engineer,SPB\n"
                + "Wingtip Toys,bob@wingtip.com,Engineer,SPB\n"
                + "Nobody Inc,carol@nobody.example,Engineer,SPB\n", StandardCharsets.UTF_8);
        directory.refuse.clear();
        directory.refuse.put("bob@wingtip.com", ChangeKind.ASSIGN_LICENSE);

        Reconciler.PlanOutcome planned = reconciler.plan(new PlanRequest(List.of(desired), null, List.of(), false,
                ""));
        Reconciler.ApplyOutcome applied = reconciler.apply(planned.planId(), ApplyRules.defaults());

        // The figures come from the pass that wrote each report; counting the rows again must give the same.
        assertThat(planned.summary().statusCounts()).containsEntry("PLANNED", 6L).containsEntry("REJECTED", 1L);
        assertThat(planned.summary()).isEqualTo(plans.summary(planned.planId()));
        assertThat(applied.summary().statusCounts()).containsEntry("APPLIED", 4L).containsEntry("FAILED", 2L);
        assertThat(applied.summary().reasonCounts()).containsEntry("INSUFFICIENT_SEATS", 2L);
        assertThat(applied.summary()).isEqualTo(applyReports.summary(planned.planId()));
    }

    /** apply.csv's rows of one user: target → status, reason, message. */
    private Map<String, List<String>> applyRows(String planId, String upn) throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(work.resolve("reports").resolve(planId).resolve("apply.csv"),
                StandardCharsets.UTF_8); CSVReaderHeaderAware csv = new CSVReaderHeaderAware(reader)) {
            Map<String, String> row;
            while ((row = csv.readMap()) != null) {
                if (row.get("userPrincipalName").equals(upn)) {
                    rows.put(row.get("target"), List.of(row.get("status"), row.get("reason"), row.get("message")));
                }
            }
        } catch (com.opencsv.exceptions.CsvValidationException e) {
            throw new IOException(e);
        }
        return rows;
    }
}
