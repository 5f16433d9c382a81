package com.partnerops.reconcile.plan;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A plan's desired rows brought into customer order in bounded memory: an external sort. Rows are kept until a run
 * is full, then sorted and written to a temporary file; {@link #sorted()} merges the runs. Only a run's worth of
 * rows is ever held, however large the input. Customer order is by tenant id (the rows whose customer matched
 * nothing first), then by {@link StagedRow#seq}, so each customer's rows come together and in file order.
 * Not final: the job-scoped bean is a class proxy.
 */
public class DesiredRowRuns implements AutoCloseable {

    static final Comparator<StagedRow> CUSTOMER_ORDER = Comparator.comparing(DesiredRowRuns::groupOf)
            .thenComparingLong(StagedRow::seq);

    private static final int MAX_ROWS_PER_RUN = 100_000;
    /** About 100 MB of text: rows of very long cells make shorter runs. */
    private static final long MAX_WEIGHT_PER_RUN = 50_000_000L;
    private static final int BUFFER_BYTES = 1 << 16;

    private final List<StagedRow> buffer = new ArrayList<>();
    private long bufferWeight;
    private final List<Path> runs = new ArrayList<>();
    private final Set<String> groups = new HashSet<>();
    private Path dir;
    private long sortNanos;

    /** The group a row is planned in: its tenant id, or "" for the rows whose customer matched nothing. */
    public static String groupOf(StagedRow row) {
        return row.tenantId() == null ? "" : row.tenantId();
    }

    public synchronized void add(List<? extends StagedRow> rows) {
        for (StagedRow row : rows) {
            groups.add(groupOf(row));
            buffer.add(row);
            bufferWeight += StagedRowCodec.weight(row);
            if (buffer.size() >= MAX_ROWS_PER_RUN || bufferWeight >= MAX_WEIGHT_PER_RUN) {
                spill();
            }
        }
    }

    /** How many customers the rows name, the group of rows whose customer matched nothing counted as one. */
    public synchronized int groups() {
        return groups.size();
    }

    /** Time spent sorting and writing runs so far. */
    public synchronized long sortNanos() {
        return sortNanos;
    }

    private void spill() {
        long start = System.nanoTime();
        buffer.sort(CUSTOMER_ORDER);
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("reconcile-plan-");
            }
            Path run = dir.resolve("run-" + runs.size());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run),
                    BUFFER_BYTES))) {
                for (StagedRow row : buffer) {
                    StagedRowCodec.write(out, row);
                }
            }
            runs.add(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
        bufferWeight = 0;
        sortNanos += System.nanoTime() - start;
    }

    /** Every row added, in customer order; call once all rows are added. */
    public synchronized SortedRows sorted() {
        long start = System.nanoTime();
        buffer.sort(CUSTOMER_ORDER);
        List<Source> sources = new ArrayList<>();
        sources.add(new MemorySource(new ArrayList<>(buffer).iterator()));
        buffer.clear();
        bufferWeight = 0;
        for (Path run : runs) {
            sources.add(new RunSource(run));
        }
        sortNanos += System.nanoTime() - start;
        return new SortedRows(sources);
    }

    /** Deletes the runs. */
    @Override
    public synchronized void close() {
        try {
            for (Path run : runs) {
                Files.deleteIfExists(run);
            }
            runs.clear();
            if (dir != null) {
                Files.deleteIfExists(dir);
                dir = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The merge of the runs: the next row in customer order, with a look at it first. */
    public static final class SortedRows implements AutoCloseable {

        private final PriorityQueue<Source> heads = new PriorityQueue<>(
                Comparator.comparing(Source::head, CUSTOMER_ORDER));
        private final List<Source> all;

        private SortedRows(List<Source> sources) {
            this.all = sources;
            for (Source source : sources) {
                if (source.head() != null) {
                    heads.add(source);
                }
            }
        }

        /** The next row without taking it; null at the end. */
        public StagedRow peek() {
            return heads.isEmpty() ? null : heads.peek().head();
        }

        public StagedRow next() {
            Source source = heads.poll();
            if (source == null) {
                return null;
            }
            StagedRow row = source.head();
            if (source.advance() != null) {
                heads.add(source);
            }
            return row;
        }

        @Override
        public void close() {
            all.forEach(Source::close);
        }
    }

    private interface Source {
        StagedRow head();

        StagedRow advance();

        void close();
    }

    private static final class MemorySource implements Source {
        private final Iterator<StagedRow> rows;
        private StagedRow head;

        MemorySource(Iterator<StagedRow> rows) {
            this.rows = rows;
            advance();
        }

        @Override
        public StagedRow head() {
            return head;
        }

        @Override
        public StagedRow advance() {
            head = rows.hasNext() ? rows.next() : null;
            return head;
        }

        @Override
        public void close() {
            head = null;
        }
    }

    private static final class RunSource implements Source {
        private final DataInputStream in;
        private StagedRow head;

        RunSource(Path run) {
            try {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), BUFFER_BYTES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            advance();
        }

        @Override
        public StagedRow head() {
            return head;
        }

        @Override
        public StagedRow advance() {
            try {
                head = StagedRowCodec.read(in);
            } catch (EOFException end) {
                head = null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return head;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
