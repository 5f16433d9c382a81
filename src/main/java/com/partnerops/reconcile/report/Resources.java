package com.partnerops.reconcile.report;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** The open files of one report, closed together in reverse order; closing twice is harmless. */
final class Resources implements Closeable {

    private final Deque<Closeable> open = new ArrayDeque<>();

    <T extends Closeable> T add(T resource) {
        open.push(resource);
        return resource;
    }

    /** Closes every resource even when one fails, so a failed report never leaks file handles or POI temp files. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Releases everything after {@code cause} already failed the report, keeping cause as the error to report. */
    void closeAfter(Exception cause) {
        try {
            close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
