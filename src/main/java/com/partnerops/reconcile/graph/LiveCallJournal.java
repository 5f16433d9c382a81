package com.partnerops.reconcile.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Apply's durable record of its Graph calls, {@code reports/<PLAN_ID>/live-calls.jsonl}: each call is written and
 * forced to disk before it is sent, its answer after. After a kill, the calls without an answer are those whose
 * effect is unknown; their users are re-read live by the resumed apply, which sends only what is not yet in effect.
 * A call is recorded as its method, path and the user's changes it makes (no body, never a header).
 *
 * <p>A file, not a table: the calls are made inside the chunk's transaction, and on HSQLDB a statement of a second
 * session waits behind a pending checkpoint, which waits for that open transaction: every apply thread hung so in
 * the benchmark. Appends from all threads share one file; a thread whose line an other thread's force already
 * covered does not force again (group commit).
 */
final class LiveCallJournal {

    /** One call as journaled: who, what request, which of the user's changes it makes. */
    record Entry(String tenantId, String upnKey, String request, String changes) {
    }

    static final String FILE = "live-calls.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(LiveCallJournal.class);

    private final Path reportsDir;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Object appending = new Object();
    private final Object forcing = new Object();
    private FileChannel channel;
    private Path open;
    private long nextCall;
    private long forcedTo;

    LiveCallJournal(Path reportsDir, Clock clock) {
        this.reportsDir = reportsDir;
        this.clock = clock;
    }

    /** Writes the calls about to be sent, on disk when it returns; returns their journal ids, in order. */
    List<Long> intend(String planId, List<Entry> calls) {
        List<Long> ids = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        String at = clock.instant().toString();
        long end;
        synchronized (appending) {
            for (Entry call : calls) {
                long id = ++nextCall;
                ids.add(id);
                lines.append(json.writeValueAsString(json.createObjectNode().put("call", id).put("plan", planId)
                        .put("tenantId", call.tenantId()).put("upnKey", call.upnKey()).put("request", call.request())
                        .put("changes", call.changes()).put("sentAt", at))).append('\n');
            }
            end = append(planId, lines.toString());
        }
        force(end);
        return ids;
    }

    /** Writes what Graph answered each call (its HTTP status; 424 for one not run because the call before failed). */
    void answered(String planId, List<Long> ids, List<Integer> statuses) {
        StringBuilder lines = new StringBuilder();
        String at = clock.instant().toString();
        for (int i = 0; i < ids.size(); i++) {
            lines.append(json.writeValueAsString(json.createObjectNode().put("call", ids.get(i))
                    .put("status", statuses.get(i)).put("answeredAt", at))).append('\n');
        }
        long end;
        synchronized (appending) {
            end = append(planId, lines.toString());
        }
        force(end);
    }

    /** Calls of this plan sent and never answered, in any run: an apply died while they were in flight. */
    static long unanswered(Path reportDir) throws IOException {
        Path file = reportDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        JsonMapper json = JsonMapper.builder().build();
        Set<String> open = new HashSet<>();
        int run = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry;
            try {
                entry = json.readTree(line);
            } catch (RuntimeException torn) {
                continue; // the last line of a killed run may be cut short
            }
            if (entry.has("run")) {
                run++; // call ids start again with each run
                continue;
            }
            String key = run + ":" + entry.path("call").asString();
            if (entry.has("request")) {
                open.add(key);
            } else {
                open.remove(key);
            }
        }
        return open.size();
    }

    /** Appends to this plan's journal, opened (and a run marker written) on first use; returns the end position. */
    private long append(String planId, String text) {
        try {
            Path file = reportsDir.resolve(planId).resolve(FILE);
            if (!file.equals(open)) {
                if (channel != null) {
                    channel.close();
                }
                Files.createDirectories(file.getParent());
                long inFlight = unanswered(file.getParent());
                if (inFlight > 0) {
                    LOG.warn("apply {}: {} Graph calls of an interrupted apply have no answer in {}; their users are"
                            + " re-read live and only what is not in effect is sent", planId, inFlight, file);
                }
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                open = file;
                nextCall = 0;
                forcedTo = 0;
                ObjectNode run = json.createObjectNode().put("run", clock.instant().toString());
                write("\n" + json.writeValueAsString(run) + "\n");
            }
            write(text);
            return channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot journal Graph calls in " + reportsDir.resolve(planId), e);
        }
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private void force(long end) {
        synchronized (forcing) {
            if (forcedTo >= end) {
                return;
            }
            try {
                FileChannel current;
                long written;
                synchronized (appending) {
                    current = channel;
                    written = channel.position();
                }
                current.force(false);
                forcedTo = written;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot journal Graph calls in " + reportsDir, e);
            }
        }
    }
}
