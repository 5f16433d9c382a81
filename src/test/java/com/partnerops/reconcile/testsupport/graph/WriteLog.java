package com.partnerops.reconcile.testsupport.graph;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Every write request the emulated Graph received, in arrival order, with what it answered: the record a test
 * checks "each change exactly once" against, independent of what the job says it did.
 */
public final class WriteLog {

    /**
     * @param path without the version, as in a batch item ({@code /users/u-adele/assignLicense})
     * @param body the request's JSON, null for DELETE
     * @param status what the emulator answered
     */
    public record Write(String tenant, String method, String path, JsonNode body, int status) {

        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private final List<Write> writes = new ArrayList<>();

    synchronized void add(Write write) {
        writes.add(write);
    }

    public synchronized List<Write> all() {
        return List.copyOf(writes);
    }

    /** The writes that took effect. */
    public synchronized List<Write> succeeded() {
        return writes.stream().filter(Write::succeeded).toList();
    }

    public synchronized void clear() {
        writes.clear();
    }
}
