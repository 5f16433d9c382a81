package com.partnerops.reconcile.testsupport.graph;

import tools.jackson.databind.JsonNode;

/**
 * One answer of the emulated Graph, before it is sent: on its own (a direct request) or as an item of a
 * {@code $batch} response, where the same status, body and Retry-After come back per item.
 *
 * @param body null for 204 No Content
 * @param retryAfter seconds, or null
 */
record Reply(int status, JsonNode body, Integer retryAfter) {

    static Reply of(int status, JsonNode body) {
        return new Reply(status, body, null);
    }

    static Reply noContent() {
        return new Reply(204, null, null);
    }

    static Reply error(int status, String code, String message) {
        return new Reply(status, GraphEmulator.graphError(code, message), null);
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
