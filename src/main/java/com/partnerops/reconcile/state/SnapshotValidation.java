package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.ingest.SourceRow;
import com.partnerops.reconcile.ingest.UnusableInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a snapshot row by row while it is staged, in one pass: every value, that every row belongs to a customer
 * of the snapshot and appears once, a user once across {@code users.csv} and the admin center exports. Problems
 * are collected (not just the first) so the admin can fix the files in one go; once there is one, no further row
 * is handed on to be staged, and {@link #refuseIfProblems} refuses the snapshot before the store changes. One
 * instance serves one import, its files read in the order of {@link SnapshotFormat}, then the exports.
 */
public class SnapshotValidation {

    private static final int MAX_PROBLEMS = 50;

    private final Path dir;
    private final SnapshotLicenseNames licenseNames;
    private final List<Customer> customers = new ArrayList<>();
    private final Set<String> tenantIds = new LinkedHashSet<>();
    private final List<UnusableInputException> problems = new ArrayList<>();
    private final Map<SnapshotFormat, SeenKeys> seenKeys = new EnumMap<>(SnapshotFormat.class);
    private final SeenKeys seenUsers = new SeenKeys();
    private final StagedSeatCounts seatCounts = new StagedSeatCounts();

    public SnapshotValidation(Path dir, ProductCatalog catalog) {
        this.dir = dir;
        this.licenseNames = new SnapshotLicenseNames(catalog);
    }

    /** Before any file is read. */
    public void requireDirectory() {
        if (!Files.isDirectory(dir)) {
            throw new UnusableInputException(dir.toString(), null, 0, null,
                    "not a directory; expected one holding customers.csv, subscriptions.csv, gdap.csv and users.csv");
        }
    }

    /**
     * Before the file is read: it must be there, except {@code users.csv} when the admin center exports hold the
     * users instead.
     *
     * @return the file to read; empty for a {@code users.csv} left out that way
     */
    public List<Path> requireFile(SnapshotFormat format) {
        Path file = dir.resolve(format.fileName());
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw UnusableInputException.notARegularFile(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            if (format == SnapshotFormat.USERS && ActiveUsersExports.present(dir)) {
                return List.of();
            }
            throw new UnusableInputException(file.toString(), null, 0, null, "the snapshot file is missing");
        }
        return List.of(file);
    }

    /**
     * One row as its file's record, checked.
     *
     * @return the record to stage; null when the row has a problem (kept for {@link #refuseIfProblems}) or an
     *         earlier one had, since such a snapshot is refused whole
     */
    public Object check(SnapshotFormat format, SourceRow row) {
        Object record = problems.size() < MAX_PROBLEMS ? collect(() -> record(format, row)) : null;
        return problems.isEmpty() ? record : null;
    }

    /** The admin center exports, matched to the customers read so far; a file that names none is a problem. */
    public ActiveUsersExports exports() {
        ActiveUsersExports exports = new ActiveUsersExports(dir, customers, licenseNames);
        exports.problems().stream().limit(Math.max(0, MAX_PROBLEMS - problems.size())).forEach(problems::add);
        return exports;
    }

    /** One row of an export as its user, checked like {@link #check}. */
    public DirectoryUser checkExportRow(ActiveUsersExports exports, SourceRow row) {
        DirectoryUser user = problems.size() < MAX_PROBLEMS ? collect(() -> {
            DirectoryUser read = exports.toUser(row);
            once(read, row, seenUsers);
            seatCounts.add(read);
            return read;
        }) : null;
        return problems.isEmpty() ? user : null;
    }

    /** After every file: the problems found, all at once; nothing has replaced anything yet. */
    public void refuseIfProblems() {
        if (!problems.isEmpty()) {
            throw UnusableInputException.of(problems, 20);
        }
    }

    /** The seat counts of the rows checked so far, for the seat history. */
    public StagedSeatCounts seatCounts() {
        return seatCounts;
    }

    /** How the snapshot's tenants name licenses, from the subscriptions checked so far. */
    public SnapshotLicenseNames licenseNames() {
        return licenseNames;
    }

    private <T> T collect(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (UnusableInputException problem) {
            problems.add(problem);
            return null;
        }
    }

    private Object record(SnapshotFormat format, SourceRow row) {
        String tenantId = row.get("tenantId");
        // the tenant first: how a row names licenses depends on its tenant's subscriptions
        if (format != SnapshotFormat.CUSTOMERS && !tenantId.isEmpty() && !tenantIds.contains(tenantId)) {
            throw new UnusableInputException(row.file(), row.sheet(), row.rowNumber(), "tenantId",
                    "'" + tenantId + "' is not a tenant of customers.csv");
        }
        SeenKeys seen = format == SnapshotFormat.USERS ? seenUsers
                : seenKeys.computeIfAbsent(format, f -> new SeenKeys());
        Object record = format.toRecord(row, licenseNames);
        if (record instanceof Customer customer) {
            once(customer.tenantId(), row, seen);
            customers.add(customer);
            tenantIds.add(customer.tenantId());
        } else if (record instanceof Subscription subscription) {
            once(tenantId + "/" + Names.key(subscription.subscriptionId()), row, seen);
            licenseNames.add(subscription);
            seatCounts.add(subscription);
        } else if (record instanceof GdapRelationship relationship) {
            once(tenantId + "/" + Names.key(relationship.relationshipId()), row, seen);
        } else {
            once((DirectoryUser) record, row, seen);
            seatCounts.add((DirectoryUser) record);
        }
        return record;
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
}
