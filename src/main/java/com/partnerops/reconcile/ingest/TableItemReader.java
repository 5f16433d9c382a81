package com.partnerops.reconcile.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Spring Batch's view of one or more tables read as one: every data row of every file, in order. Restartable:
 * it remembers how many rows it handed out and skips them when a restarted step opens it again.
 */
public class TableItemReader implements ItemStreamReader<SourceRow> {

    private static final String READ_COUNT = "table.rows.read";
    private static final int MAX_PROBLEMS = 50;

    private final List<Path> files;
    private final String sheet;
    private final Set<String> expectedColumns;
    private final Set<String> requiredColumns;
    private TableSource current;
    private int fileIndex = -1;
    private long rowsRead;
    private final List<UnusableInputException> problems = new ArrayList<>();

    public TableItemReader(List<Path> files, String sheet, Set<String> expectedColumns, Set<String> requiredColumns) {
        this.files = List.copyOf(files);
        this.sheet = sheet;
        this.expectedColumns = Set.copyOf(expectedColumns);
        this.requiredColumns = Set.copyOf(requiredColumns);
    }

    @Override
    public void open(ExecutionContext context) {
        long skip = context.getLong(READ_COUNT, 0L);
        while (rowsRead < skip && read() != null) {
            // fast-forward past rows a previous execution already handed out
        }
    }

    /**
     * The next row of the files read as one. A file that cannot be read to its end (a quote never closed, a cell
     * too long) does not stop the others being read: every file's problem is thrown together at the end, as
     * {@link UnusableInputException#throwIfAny}, and no row is handed out after the first problem.
     */
    @Override
    public SourceRow read() {
        while (true) {
            if (current == null) {
                if (fileIndex + 1 >= files.size()) {
                    UnusableInputException.throwIfAny(problems, MAX_PROBLEMS);
                    return null;
                }
                fileIndex++;
            }
            SourceRow row;
            try {
                if (current == null) {
                    current = TableSource.open(files.get(fileIndex), sheet, expectedColumns);
                    current.require(requiredColumns);
                }
                row = current.next();
            } catch (UnusableInputException e) {
                problems.add(e);
                closeCurrent();
                continue;
            }
            if (row == null) {
                closeCurrent();
            } else if (problems.isEmpty()) {
                rowsRead++;
                return row;
            }
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(READ_COUNT, rowsRead);
    }

    @Override
    public void close() {
        closeCurrent();
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                current = null;
            }
        }
    }
}
