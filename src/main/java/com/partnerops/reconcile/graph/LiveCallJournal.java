package com.partnerops.reconcile.graph;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Apply's durable record of its Graph calls: each call is written before it is sent and its answer after, each in
 * a transaction of its own (not the chunk's, which a crash rolls back), committed to disk before the call goes out.
 * After a kill, the calls without an answer are those whose effect is unknown; their users are re-read live by the
 * resumed apply, which sends only what is not yet in effect. A request is recorded as its method and path (no
 * body, never a header).
 */
final class LiveCallJournal {

    /** One call as journaled: who, what request, which of the user's changes it makes. */
    record Entry(String tenantId, String upnKey, String request, String changes) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    LiveCallJournal(JdbcTemplate jdbc, PlatformTransactionManager tx, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(tx);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Writes the calls about to be sent; returns their journal ids, in order. */
    List<Long> intend(String planId, List<Entry> calls) {
        return ownTransaction.execute(status -> {
            List<Long> ids = new ArrayList<>();
            var at = clock.instant().atOffset(ZoneOffset.UTC);
            for (Entry call : calls) {
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.update(connection -> {
                    var insert = connection.prepareStatement("INSERT INTO live_call (plan_id, tenant_id, upn_key,"
                            + " request, changes, sent_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"call_id"});
                    insert.setString(1, planId);
                    insert.setString(2, call.tenantId());
                    insert.setString(3, call.upnKey());
                    insert.setString(4, call.request());
                    insert.setString(5, call.changes());
                    insert.setObject(6, at);
                    return insert;
                }, key);
                ids.add(key.getKey().longValue());
            }
            return ids;
        });
    }

    /** Writes what Graph answered each call (its HTTP status; 424 for one not run because the call before failed). */
    void answered(List<Long> ids, List<Integer> statuses) {
        var at = clock.instant().atOffset(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new Object[] {statuses.get(i), at, ids.get(i)});
        }
        ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate(
                "UPDATE live_call SET answer_status = ?, answered_at = ? WHERE call_id = ?", rows));
    }

    /** Calls of this plan that were sent and never answered: an apply died while they were in flight. */
    long unanswered(String planId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM live_call WHERE plan_id = ? AND answer_status IS NULL",
                Long.class, planId);
        return count == null ? 0 : count;
    }
}
