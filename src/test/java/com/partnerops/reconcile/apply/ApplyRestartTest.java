package com.partnerops.reconcile.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerops.reconcile.application.JobRunner;
import com.partnerops.reconcile.application.PlanRequest;
import com.partnerops.reconcile.application.Reconciler;
import com.partnerops.reconcile.domain.ChangeOutcome;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.state.StoreDirectory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An apply that dies half-way is started again with the same plan id: Spring Batch restarts the failed job
 * instance, the users whose transaction committed are not applied again, the rest are applied once.
 */
@SpringBootTest(properties = {"reconcile.now=2026-11-24T09:00:00Z", "reconcile.apply.users-per-chunk=2"})
class ApplyRestartTest {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("reconcile.db", () -> "jdbc:hsqldb:file:" + work.resolve("store/reconcile") + ";shutdown=true");
        registry.add("reconcile.reports", () -> work.resolve("reports").toString());
    }

    /** The store, with a switch that makes the directory fail when it reaches one user. */
    static class FailingDirectory extends StoreReadingDirectory {
        volatile String failOn;

        FailingDirectory(StoreDirectory store) {
            super(store);
        }

        @Override
        public List<ChangeOutcome> apply(DirectoryUser user, List<PlannedChange> changes) {
            List<ChangeOutcome> outcomes = store.apply(user, changes);
            if (user.userPrincipalName().equals(failOn)) {
                throw new IllegalStateException("the directory went away while applying " + failOn);
            }
            return outcomes;
        }
    }

    @TestConfiguration
    static class Failures {
        @Bean
        @Primary
        FailingDirectory failingDirectory(StoreDirectory store) {
            return new FailingDirectory(store);
        }
    }

    @Autowired
    Reconciler reconciler;
    @Autowired
    FailingDirectory directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobRepository jobRepository;

    @Test
    void aFailedApplyResumesWithoutApplyingAnyChangeTwice() {
        reconciler.importState(Path.of("input-samples/state"));
        Reconciler.PlanOutcome plan = reconciler.plan(new PlanRequest(List.of(Path.of("input-samples/desired-users.csv")),
                null, List.of(), false, ""));
        long planned = plan.count("PLANNED");
        long users = jdbc.queryForObject("SELECT COUNT(*) FROM plan_user WHERE plan_id = ?", Long.class,
                plan.planId());
        assertThat(users).isGreaterThan(4);

        // Johanna comes after the Contoso users who free seats; her chunk rolls back, earlier chunks stay committed.
        directory.failOn = "johanna.lorenz@contoso.com";
        assertThatThrownBy(() -> reconciler.apply(plan.planId(), ApplyRules.defaults())).isInstanceOf(JobRunner.JobFailedException.class)
                .hasMessageContaining("the directory went away");
        long doneAfterCrash = jdbc.queryForObject("SELECT COUNT(*) FROM plan_user WHERE plan_id = ?"
                + " AND apply_status IS NOT NULL", Long.class, plan.planId());
        assertThat(doneAfterCrash).isPositive().isLessThan(users);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_user WHERE job_title = 'x' OR display_name ="
                + " 'Johanna Lorenz (Engineering)'", Long.class)).as("Johanna's change rolled back").isZero();

        directory.failOn = null;
        Reconciler.ApplyOutcome resumed = reconciler.apply(plan.planId(), ApplyRules.defaults());

        assertThat(resumed.count("APPLIED")).isEqualTo(planned);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE plan_id = ?", Long.class,
                plan.planId())).isEqualTo(planned);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT upn, change_kind, target FROM audit_log"
                + " WHERE plan_id = ? GROUP BY upn, change_kind, target HAVING COUNT(*) > 1)", Long.class,
                plan.planId())).as("changes audited twice").isZero();
        JobInstance instance = jobRepository.getLastJobInstance(ApplyJobConfiguration.JOB_NAME);
        assertThat(jobRepository.getJobExecutions(instance)).as("one job instance, restarted").hasSize(2);
    }
}
