package com.partnerops.reconcile.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerops.reconcile.ingest.SourceRow;
import com.partnerops.reconcile.ingest.TableItemReader;
import com.partnerops.reconcile.ingest.UnusableInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

/**
 * A snapshot file read and checked ahead of the step: every row comes out once, in file order, with what the check
 * made of it; a problem the reader finds reaches the step after the rows before it; a step that ends early does not
 * leave the thread behind.
 */
class CheckingAheadTest {

    private static final Set<String> COLUMNS = Set.of("tenantId", "userPrincipalName");

    @TempDir
    Path dir;

    private final Set<String> checkingThreads = new CopyOnWriteArraySet<>();

    @BeforeEach
    void inAStep() {
        StepSynchronizationManager.register(MetaDataInstanceFactory.createStepExecution());
    }

    @AfterEach
    void stepEnds() {
        StepSynchronizationManager.close();
    }

    @Test
    void handsOverEveryRowInFileOrderWithItsCheckedRecord() throws IOException {
        CheckingAhead ahead = new CheckingAhead(reader(users(2345)), this::upnOfEvenRows, "users.csv");

        ahead.open(new ExecutionContext());
        List<Object> records = new ArrayList<>();
        for (CheckingAhead.Checked checked = ahead.read(); checked != null; checked = ahead.read()) {
            records.add(checked.record());
        }
        ahead.close();

        assertThat(records).hasSize(2345);
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i)).as("row %d", i + 2).isEqualTo(i % 2 == 0 ? "user" + i + "@contoso.com" : null);
        }
        assertThat(checkingThreads).containsExactly("check-users.csv");
        assertThat(ahead.read()).as("after the end").isNull();
    }

    /** One step bean runs every import of a long-running process: each execution reads its file from the start. */
    @Test
    void theNextExecutionOfTheStepReadsTheFileAgain() throws IOException {
        Path file = users(1200);
        // the step's reader is step-scoped: a new one for each execution, as this one makes
        TableItemReader perExecution = new TableItemReader(List.of(file), null, COLUMNS, COLUMNS) {
            private TableItemReader current;

            @Override
            public void open(ExecutionContext context) {
                current = reader(file);
                current.open(context);
            }

            @Override
            public SourceRow read() {
                return current.read();
            }

            @Override
            public void close() {
                current.close();
            }
        };
        CheckingAhead ahead = new CheckingAhead(perExecution, this::upnOfEvenRows, "users.csv");
        List<Integer> rowsPerExecution = new ArrayList<>();

        for (int execution = 0; execution < 2; execution++) {
            ahead.open(new ExecutionContext());
            int rows = 0;
            while (ahead.read() != null) {
                rows++;
            }
            ahead.close();
            rowsPerExecution.add(rows);
        }

        assertThat(rowsPerExecution).containsExactly(1200, 1200);
    }

    @Test
    void aFileThatCannotBeReadFailsTheStepAfterTheRowsBeforeIt() throws IOException {
        Path file = users(1500);
        Files.writeString(file, "t1,\"broken@contoso.com\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        CheckingAhead ahead = new CheckingAhead(reader(file), this::upnOfEvenRows, "users.csv");

        List<CheckingAhead.Checked> before = new ArrayList<>();
        ahead.open(new ExecutionContext());
        try {
            assertThatThrownBy(() -> {
                for (CheckingAhead.Checked checked = ahead.read(); checked != null; checked = ahead.read()) {
                    before.add(checked);
                }
            }).isInstanceOf(UnusableInputException.class).hasMessageContaining("row 1502")
                    .hasMessageContaining("never ends");
        } finally {
            ahead.close();
        }
        assertThat(before).hasSize(1500);
    }

    @Test
    void aStepThatEndsEarlyStopsTheThread() throws IOException {
        CheckingAhead ahead = new CheckingAhead(reader(users(50_000)), this::upnOfEvenRows, "users.csv");

        ahead.open(new ExecutionContext());
        assertThat(ahead.read()).isNotNull();
        ahead.close();

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("check-users.csv"));
    }

    private Object upnOfEvenRows(SourceRow row) {
        checkingThreads.add(Thread.currentThread().getName());
        return row.rowNumber() % 2 == 0 ? row.get("userPrincipalName") : null;
    }

    private Path users(int rows) throws IOException {
        StringBuilder text = new StringBuilder("tenantId,userPrincipalName\n");
        for (int i = 0; i < rows; i++) {
            text.append("t1,user").append(i).append("@contoso.com\n");
        }
        Path file = dir.resolve("users.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static TableItemReader reader(Path file) {
        return new TableItemReader(List.of(file), null, COLUMNS, COLUMNS);
    }
}
