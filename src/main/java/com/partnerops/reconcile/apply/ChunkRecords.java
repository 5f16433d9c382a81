package com.partnerops.reconcile.apply;

import com.partnerops.reconcile.domain.ChangeOutcome;
import com.partnerops.reconcile.domain.LineStatus;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.domain.ReasonCode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What apply records of one chunk of users, gathered as the users go through and written by
 * {@link ApplyStore#write} as one JDBC batch per table (apply rows, audit rows, the users' done-marks) inside the
 * chunk's transaction: the records still commit with the changes they describe, in a few statements instead of
 * several per user.
 */
public final class ChunkRecords {

    /** What became of one reviewed row. */
    record ApplyLine(long seq, String status, String reason, String message, OffsetDateTime at) {
    }

    /** One change made, as the audit log keeps it. */
    record AuditRow(OffsetDateTime at, String tenantId, String upn, String changeKind, String target, String before,
            String after, String relationshipId) {
    }

    /** A user done with: APPLIED, FAILED or STALE. */
    record DoneMark(String status, String tenantId, String upnKey) {
    }

    final String planId;
    final String appliedBy;
    final List<ApplyLine> applyLines = new ArrayList<>();
    final List<AuditRow> auditRows = new ArrayList<>();
    final List<DoneMark> doneMarks = new ArrayList<>();

    ChunkRecords(String planId, String appliedBy) {
        this.planId = planId;
        this.appliedBy = appliedBy;
    }

    /**
     * What the directory did with each of the user's changes: every applied change is audited, a failed or skipped
     * one is recorded with its reason; the user is APPLIED when all of them were (or were handed off to the SaaS
     * publisher's portal), FAILED otherwise.
     *
     * @param outcomes and {@code relationshipIds}: one per line, same order
     */
    public void outcomes(PendingUser user, List<ReviewedLine> lines, List<ChangeOutcome> outcomes,
            List<String> relationshipIds, Instant at) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        for (int i = 0; i < lines.size(); i++) {
            PlannedChange change = lines.get(i).change();
            ChangeOutcome outcome = outcomes.get(i);
            applyLines.add(new ApplyLine(lines.get(i).seq(), outcome.status().name(),
                    outcome.reason() == null ? null : outcome.reason().name(), outcome.message(), when));
            if (outcome.isApplied()) {
                auditRows.add(new AuditRow(when, user.tenantId(), user.userPrincipalName(), change.kind().name(),
                        change.target(), change.before(), change.after(), relationshipIds.get(i)));
            }
        }
        markUser(user, outcomes.stream().allMatch(ChangeOutcome::isDone) ? LineStatus.APPLIED : LineStatus.FAILED);
    }

    /**
     * @param blocking the index of the change that failed, or -1 when the reason concerns the whole user
     */
    public void heldBack(PendingUser user, List<ReviewedLine> lines, LineStatus status, ReasonCode reason,
            String message, int blocking, Instant at) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        for (int i = 0; i < lines.size(); i++) {
            String why = blocking < 0 || i == blocking ? message
                    : "not applied because another change of this user failed (" + lines.get(blocking).change()
                            .kind() + " " + lines.get(blocking).change().target() + "): " + message;
            applyLines.add(new ApplyLine(lines.get(i).seq(), status.name(), reason.name(), why, when));
        }
        markUser(user, status);
    }

    private void markUser(PendingUser user, LineStatus status) {
        doneMarks.add(new DoneMark(status.name(), user.tenantId(), user.upnKey()));
    }
}
