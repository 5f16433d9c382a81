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
import com.partnerops.reconcile.state.CustomerStates.CustomerState;
import com.partnerops.reconcile.state.Directory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applies the reviewed changes of a chunk of users in the chunk's transaction: the change, its apply row, its audit
 * row and the user's "done" mark commit together, so a restart never repeats one. The records of the whole chunk
 * are written at its end, one JDBC batch per table ({@link ChunkRecords}). The guard decides per user, all
 * or nothing; the directory then says what became of each change (a directory without transactions can fail
 * half-way), and each outcome is recorded as it is.
 */
public class ReviewedChangeWriter implements ItemWriter<PendingUser> {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewedChangeWriter.class);

    private final String planId;
    private final Directory directory;
    private final Directory storeCopy;
    private final ApplyStore store;
    private final GdapPolicy policy;
    private final Clock clock;
    private final String appliedBy;
    private final ApplyProgress progress;

    /**
     * @param directory where the changes are made (per customer: Graph or the store)
     * @param storeCopy the store's users, as imported: what a STALE message compares the live user with
     */
    public ReviewedChangeWriter(String planId, Directory directory, Directory storeCopy, ApplyStore store,
            GdapPolicy policy, Clock clock, String appliedBy, ApplyProgress progress) {
        this.progress = progress;
        this.planId = planId;
        this.directory = directory;
        this.storeCopy = storeCopy;
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.appliedBy = appliedBy;
    }

    @Override
    public void write(Chunk<? extends PendingUser> users) {
        Instant now = clock.instant();
        // One read of the chunk's customers (their seats, kept current by the guard as users go through, and their
        // users: one query per table in the store), then per customer one read of its users' reviewed rows.
        Map<String, List<PendingUser>> byCustomer = new LinkedHashMap<>();
        users.forEach(user -> byCustomer.computeIfAbsent(user.tenantId(), tenant -> new ArrayList<>()).add(user));
        Map<String, List<String>> named = new LinkedHashMap<>();
        byCustomer.forEach((tenantId, pending) -> named.put(tenantId,
                pending.stream().map(PendingUser::userPrincipalName).toList()));
        Map<String, CustomerState> states = directory.loadCustomers(named);
        ChunkRecords records = store.newChunk(planId, appliedBy);
        byCustomer.forEach((tenantId, pending) -> apply(tenantId, pending, Optional.ofNullable(states.get(tenantId)),
                now, records));
        store.write(records);
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
                LOG.info(progress.committed(planId, chunkUsers));
            }
        });
    }

    /**
     * Users of one customer, in the order read: those freeing seats came first. The guard decides every user first
     * (taking and releasing seats on one ledger, in that order), then the directory makes all their changes at once
     * (Graph: in {@code $batch}es), then what was not made gives its seats back.
     */
    private void apply(String tenantId, List<PendingUser> users, Optional<CustomerState> state, Instant now,
            ChunkRecords records) {
        List<String> keys = users.stream().map(PendingUser::upnKey).toList();
        Map<String, List<ReviewedLine>> linesByUser = store.reviewedLines(planId, tenantId, keys);
        Optional<ApplyGuard> guard = state.map(s -> guardFor(s.context(), now));
        Map<String, DirectoryUser> current = state.map(CustomerState::users).orElse(Map.of());
        Map<String, DirectoryUser> asReviewed = asReviewed(tenantId, users, current);
        List<Sending> sending = new ArrayList<>();
        for (PendingUser user : users) {
            List<ReviewedLine> lines = linesByUser.getOrDefault(user.upnKey(), List.of());
            if (guard.isEmpty()) {
                records.heldBack(user, lines, LineStatus.STALE, ReasonCode.UNKNOWN_CUSTOMER,
                        "the customer is no longer in the store; nothing was changed", -1, now);
                continue;
            }
            DirectoryUser before = current.get(user.upnKey());
            List<PlannedChange> changes = lines.stream().map(ReviewedLine::change).toList();
            ApplyGuard.Decision decision = guard.get().decide(before, user.fingerprint(), changes,
                    asReviewed.get(user.upnKey()));
            if (decision instanceof ApplyGuard.Apply apply) {
                sending.add(new Sending(user, lines, before, changes, apply));
            } else if (decision instanceof ApplyGuard.HoldBack held) {
                records.heldBack(user, lines, held.status(), held.reason(), held.message(), held.blocking(),
                        now);
            }
        }
        if (sending.isEmpty()) {
            return;
        }
        List<Directory.UserChanges> toSend = sending.stream().map(Sending::toSend).toList();
        List<List<ChangeOutcome>> sent = directory.applyAll(toSend);
        if (sent.size() != toSend.size()) {
            throw new IllegalStateException("the directory answered for " + sent.size() + " users of " + toSend.size());
        }
        for (int u = 0; u < sending.size(); u++) {
            Sending user = sending.get(u);
            List<ChangeOutcome> outcomes = user.outcomes(sent.get(u));
            guard.get().settle(toSend.get(u).changes(), sent.get(u));
            records.outcomes(user.pending(), user.lines(), outcomes, user.decision().relationshipIds(), now);
        }
    }

    /**
     * The store's copy of the users who differ from their reviewed fingerprint, so a STALE message can name what
     * changed. For a customer read live the copy is what the plan saw (unless imported again since); for one from
     * a snapshot it is the current state, and the message falls back to what the reviewed rows touch.
     */
    private Map<String, DirectoryUser> asReviewed(String tenantId, List<PendingUser> users,
            Map<String, DirectoryUser> current) {
        List<String> differing = users.stream().filter(u -> current.get(u.upnKey()) != null
                && !current.get(u.upnKey()).fingerprint().equals(u.fingerprint()))
                .map(PendingUser::userPrincipalName).toList();
        return differing.isEmpty() ? Map.of() : storeCopy.loadUsers(tenantId, differing);
    }

    /** A user the guard let through: the changes to send (not those in effect already), and the plan's order. */
    private record Sending(PendingUser pending, List<ReviewedLine> lines, DirectoryUser user,
            List<PlannedChange> changes, ApplyGuard.Apply decision) {

        Directory.UserChanges toSend() {
            List<PlannedChange> notInEffect = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                if (!decision.inEffect().contains(i)) {
                    notInEffect.add(changes.get(i));
                }
            }
            return new Directory.UserChanges(user, notInEffect);
        }

        /** One outcome per change in the plan's order: those in effect already, and what the directory said. */
        List<ChangeOutcome> outcomes(List<ChangeOutcome> sent) {
            if (sent.size() != changes.size() - decision.inEffect().size()) {
                throw new IllegalStateException("the directory answered " + sent.size() + " outcomes for "
                        + (changes.size() - decision.inEffect().size()) + " changes of " + user.userPrincipalName());
            }
            List<ChangeOutcome> outcomes = new ArrayList<>();
            Iterator<ChangeOutcome> next = sent.iterator();
            for (int i = 0; i < changes.size(); i++) {
                outcomes.add(decision.inEffect().contains(i) ? ChangeOutcome.alreadyInEffect() : next.next());
            }
            return outcomes;
        }
    }

    private ApplyGuard guardFor(CustomerContext context, Instant now) {
        return new ApplyGuard(context, new GdapAuthority(policy, context.relationships(), now),
                new SeatLedger(context));
    }
}
