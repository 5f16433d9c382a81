package com.partnerops.reconcile.graph;

import com.partnerops.reconcile.domain.ChangeOutcome;
import com.partnerops.reconcile.domain.ReasonCode;
import java.util.Locale;

/** Graph's answer to a failed write, as the reason an admin knows, with Graph's own code and words (never a token). */
final class GraphErrors {

    private GraphErrors() {
    }

    static ChangeOutcome outcome(LiveCalls.Call call, LiveApi.Reply reply) {
        String words = reply.error().toLowerCase(Locale.ROOT);
        String message = call.describe() + ": " + reply.status() + " " + reply.error();
        ReasonCode reason;
        if (words.contains("does not have any available licenses")) {
            reason = ReasonCode.INSUFFICIENT_SEATS;
        } else if (words.contains("usage location") || words.contains("usagelocation")) {
            reason = ReasonCode.USAGE_LOCATION_REQUIRED;
        } else if (words.contains("inherited from a group")) {
            reason = ReasonCode.INHERITED_FROM_GROUP;
        } else if (reply.status() == 403) {
            reason = ReasonCode.MISSING_GDAP_ROLE;
        } else if (reply.status() == 404 && call.path().startsWith("/users/")) {
            reason = ReasonCode.STALE_USER;
        } else {
            reason = null;
        }
        return ChangeOutcome.failed(reason, message);
    }
}
