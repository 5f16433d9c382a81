package com.partnerops.reconcile.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one applied plan changed for one user, from the audit log (never from the plan: a plan applied only in part
 * changed only part of what it planned), in the order the changes were made.
 *
 * @param sourceFile and {@code sourceRow}: the desired row the changes came from, which a revert's rows cite
 */
public record AppliedChanges(String userPrincipalName, List<PlannedChange> changes, String sourceFile,
        int sourceRow) {

    public AppliedChanges {
        changes = List.copyOf(changes);
    }

    /** The user as a revert's row names them: no cells of a desired file, only where the changes came from. */
    DesiredUserRow asRow(String tenantId) {
        return new DesiredUserRow(sourceFile, sourceRow, tenantId, userPrincipalName, Map.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), null);
    }
}
