package com.partnerops.reconcile.domain;

/**
 * What a directory did with one change of a user. A directory without transactions (Microsoft Graph: one user's
 * changes are several calls) can fail half-way: the calls made stay made, and the changes after the failed one are
 * not sent.
 *
 * @param reason and {@code message}: why it failed, or (skipped) which change failed; null when applied
 */
public record ChangeOutcome(LineStatus status, ReasonCode reason, String message) {

    public ChangeOutcome {
        if (status != LineStatus.APPLIED && status != LineStatus.FAILED && status != LineStatus.SKIPPED
                && status != LineStatus.HANDED_OFF) {
            throw new IllegalArgumentException("a change is applied, failed, skipped or handed off, not " + status);
        }
    }

    public static ChangeOutcome applied() {
        return new ChangeOutcome(LineStatus.APPLIED, null, null);
    }

    public static ChangeOutcome failed(ReasonCode reason, String message) {
        return new ChangeOutcome(LineStatus.FAILED, reason, message);
    }

    /** In effect already when apply came to it (an earlier, interrupted apply made it): nothing was sent. */
    public static ChangeOutcome alreadyInEffect() {
        return new ChangeOutcome(LineStatus.APPLIED, null, "already in effect (an earlier, interrupted apply made"
                + " it); nothing was sent again");
    }

    /** Not sent because {@code failed}, an earlier change of the same user, failed with {@code outcome}. */
    public static ChangeOutcome skipped(PlannedChange failed, ChangeOutcome outcome) {
        return new ChangeOutcome(LineStatus.SKIPPED, outcome.reason(), "not sent because " + failed.kind() + " "
                + failed.target() + " failed before it: " + outcome.message());
    }

    /** Not the directory's to make (a marketplace SaaS seat, made in the publisher's portal): listed for the admin. */
    public static ChangeOutcome handedOff(String message) {
        return new ChangeOutcome(LineStatus.HANDED_OFF, null, message);
    }

    /** Applied, or handed off to where it is made: nothing of it is left for this apply to do. */
    public boolean isDone() {
        return status == LineStatus.APPLIED || status == LineStatus.HANDED_OFF;
    }

    public boolean isApplied() {
        return status == LineStatus.APPLIED;
    }
}
