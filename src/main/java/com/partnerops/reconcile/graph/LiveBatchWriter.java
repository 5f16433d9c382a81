package com.partnerops.reconcile.graph;

import static com.partnerops.reconcile.graph.LiveJson.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users' Graph calls in {@code $batch} requests of up to 20 items. A user's calls are chained with
 * {@code dependsOn}, so Graph runs them in order and answers 424 (not run) for those after one that failed; users
 * side by side in one batch are independent. Users are sent in rounds: a round is sent whole before the next
 * starts, so a user taking a seat another user frees is sent after that user's calls have been answered.
 *
 * <p>Each batch is journaled before it is sent and its answers after ({@link LiveCallJournal}), and counted against
 * the write limits first ({@link WriteBudget}). Items answered 429 or 503 (and those not run because they depend on
 * one) are sent again after the tenant's Retry-After; items answered otherwise are never sent twice.
 */
final class LiveBatchWriter {

    static final int BATCH = 20;

    /** One user's calls, in order. */
    record Chain(String upnKey, List<LiveCalls.Call> calls) {
    }

    /** A call in a batch: its chain and place, the call before it in the same batch (its dependency), its answer. */
    private static final class Item {
        final int chain;
        final int call;
        final LiveCalls.Call request;
        final Item dependsOn;
        String id;
        boolean answered;
        LiveApi.Reply reply;
        int status;

        Item(int chain, int call, LiveCalls.Call request, Item dependsOn) {
            this.chain = chain;
            this.call = call;
            this.request = request;
            this.dependsOn = dependsOn;
        }
    }

    private final LiveApi api;
    private final LiveCallJournal journal;
    private final WriteBudget budget;

    LiveBatchWriter(LiveApi api, LiveCallJournal journal, WriteBudget budget) {
        this.api = api;
        this.journal = journal;
        this.budget = budget;
    }

    /**
     * @param rounds the users' chains, in rounds sent one after another
     * @return per chain (rounds flattened, in order), per call, Graph's answer; null for a call not sent or not run
     *     because an earlier call of the user failed
     */
    List<LiveApi.Reply[]> send(String planId, String tenant, List<List<Chain>> rounds) {
        List<LiveApi.Reply[]> replies = new ArrayList<>();
        for (List<Chain> round : rounds) {
            int first = replies.size();
            round.forEach(chain -> replies.add(new LiveApi.Reply[chain.calls().size()]));
            sendRound(planId, tenant, round, replies.subList(first, replies.size()));
        }
        return replies;
    }

    private void sendRound(String planId, String tenant, List<Chain> round, List<LiveApi.Reply[]> replies) {
        int[] next = new int[round.size()];
        boolean[] stopped = new boolean[round.size()];
        while (true) {
            List<Item> batch = new ArrayList<>();
            for (int c = 0; c < round.size() && batch.size() < BATCH; c++) {
                int remaining = round.get(c).calls().size() - next[c];
                if (stopped[c] || remaining == 0) {
                    continue;
                }
                if (batch.size() + remaining > BATCH && !batch.isEmpty()) {
                    continue;
                }
                Item previous = null;
                for (int k = next[c]; k < round.get(c).calls().size() && batch.size() < BATCH; k++) {
                    previous = new Item(c, k, round.get(c).calls().get(k), previous);
                    batch.add(previous);
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            sendBatch(planId, tenant, round, batch);
            for (Item item : batch) {
                replies.get(item.chain)[item.call] = item.reply;
                next[item.chain] = item.call + 1;
                if (item.reply == null || !item.reply.succeeded()) {
                    stopped[item.chain] = true;
                }
            }
        }
    }

    private void sendBatch(String planId, String tenant, List<Chain> round, List<Item> batch) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).id = String.valueOf(i + 1);
        }
        List<Long> ids = journal.intend(planId, batch.stream().map(item -> new LiveCallJournal.Entry(tenant,
                round.get(item.chain).upnKey(), item.request.describe(), item.request.changes().toString())).toList());
        api.retried(() -> sendUnanswered(tenant, batch));
        journal.answered(planId, ids, batch.stream().map(item -> item.status).toList());
    }

    /** Sends the items not yet answered for good; throws a retryable failure while some are throttled. */
    private Void sendUnanswered(String tenant, List<Item> batch) {
        List<Item> pending = batch.stream().filter(item -> !item.answered).toList();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode requests = body.putArray("requests");
        for (Item item : pending) {
            ObjectNode request = requests.addObject().put("id", item.id).put("method", item.request.method())
                    .put("url", item.request.path());
            if (item.request.body() != null) {
                request.set("body", item.request.body());
                request.putObject("headers").put("Content-Type", "application/json");
            }
            if (item.dependsOn != null && !item.dependsOn.answered) {
                request.putArray("dependsOn").add(item.dependsOn.id);
            }
        }
        interruptibly(() -> budget.acquire(tenant, pending.size()));
        LiveApi.Reply reply = api.send(tenant, "POST", "/$batch", body);
        if (!reply.succeeded() || reply.body() == null) {
            throw new LiveApi.LiveReadException("POST /$batch: " + reply.status() + " " + reply.error());
        }
        Map<String, JsonNode> byId = new HashMap<>();
        reply.body().path("responses").forEach(response -> byId.put(text(response, "id"), response));
        Duration longest = null;
        for (Item item : pending) {
            JsonNode response = byId.get(item.id);
            int status = response == null ? 503 : response.path("status").asInt();
            if (status == 424 && item.dependsOn != null && item.dependsOn.answered) {
                // not run: the user's call before it failed for good
                item.answered = true;
                item.status = status;
            } else if (status == 429 || status == 503 || status == 424 || response == null) {
                Duration wait = response == null ? null
                        : LiveApi.retryAfterSeconds(text(response.path("headers"), "Retry-After"));
                if (status == 429 && wait != null) {
                    api.holdOff(tenant, wait);
                }
                longest = wait == null ? longest : longest == null || wait.compareTo(longest) > 0 ? wait : longest;
            } else {
                JsonNode answer = response.path("body");
                JsonNode error = answer.path("error");
                item.answered = true;
                item.status = status;
                item.reply = new LiveApi.Reply(status, answer.isMissingNode() ? null : answer,
                        error.isObject() ? text(error, "code") + ": " + text(error, "message") : "");
            }
        }
        if (batch.stream().anyMatch(item -> !item.answered)) {
            throw new LiveApi.Retryable(longest, "POST /$batch: items answered 429 or 503");
        }
        return null;
    }

    private interface Waiting {
        void run() throws InterruptedException;
    }

    private static void interruptibly(Waiting waiting) {
        try {
            waiting.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveApi.LiveReadException("interrupted while waiting for Graph's write limits");
        }
    }
}
