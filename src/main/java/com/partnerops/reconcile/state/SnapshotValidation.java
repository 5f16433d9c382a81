package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapRelationship;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.ingest.SourceRow;
import com.partnerops.reconcile.ingest.TableSource;
import com.partnerops.reconcile.ingest.UnusableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a whole snapshot once, checking every value and that every row belongs to a customer of the snapshot and
 * appears once. Problems are collected (not just the first) so the admin can fix the files in one go.
 */
public class SnapshotValidation {

    private static final int MAX_PROBLEMS = 50;

    private final Path dir;
    private final Set<String> tenantIds = new LinkedHashSet<>();
    private final List<UnusableInputException> problems = new ArrayList<>();

    public SnapshotValidation(Path dir) {
        this.dir = dir;
    }

    public void validate() {
        if (!Files.isDirectory(dir)) {
            throw new UnusableInputException(dir.toString(), null, 0, null,
                    "not a directory; expected one holding customers.csv, subscriptions.csv, gdap.csv and users.csv");
        }
        for (SnapshotFormat format : SnapshotFormat.values()) {
            Map<String, String> seenKeys = new HashMap<>();
            Path file = dir.resolve(format.fileName());
            if (!Files.isRegularFile(file)) {
                throw new UnusableInputException(file.toString(), null, 0, null, "the snapshot file is missing");
            }
            try (TableSource source = TableSource.open(file, null, format.knownColumns())) {
                source.require(format.requiredColumns());
                SourceRow row;
                while ((row = source.next()) != null && problems.size() < MAX_PROBLEMS) {
                    try {
                        check(format, format.toRecord(row), row, seenKeys);
                    } catch (UnusableInputException problem) {
                        problems.add(problem);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!problems.isEmpty()) {
            throw UnusableInputException.of(problems, 20);
        }
    }

    private void check(SnapshotFormat format, Object record, SourceRow row, Map<String, String> seenKeys) {
        String tenantId = row.get("tenantId");
        String key;
        if (record instanceof Customer customer) {
            tenantIds.add(customer.tenantId());
            key = customer.tenantId();
        } else {
            if (!tenantIds.contains(tenantId)) {
                throw new UnusableInputException(row.file(), row.sheet(), row.rowNumber(), "tenantId",
                        "'" + tenantId + "' is not a tenant of customers.csv");
            }
            key = tenantId + "/" + Names.key(switch (format) {
                case SUBSCRIPTIONS -> ((Subscription) record).subscriptionId();
                case GDAP -> ((GdapRelationship) record).relationshipId();
                default -> ((DirectoryUser) record).userPrincipalName();
            });
        }
        String earlier = seenKeys.putIfAbsent(key, row.where());
        if (earlier != null) {
            throw new UnusableInputException(row.file(), row.sheet(), row.rowNumber(), null,
                    "duplicate of " + earlier + " (" + key + ")");
        }
    }

    /** The tenants of a snapshot (validated before), which the import replaces whole. */
    public static Set<String> tenantIds(Path dir) {
        Set<String> ids = new LinkedHashSet<>();
        try (TableSource source = TableSource.open(dir.resolve(SnapshotFormat.CUSTOMERS.fileName()), null,
                SnapshotFormat.CUSTOMERS.knownColumns())) {
            SourceRow row;
            while ((row = source.next()) != null) {
                ids.add(row.get("tenantId"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
