package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.ingest.SourceRow;
import com.partnerops.reconcile.ingest.TableSource;
import com.partnerops.reconcile.ingest.UnusableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a whole snapshot once, checking every value and that every row belongs to a customer of the snapshot and
 * appears once; a user once across {@code users.csv} and the admin center exports. Problems are collected (not just
 * the first) so the admin can fix the files in one go.
 */
public class SnapshotValidation {

    private static final int MAX_PROBLEMS = 50;

    private final Path dir;
    private final SnapshotLicenseNames licenseNames;
    private final List<Customer> customers = new ArrayList<>();
    private final Set<String> tenantIds = new LinkedHashSet<>();
    private final List<UnusableInputException> problems = new ArrayList<>();

    public SnapshotValidation(Path dir, ProductCatalog catalog) {
        this.dir = dir;
        this.licenseNames = new SnapshotLicenseNames(catalog);
    }

    public void validate() {
        if (!Files.isDirectory(dir)) {
            throw new UnusableInputException(dir.toString(), null, 0, null,
                    "not a directory; expected one holding customers.csv, subscriptions.csv, gdap.csv and users.csv");
        }
        boolean hasExports = ActiveUsersExports.present(dir);
        SeenKeys seenUsers = new SeenKeys();
        for (SnapshotFormat format : SnapshotFormat.values()) {
            SeenKeys seenKeys = format == SnapshotFormat.USERS ? seenUsers : new SeenKeys();
            Path file = dir.resolve(format.fileName());
            if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
                throw UnusableInputException.notARegularFile(file.toString());
            }
            if (!Files.isRegularFile(file)) {
                if (format == SnapshotFormat.USERS && hasExports) {
                    continue; // the admin center exports hold the users
                }
                throw new UnusableInputException(file.toString(), null, 0, null, "the snapshot file is missing");
            }
            read(file, format.knownColumns(), format.requiredColumns(),
                    row -> check(format, row, seenKeys));
        }
        if (hasExports) {
            ActiveUsersExports exports = new ActiveUsersExports(dir, customers, licenseNames);
            exports.problems().stream().limit(MAX_PROBLEMS - problems.size()).forEach(problems::add);
            for (Path file : exports.files()) {
                read(file, ActiveUsersExports.KNOWN_COLUMNS, ActiveUsersExports.REQUIRED_COLUMNS,
                        row -> once(exports.toUser(row), row, seenUsers));
            }
        }
        if (!problems.isEmpty()) {
            throw UnusableInputException.of(problems, 20);
        }
    }

    /** Checks every row of one file, collecting each row's problem, until there are enough to report. */
    private void read(Path file, Set<String> knownColumns, Set<String> requiredColumns,
            Consumer<SourceRow> check) {
        try (TableSource source = TableSource.open(file, null, knownColumns)) {
            source.require(requiredColumns);
            SourceRow row;
            while (problems.size() < MAX_PROBLEMS && (row = source.next()) != null) {
                try {
                    check.accept(row);
                } catch (UnusableInputException problem) {
                    problems.add(problem);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check(SnapshotFormat format, SourceRow row, SeenKeys seenKeys) {
        String tenantId = row.get("tenantId");
        // the tenant first: how a row names licenses depends on its tenant's subscriptions
        if (format != SnapshotFormat.CUSTOMERS && !tenantId.isEmpty() && !tenantIds.contains(tenantId)) {
            throw new UnusableInputException(row.file(), row.sheet(), row.rowNumber(), "tenantId",
                    "'" + tenantId + "' is not a tenant of customers.csv");
        }
        Object record = format.toRecord(row, licenseNames);
        if (record instanceof Customer customer) {
            once(customer.tenantId(), row, seenKeys);
            customers.add(customer);
            tenantIds.add(customer.tenantId());
        } else if (record instanceof Subscription subscription) {
            once(tenantId + "/" + Names.key(subscription.subscriptionId()), row, seenKeys);
            licenseNames.add(subscription);
        } else if (record instanceof GdapRelationship relationship) {
            once(tenantId + "/" + Names.key(relationship.relationshipId()), row, seenKeys);
        } else {
            once((DirectoryUser) record, row, seenKeys);
        }
    }

    private static void once(DirectoryUser user, SourceRow row, SeenKeys seenUsers) {
        once(user.tenantId() + "/" + Names.key(user.userPrincipalName()), row, seenUsers);
    }

    private static void once(String key, SourceRow row, SeenKeys seenKeys) {
        String earlier = seenKeys.seen(key, row);
        if (earlier != null) {
            throw new UnusableInputException(row.file(), row.sheet(), row.rowNumber(), null,
                    "duplicate of " + earlier + " (" + key + ")");
        }
    }

    /** The customers of a snapshot (validated before). */
    public static List<Customer> customers(Path dir) {
        List<Customer> customers = new ArrayList<>();
        SnapshotFormat format = SnapshotFormat.CUSTOMERS;
        try (TableSource source = TableSource.open(dir.resolve(format.fileName()), null, format.knownColumns())) {
            for (SourceRow row = source.next(); row != null; row = source.next()) {
                customers.add((Customer) format.toRecord(row, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return customers;
    }
}
