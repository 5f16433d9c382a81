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
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code import-state DIR}: check the whole snapshot, then replace the snapshot's tenants in the store. Nothing
 * is deleted before every row of every file (admin center exports included) has been read and found usable.
 */
@Configuration
public class ImportStateJobConfiguration {

    public static final String JOB_NAME = "importStateJob";
    public static final String STATE_DIR = "stateDir";
    private static final int CHUNK = 1000;

    @Bean
    public Job importStateJob(JobRepository repository, Step validateSnapshot, Step forgetSnapshotTenants,
            Step loadCustomers, Step loadSubscriptions, Step loadGdap, Step loadUsers, Step loadActiveUsers) {
        return new JobBuilder(JOB_NAME, repository)
                .start(validateSnapshot)
                .next(forgetSnapshotTenants)
                .next(loadCustomers)
                .next(loadSubscriptions)
                .next(loadGdap)
                .next(loadUsers)
                .next(loadActiveUsers)
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
                    snapshotValidation.validate();
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    @Bean
    public Step forgetSnapshotTenants(JobRepository repository, PlatformTransactionManager tx,
            StoreDirectory store) {
        return new StepBuilder("forgetSnapshotTenants", repository)
                .tasklet((contribution, chunk) -> {
                    String dir = contribution.getStepExecution().getJobExecution().getJobParameters()
                            .getString(STATE_DIR);
                    store.forgetTenants(SnapshotValidation.tenantIds(Path.of(dir)));
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
            SnapshotLicenseNames snapshotLicenseNames, StoreDirectory store) {
        ItemWriter<Object> writer = chunk -> store.insertCustomers(cast(chunk.getItems(), Customer.class));
        return loadStep(SnapshotFormat.CUSTOMERS, repository, tx, snapshotReader, snapshotLicenseNames, writer);
    }

    @Bean
    public Step loadSubscriptions(JobRepository repository, PlatformTransactionManager tx,
            TableItemReader snapshotReader, SnapshotLicenseNames snapshotLicenseNames, StoreDirectory store) {
        ItemWriter<Object> writer = chunk -> store.insertSubscriptions(cast(chunk.getItems(), Subscription.class));
        return loadStep(SnapshotFormat.SUBSCRIPTIONS, repository, tx, snapshotReader, snapshotLicenseNames, writer);
    }

    @Bean
    public Step loadGdap(JobRepository repository, PlatformTransactionManager tx, TableItemReader snapshotReader,
            SnapshotLicenseNames snapshotLicenseNames, StoreDirectory store) {
        ItemWriter<Object> writer = chunk -> store.insertRelationships(cast(chunk.getItems(), GdapRelationship.class));
        return loadStep(SnapshotFormat.GDAP, repository, tx, snapshotReader, snapshotLicenseNames, writer);
    }

    @Bean
    public Step loadUsers(JobRepository repository, PlatformTransactionManager tx, TableItemReader snapshotReader,
            SnapshotLicenseNames snapshotLicenseNames, StoreDirectory store) {
        ItemWriter<Object> writer = chunk -> store.insertUsers(cast(chunk.getItems(), DirectoryUser.class));
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
                .build();
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
            TableItemReader activeUsersReader, ActiveUsersExports activeUsersExports, StoreDirectory store) {
        return new StepBuilder("load:" + ActiveUsersExports.FOLDER.toUpperCase(Locale.ROOT), repository)
                .<SourceRow, DirectoryUser>chunk(CHUNK)
                .transactionManager(tx)
                .reader(activeUsersReader)
                .processor(activeUsersExports::toUser)
                .writer(chunk -> store.insertUsers(chunk.getItems()))
                .build();
    }
}
