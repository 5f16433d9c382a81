package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.ingest.TableSource;
import com.partnerops.reconcile.ingest.UnusableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Opens every input before a single row is staged, so an unreadable file or a missing required column stops the
 * plan with every such problem named at once, and nothing is planned.
 */
public final class InputCheck {

    private static final int MAX_PROBLEMS = 50;

    private InputCheck() {
    }

    public static void requireUsable(List<String> inputs, String sheet, Set<String> knownColumns,
            Set<String> requiredColumns) {
        List<UnusableInputException> problems = new ArrayList<>();
        for (String input : inputs) {
            try (TableSource source = TableSource.open(Path.of(input), sheet, knownColumns)) {
                source.require(requiredColumns);
            } catch (UnusableInputException e) {
                problems.add(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw UnusableInputException.of(problems, MAX_PROBLEMS);
        }
    }
}
