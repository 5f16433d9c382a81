package com.partnerops.reconcile.apply;

import com.partnerops.reconcile.domain.ApplyGuard;
import com.partnerops.reconcile.domain.ChangeOutcome;
import com.partnerops.reconcile.domain.CustomerContext;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.GdapAuthority;
import com.partnerops.reconcile.domain.GdapPolicy;
import com.partnerops.reconcile.domain.LineStatus;
import com.partnerops.reconcile.domain.PlannedChange;
import com.partnerops.reconcile.domain.ReasonCode;
import com.partnerops.reconcile.domain.SeatLedger;
import com.partnerops.reconcile.state.Directory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applies the reviewed changes of a chunk of users in the chunk's transaction: the change, its apply row, its audit
 * row and the user's "done" mark commit together, so a restart never repeats one. The guard decides per user, all
 * or nothing; the directory then says what became of each change (a directory without transactions can fail
 * half-way), and each outcome is recorded as it is.
 */
public class ReviewedChangeWriter implements ItemWriter<PendingUser> {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewedChangeWriter.class);

    private final String planId;
    private final Directory directory;
    private final ApplyStore store;
    private final GdapPolicy policy;
    private final Clock clock;
    private final String appliedBy;
    private long usersDone;

    public ReviewedChangeWriter(String planId, Directory directory, ApplyStore store, GdapPolicy policy,
            Clock clock, String appliedBy) {
        this.planId = planId;
        this.directory = directory;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.appliedBy = appliedBy;
    }

    @Override
    public void write(Chunk<? extends PendingUser> users) {
        Instant now = clock.instant();
        // One read per customer and chunk: its seats (kept current by the guard as users go through), its users
        // and their reviewed rows.
        Map<String, List<PendingUser>> byCustomer = new LinkedHashMap<>();
        users.forEach(user -> byCustomer.computeIfAbsent(user.tenantId(), tenant -> new ArrayList<>()).add(user));
        byCustomer.forEach((tenantId, pending) -> apply(tenantId, pending, now));
        reportProgressOnCommit(users.size());
    }

    /**
     * A nightly log shows how far an apply got (the users themselves are in apply.csv). Said once the chunk's
     * transaction has committed, so a process that dies after the line leaves exactly that many users done.
     */
    private void reportProgressOnCommit(int chunkUsers) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                usersDone += chunkUsers;
                LOG.info("apply {}: {} users done in this run", planId, usersDone);
            }
        });
    }

    /** Users of one customer, in the order read: those freeing seats came first. */
    private void apply(String tenantId, List<PendingUser> users, Instant now) {
        List<String> keys = users.stream().map(PendingUser::upnKey).toList();
        Map<String, List<ReviewedLine>> linesByUser = store.reviewedLines(planId, tenantId, keys);
        Optional<ApplyGuard> guard = guardFor(tenantId, now);
        Map<String, DirectoryUser> current = guard.isEmpty() ? Map.of()
                : directory.loadUsers(tenantId, users.stream().map(PendingUser::userPrincipalName).toList());
        for (PendingUser user : users) {
            List<ReviewedLine> lines = linesByUser.getOrDefault(user.upnKey(), List.of());
            if (guard.isEmpty()) {
                store.recordHeldBack(planId, user, lines, LineStatus.STALE, ReasonCode.UNKNOWN_CUSTOMER,
                        "the customer is no longer in the store; nothing was changed", -1, now);
                continue;
            }
            DirectoryUser before = current.get(user.upnKey());
            List<PlannedChange> changes = lines.stream().map(ReviewedLine::change).toList();
            ApplyGuard.Decision decision = guard.get().decide(before, user.fingerprint(), changes);
            if (decision instanceof ApplyGuard.Apply apply) {
                List<ChangeOutcome> outcomes = makeChanges(guard.get(), before, changes, apply.inEffect());
                store.recordOutcomes(planId, user, lines, outcomes, apply.relationshipIds(), now, appliedBy);
            } else if (decision instanceof ApplyGuard.HoldBack held) {
                store.recordHeldBack(planId, user, lines, held.status(), held.reason(), held.message(),
                        held.blocking(), now);
            }
        }
    }

    /** Sends what is not in effect yet; the outcomes come back one per change, in the plan's order. */
    private List<ChangeOutcome> makeChanges(ApplyGuard guard, DirectoryUser user, List<PlannedChange> changes,
            Set<Integer> inEffect) {
        List<PlannedChange> toSend = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (!inEffect.contains(i)) {
                toSend.add(changes.get(i));
            }
        }
        List<ChangeOutcome> sent = toSend.isEmpty() ? List.of() : directory.apply(user, toSend);
        if (sent.size() != toSend.size()) {
            throw new IllegalStateException("the directory answered " + sent.size() + " outcomes for "
                    + toSend.size() + " changes of " + user.userPrincipalName());
        }
        guard.settle(toSend, sent);
        List<ChangeOutcome> outcomes = new ArrayList<>();
        Iterator<ChangeOutcome> next = sent.iterator();
        for (int i = 0; i < changes.size(); i++) {
            outcomes.add(inEffect.contains(i) ? ChangeOutcome.alreadyInEffect() : next.next());
        }
        return outcomes;
    }

    private Optional<ApplyGuard> guardFor(String tenantId, Instant now) {
        Optional<CustomerContext> context = directory.loadCustomer(tenantId);
        return context.map(c -> new ApplyGuard(c, new GdapAuthority(policy, c.relationships(), now),
                new SeatLedger(c)));
    }
}
