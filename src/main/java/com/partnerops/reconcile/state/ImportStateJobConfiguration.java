package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.ingest.SourceRow;
import com.partnerops.reconcile.ingest.TableItemReader;
import java.nio.file.Files;
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
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code import-state DIR}: check the whole snapshot, stage it, then replace the snapshot's tenants in the store in
 * one transaction. Nothing is deleted before every row of every file (admin center exports included) has been read
 * and found usable, and a kill at any moment leaves the store as it was or as the snapshot says.
 */
@Configuration
public class ImportStateJobConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ImportStateJobConfiguration.class);

    public static final String JOB_NAME = "importStateJob";
    public static final String STATE_DIR = "stateDir";
    private static final int CHUNK = 1000;

    @Bean
    public Job importStateJob(JobRepository repository, Step validateSnapshot, Step clearStaging,
            Step loadCustomers, Step loadSubscriptions, Step loadGdap, Step loadUsers, Step loadActiveUsers,
            Step replaceSnapshotTenants, Step emptyStaging) {
        return new JobBuilder(JOB_NAME, repository)
                .start(validateSnapshot)
                .next(clearStaging)
                .next(loadCustomers)
                .next(loadSubscriptions)
                .next(loadGdap)
                .next(loadUsers)
                .next(loadActiveUsers)
                .next(replaceSnapshotTenants)
                .next(emptyStaging)
                // Never resumed, always run again whole. A restart would skip the steps that completed, clearStaging
                // and the loads among them, and replace the tenants with whatever staging holds by then: after
                // another import, nothing or another snapshot. Each import is a new job instance anyway (Reconciler
                // adds importedAt); this makes sure nothing ever restarts one.
                .preventRestart()
                .build();
    }

    @Bean
    @StepScope
    public SnapshotValidation snapshotValidation(@Value("#{jobParameters['" + STATE_DIR + "']}") String dir,
            ProductCatalog catalog) {
        return new SnapshotValidation(Path.of(dir), catalog);
    }

    @Bean
    public Step validateSnapshot(JobRepository repository, PlatformTransactionManager tx,
            SnapshotValidation snapshotValidation) {
        return new StepBuilder("validateSnapshot", repository)
                .tasklet((contribution, chunk) -> {
                    LOG.debug("import-state: checking the snapshot");
                    snapshotValidation.validate();
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    @Bean
    public Step clearStaging(JobRepository repository, PlatformTransactionManager tx, SnapshotStaging staging) {
        return new StepBuilder("clearStaging", repository)
                .tasklet((contribution, chunk) -> {
                    staging.clear();
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    /**
     * The one transaction that changes the current state: a kill before its commit changes nothing. The seat
     * history's dated copy is written in it too, so the history holds exactly the imports that happened.
     */
    @Bean
    public Step replaceSnapshotTenants(JobRepository repository, PlatformTransactionManager tx,
            SnapshotStaging staging, SeatHistory seatHistory, CustomerSources sources, Clock clock) {
        return new StepBuilder("replaceSnapshotTenants", repository)
                .tasklet((contribution, chunk) -> {
                    contribution.incrementWriteCount(staging.replaceStagedCustomers());
                    Instant importedAt = Instant.now(clock);
                    seatHistory.recordStagedImport(importedAt);
                    sources.recordStaged(CustomerSources.SNAPSHOT, importedAt);
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    /** The staged copy is not needed once it replaced the tenants; emptied so the store file does not keep it. */
    @Bean
    public Step emptyStaging(JobRepository repository, PlatformTransactionManager tx, SnapshotStaging staging) {
        return new StepBuilder("emptyStaging", repository)
                .tasklet((contribution, chunk) -> {
                    LOG.debug("import-state: the snapshot's customers are replaced; emptying the staging tables");
                    staging.clear();
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    /** One reader bean serves the four load steps: the step's name says which file it reads. */
    @Bean
    @StepScope
    public TableItemReader snapshotReader(@Value("#{jobParameters['" + STATE_DIR + "']}") String dir,
            @Value("#{stepExecution.stepName}") String stepName) {
        SnapshotFormat format = SnapshotFormat.valueOf(stepName.substring("load:".length()));
        Path file = Path.of(dir, format.fileName());
        // validation let users.csv be left out only when active-users/ holds the users instead
        List<Path> files = format == SnapshotFormat.USERS && !Files.exists(file) ? List.of() : List.of(file);
        return new TableItemReader(files, null, format.knownColumns(), format.requiredColumns());
    }

    /** How the snapshot's tenants name licenses, for the steps that load users. */
    @Bean
    @StepScope
    public SnapshotLicenseNames snapshotLicenseNames(@Value("#{jobParameters['" + STATE_DIR + "']}") String dir,
            ProductCatalog catalog) {
        return SnapshotLicenseNames.read(Path.of(dir), catalog);
    }

    @Bean
    public Step loadCustomers(JobRepository repository, PlatformTransactionManager tx, TableItemReader snapshotReader,
            SnapshotLicenseNames snapshotLicenseNames, SnapshotStaging staging) {
        ItemWriter<Object> writer = chunk -> staging.insertCustomers(cast(chunk.getItems(), Customer.class));
        return loadStep(SnapshotFormat.CUSTOMERS, repository, tx, snapshotReader, snapshotLicenseNames, writer);
    }

    @Bean
    public Step loadSubscriptions(JobRepository repository, PlatformTransactionManager tx,
            TableItemReader snapshotReader, SnapshotLicenseNames snapshotLicenseNames, SnapshotStaging staging) {
        ItemWriter<Object> writer = chunk -> staging.insertSubscriptions(cast(chunk.getItems(), Subscription.class));
        return loadStep(SnapshotFormat.SUBSCRIPTIONS, repository, tx, snapshotReader, snapshotLicenseNames, writer);
    }

    @Bean
    public Step loadGdap(JobRepository repository, PlatformTransactionManager tx, TableItemReader snapshotReader,
            SnapshotLicenseNames snapshotLicenseNames, SnapshotStaging staging) {
        ItemWriter<Object> writer = chunk -> staging.insertRelationships(
                cast(chunk.getItems(), GdapRelationship.class));
        return loadStep(SnapshotFormat.GDAP, repository, tx, snapshotReader, snapshotLicenseNames, writer);
    }

    @Bean
    public Step loadUsers(JobRepository repository, PlatformTransactionManager tx, TableItemReader snapshotReader,
            SnapshotLicenseNames snapshotLicenseNames, SnapshotStaging staging) {
        ItemWriter<Object> writer = chunk -> staging.insertUsers(cast(chunk.getItems(), DirectoryUser.class));
        return loadStep(SnapshotFormat.USERS, repository, tx, snapshotReader, snapshotLicenseNames, writer);
    }

    private static Step loadStep(SnapshotFormat format, JobRepository repository, PlatformTransactionManager tx,
            TableItemReader reader, SnapshotLicenseNames licenseNames, ItemWriter<Object> writer) {
        return new StepBuilder("load:" + format.name(), repository)
                .<SourceRow, Object>chunk(CHUNK)
                .transactionManager(tx)
                .reader(reader)
                .processor(row -> format.toRecord(row, licenseNames))
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
    public ActiveUsersExports activeUsersExports(@Value("#{jobParameters['" + STATE_DIR + "']}") String dir,
            SnapshotLicenseNames snapshotLicenseNames) {
        return new ActiveUsersExports(Path.of(dir), SnapshotValidation.customers(Path.of(dir)), snapshotLicenseNames);
    }

    @Bean
    @StepScope
    public TableItemReader activeUsersReader(ActiveUsersExports activeUsersExports) {
        return activeUsersExports.reader();
    }

    /** Named after the folder: the import prints "active-users=N" with the other counts. */
    @Bean
    public Step loadActiveUsers(JobRepository repository, PlatformTransactionManager tx,
            TableItemReader activeUsersReader, ActiveUsersExports activeUsersExports, SnapshotStaging staging) {
        return new StepBuilder("load:" + ActiveUsersExports.FOLDER.toUpperCase(Locale.ROOT), repository)
                .<SourceRow, DirectoryUser>chunk(CHUNK)
                .transactionManager(tx)
                .reader(activeUsersReader)
                .processor(activeUsersExports::toUser)
                .writer(chunk -> staging.insertUsers(chunk.getItems()))
                .listener(stagedProgress(ActiveUsersExports.FOLDER + "/"))
                .build();
    }
}
