package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.ingest.SourceRow;
import com.partnerops.reconcile.ingest.TableItemReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code import-state DIR}: check and stage the snapshot in one pass over each file, then make it the current state
 * of its customers in one switch. Nothing changes before every row of every file (admin center exports included)
 * has been read and found usable, and a kill at any moment leaves the store as it was or as the snapshot says
 * ({@link SnapshotSwitch} says how).
 */
@Configuration
public class ImportStateJobConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ImportStateJobConfiguration.class);

    public static final String JOB_NAME = "importStateJob";
    public static final String STATE_DIR = "stateDir";
    /** Rows per transaction while staging, and so per JDBC batch of each table. */
    private static final int CHUNK = 5000;

    @Bean
    public Job importStateJob(JobRepository repository, Step checkSnapshot, Step prepareStaging,
            Step loadCustomers, Step loadSubscriptions, Step loadGdap, Step loadUsers, Step loadActiveUsers,
            Step refuseUnusableSnapshot, Step copyKeptCustomers, Step replaceSnapshotTenants,
            UnloggedStaging unlogged) {
        return new JobBuilder(JOB_NAME, repository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution job) {
                        unlogged.end(); // a refused or failed import must not leave the store unlogged
                    }
                })
                .start(checkSnapshot)
                .next(prepareStaging)
                .next(loadCustomers)
                .next(loadSubscriptions)
                .next(loadGdap)
                .next(loadUsers)
                .next(loadActiveUsers)
                .next(refuseUnusableSnapshot)
                .next(copyKeptCustomers)
                .next(replaceSnapshotTenants)
                // Never resumed, always run again whole. A restart would skip the steps that completed, the
                // staging's preparation and the loads among them, and switch to whatever staging holds by then:
                // after another import, nothing or another snapshot. Each import is a new job instance anyway
                // (Reconciler adds importedAt); this makes sure nothing ever restarts one.
                .preventRestart()
                .build();
    }

    /** One per import: the checks of each load step build on the files read before (tenants, license names). */
    @Bean
    @JobScope
    public SnapshotValidation snapshotValidation(@Value("#{jobParameters['" + STATE_DIR + "']}") String dir,
            ProductCatalog catalog) {
        return new SnapshotValidation(Path.of(dir), catalog);
    }

    @Bean
    public Step checkSnapshot(JobRepository repository, PlatformTransactionManager tx,
            SnapshotValidation snapshotValidation) {
        return new StepBuilder("checkSnapshot", repository)
                .tasklet((contribution, chunk) -> {
                    LOG.debug("import-state: checking the snapshot");
                    snapshotValidation.requireDirectory();
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    @Bean
    public Step prepareStaging(JobRepository repository, PlatformTransactionManager tx, SnapshotStaging staging,
            UnloggedStaging unlogged) {
        return new StepBuilder("prepareStaging", repository)
                .tasklet((contribution, chunk) -> {
                    unlogged.begin();
                    staging.recreate();
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    /** After the loads: a snapshot with any problem is refused here, all its problems named, the store unchanged. */
    @Bean
    public Step refuseUnusableSnapshot(JobRepository repository, PlatformTransactionManager tx,
            SnapshotValidation snapshotValidation) {
        return new StepBuilder("refuseUnusableSnapshot", repository)
                .tasklet((contribution, chunk) -> {
                    snapshotValidation.refuseIfProblems();
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    @Bean
    @StepScope
    public ListItemReader<List<String>> keptCustomerGroups(SnapshotSwitch snapshotSwitch) {
        return new ListItemReader<>(snapshotSwitch.keptCustomerGroups());
    }

    /** The customers the snapshot does not name are kept: copied beside it, a group per transaction. */
    @Bean
    public Step copyKeptCustomers(JobRepository repository, PlatformTransactionManager tx,
            ListItemReader<List<String>> keptCustomerGroups, SnapshotSwitch snapshotSwitch, SnapshotStaging staging,
            UnloggedStaging unlogged) {
        return new StepBuilder("copyKeptCustomers", repository)
                .<List<String>, List<String>>chunk(1)
                .transactionManager(tx)
                .reader(keptCustomerGroups)
                .writer(groups -> groups.getItems().forEach(snapshotSwitch::copyKept))
                .listener(new StepExecutionListener() {
                    @Override
                    public void beforeStep(StepExecution step) {
                        unlogged.end();
                        // A nightly log shows how far a killed import got; before the switch, nothing of it counts.
                        LOG.debug("import-state: replacing {} customers: their old rows are deleted, copying the"
                                + " snapshot's in beside the customers it does not name", staging.stagedCustomers());
                    }
                })
                .build();
    }

    /**
     * The moment the import happens: the seat history's dated copy and the customers' source are written in the
     * same transaction as the switch, so the history holds exactly the imports that happened.
     */
    @Bean
    public Step replaceSnapshotTenants(JobRepository repository, PlatformTransactionManager tx,
            SnapshotStaging staging, SnapshotSwitch snapshotSwitch, SeatHistory seatHistory,
            CustomerSources sources, SnapshotValidation snapshotValidation, Clock clock) {
        return new StepBuilder("replaceSnapshotTenants", repository)
                .tasklet((contribution, chunk) -> {
                    contribution.incrementWriteCount(staging.stagedCustomers());
                    Instant importedAt = Instant.now(clock);
                    seatHistory.record(importedAt, snapshotValidation.seatCounts());
                    sources.recordStaged(CustomerSources.SNAPSHOT, importedAt);
                    snapshotSwitch.switchToStaged();
                    return RepeatStatus.FINISHED;
                }, tx)
                .listener(new StepExecutionListener() {
                    @Override
                    public ExitStatus afterStep(StepExecution step) {
                        if (step.getStatus() == BatchStatus.COMPLETED) {
                            LOG.debug("import-state: the snapshot's customers are replaced");
                        }
                        return step.getExitStatus();
                    }
                })
                .build();
    }

    /** One reader bean serves the four load steps: the step's name says which file it reads. */
    @Bean
    @StepScope
    public TableItemReader snapshotReader(@Value("#{stepExecution.stepName}") String stepName,
            SnapshotValidation snapshotValidation) {
        SnapshotFormat format = SnapshotFormat.valueOf(stepName.substring("load:".length()));
        return new TableItemReader(snapshotValidation.requireFile(format), null, format.knownColumns(),
                format.requiredColumns());
    }

    @Bean
    public Step loadCustomers(JobRepository repository, PlatformTransactionManager tx, TableItemReader snapshotReader,
            SnapshotValidation snapshotValidation, SnapshotStaging staging) {
        ItemWriter<Object> writer = chunk -> staging.insertCustomers(cast(chunk.getItems(), Customer.class));
        return loadStep(SnapshotFormat.CUSTOMERS, repository, tx, snapshotReader, snapshotValidation, writer);
    }

    @Bean
    public Step loadSubscriptions(JobRepository repository, PlatformTransactionManager tx,
            TableItemReader snapshotReader, SnapshotValidation snapshotValidation, SnapshotStaging staging) {
        ItemWriter<Object> writer = chunk -> staging.insertSubscriptions(cast(chunk.getItems(), Subscription.class));
        return loadStep(SnapshotFormat.SUBSCRIPTIONS, repository, tx, snapshotReader, snapshotValidation, writer);
    }

    @Bean
    public Step loadGdap(JobRepository repository, PlatformTransactionManager tx, TableItemReader snapshotReader,
            SnapshotValidation snapshotValidation, SnapshotStaging staging) {
        ItemWriter<Object> writer = chunk -> staging.insertRelationships(
                cast(chunk.getItems(), GdapRelationship.class));
        return loadStep(SnapshotFormat.GDAP, repository, tx, snapshotReader, snapshotValidation, writer);
    }

    @Bean
    public Step loadUsers(JobRepository repository, PlatformTransactionManager tx, TableItemReader snapshotReader,
            SnapshotValidation snapshotValidation, SnapshotStaging staging) {
        ItemWriter<Object> writer = chunk -> staging.insertUsers(cast(chunk.getItems(), DirectoryUser.class));
        return loadStep(SnapshotFormat.USERS, repository, tx, snapshotReader, snapshotValidation, writer);
    }

    private static Step loadStep(SnapshotFormat format, JobRepository repository, PlatformTransactionManager tx,
            TableItemReader reader, SnapshotValidation validation, ItemWriter<Object> writer) {
        return new StepBuilder("load:" + format.name(), repository)
                .<CheckingAhead.Checked, Object>chunk(CHUNK)
                .transactionManager(tx)
                .reader(new CheckingAhead(reader, row -> validation.check(format, row), format.fileName()))
                .processor(CheckingAhead.Checked::record) // null, a row with a problem: filtered, reported later
                .writer(writer)
                .listener(stagedProgress(format.fileName()))
                .build();
    }

    /** A nightly log shows how far a killed import got: the files staged before the kill. */
    private static StepExecutionListener stagedProgress(String source) {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution step) {
                if (step.getStatus() == BatchStatus.COMPLETED) {
                    LOG.debug("import-state: {}: {} rows staged", source, step.getWriteCount());
                }
                return step.getExitStatus();
            }
        };
    }

    private static <T> List<T> cast(List<?> items, Class<T> type) {
        return items.stream().map(type::cast).toList();
    }

    // ---- the admin center's Active users exports in active-users/, read after users.csv ----

    @Bean
    @StepScope
    public ActiveUsersExports activeUsersExports(SnapshotValidation snapshotValidation) {
        return snapshotValidation.exports();
    }

    @Bean
    @StepScope
    public TableItemReader activeUsersReader(ActiveUsersExports activeUsersExports) {
        return activeUsersExports.reader();
    }

    /** Named after the folder: the import prints "active-users=N" with the other counts. */
    @Bean
    public Step loadActiveUsers(JobRepository repository, PlatformTransactionManager tx,
            TableItemReader activeUsersReader, ActiveUsersExports activeUsersExports,
            SnapshotValidation snapshotValidation, SnapshotStaging staging) {
        return new StepBuilder("load:" + ActiveUsersExports.FOLDER.toUpperCase(Locale.ROOT), repository)
                .<SourceRow, DirectoryUser>chunk(CHUNK)
                .transactionManager(tx)
                .reader(activeUsersReader)
                .processor(row -> snapshotValidation.checkExportRow(activeUsersExports, row))
                .writer(chunk -> staging.insertUsers(chunk.getItems()))
                .listener(stagedProgress(ActiveUsersExports.FOLDER + "/"))
                .build();
    }
}
