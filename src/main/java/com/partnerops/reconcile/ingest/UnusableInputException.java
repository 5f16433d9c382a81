package com.partnerops.reconcile.ingest;

import java.util.List;

/**
 * A file the job cannot use at all (unreadable, not a table, a required column missing): the command exits 2 and
 * plans nothing. The message names file, sheet, row and column where they are known.
 */
public class UnusableInputException extends RuntimeException {

    private final String file;
    private final String sheet;
    private final int row;
    private final String column;

    public UnusableInputException(String file, String sheet, int row, String column, String problem) {
        this(file, sheet, row, column, problem, null);
    }

    public UnusableInputException(String file, String sheet, int row, String column, String problem,
            Throwable cause) {
        super(describe(file, sheet, row, column, problem), cause);
        this.file = file;
        this.sheet = sheet;
        this.row = row;
        this.column = column;
    }

    /** A device, a named pipe or a socket: it has no table to read, or would read as empty (/dev/null). */
    public static UnusableInputException notARegularFile(String file) {
        return new UnusableInputException(file, null, 0, null,
                "is not a regular file but a device, pipe or socket; name a CSV or .xlsx file");
    }

    /** Several problems found in one pass, reported together so the admin can fix them all at once. */
    public static UnusableInputException of(List<UnusableInputException> problems, int limit) {
        StringBuilder message = new StringBuilder(problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + " in the input:");
        problems.stream().limit(limit).forEach(p -> message.append(System.lineSeparator()).append("  ")
                .append(p.getMessage()));
        if (problems.size() > limit) {
            message.append(System.lineSeparator()).append("  ... and ").append(problems.size() - limit)
                    .append(" more");
        }
        UnusableInputException first = problems.get(0);
        return new UnusableInputException(message.toString(), first);
    }

    /** Throws the one problem as it is, or several as {@link #of}; returns when there is none. */
    public static void throwIfAny(List<UnusableInputException> problems, int limit) {
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw of(problems, limit);
        }
    }

    private UnusableInputException(String message, UnusableInputException first) {
        super(message);
        this.file = first.file;
        this.sheet = first.sheet;
        this.row = first.row;
        this.column = first.column;
    }

    private static String describe(String file, String sheet, int row, String column, String problem) {
        StringBuilder where = new StringBuilder(file);
        if (sheet != null) {
            where.append(" sheet ").append(sheet);
        }
        if (row > 0) {
            where.append(" row ").append(row);
        }
        if (column != null) {
            where.append(" column '").append(column).append('\'');
        }
        return where + ": " + problem;
    }

    public String file() {
        return file;
    }

    public String sheet() {
        return sheet;
    }

    public int row() {
        return row;
    }

    public String column() {
        return column;
    }
}
