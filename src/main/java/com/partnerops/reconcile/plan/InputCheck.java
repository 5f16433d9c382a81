package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.domain.NearestNames;
import com.partnerops.reconcile.domain.TextDamage;
import com.partnerops.reconcile.ingest.HeaderNames;
import com.partnerops.reconcile.ingest.TableSource;
import com.partnerops.reconcile.ingest.UnusableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Opens every input before a single row is staged, so an unreadable file or a missing required column stops the
 * plan with every such problem named at once, and nothing is planned.
 */
public final class InputCheck {

    private static final int MAX_PROBLEMS = 50;
    private static final int UNKNOWN_COLUMNS_NAMED = 5;

    private InputCheck() {
    }

    /**
     * @return warnings for the review: columns no rule reads, which an admin may have misspelt ("licences")
     * @throws UnusableInputException naming every unusable file at once
     */
    public static List<String> requireUsable(List<String> inputs, String sheet, Set<String> knownColumns,
            Set<String> requiredColumns) {
        List<UnusableInputException> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String input : inputs) {
            try (TableSource source = TableSource.open(Path.of(input), sheet, knownColumns)) {
                source.require(requiredColumns);
                warnings.addAll(unknownColumns(source, knownColumns));
            } catch (UnusableInputException e) {
                problems.add(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        UnusableInputException.throwIfAny(problems, MAX_PROBLEMS);
        return warnings;
    }

    /**
     * A line per unknown column, with the likely name; past {@link #UNKNOWN_COLUMNS_NAMED} of them (a wide export
     * handed over whole), one line with their count and the first few names.
     */
    private static List<String> unknownColumns(TableSource source, Set<String> knownColumns) {
        Set<String> known = new HashSet<>();
        knownColumns.forEach(column -> known.add(HeaderNames.normalize(column)));
        List<String> unknown = source.columns().stream()
                .filter(column -> !known.contains(HeaderNames.normalize(column))).toList();
        String where = source.file() + (source.sheet() == null ? "" : " sheet " + source.sheet()) + ": ";
        if (unknown.size() > UNKNOWN_COLUMNS_NAMED) {
            return List.of(where + unknown.size() + " columns are not ones the job reads and were ignored: "
                    + String.join(", ", unknown.stream().limit(UNKNOWN_COLUMNS_NAMED)
                            .map(column -> "'" + TextDamage.excerpt(column) + "'").toList())
                    + " and " + (unknown.size() - UNKNOWN_COLUMNS_NAMED) + " more");
        }
        List<String> warnings = new ArrayList<>();
        for (String column : unknown) {
            NearestNames nearest = new NearestNames(column, 1, 4);
            knownColumns.forEach(name -> nearest.consider(name, name));
            warnings.add(where + "column '" + TextDamage.excerpt(column) + "' is not one the job reads and was ignored"
                    + (nearest.nearest().isEmpty() ? "" : " (did you mean '" + nearest.nearest().get(0) + "'?)"));
        }
        return warnings;
    }
}
