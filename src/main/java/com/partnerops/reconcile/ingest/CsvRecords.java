package com.partnerops.reconcile.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into records the way Excel writes and reads it (RFC 4180): a cell may be quoted, a quote
 * inside a quoted cell is doubled, and a quoted cell may hold delimiters and line breaks. Hand-written rather than
 * opencsv because the reader must know the physical line where every record starts, must not take a backslash for
 * an escape ({@code CONTOSO\jdoe}), and must not let one stray quote pull the rest of a 100 MB file into memory.
 *
 * <p>Line breaks are {@code \n}, {@code \r\n} or a lone {@code \r}, counted as a text editor counts them; inside a
 * quoted cell each becomes {@code \n}, as in an Excel cell.
 */
final class CsvRecords implements Closeable {

    /** Far beyond any real row; a record this long means a quote was never closed. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    private static final int EOF = -1;

    /** A record that cannot be split. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int cellIndex;

        MalformedException(int line, int cellIndex, String problem) {
            super(problem);
            this.line = line;
            this.cellIndex = cellIndex;
        }

        /** The line where the broken record starts. */
        int line() {
            return line;
        }

        /** The 0-based position of the cell that is broken in its record. */
        int cellIndex() {
            return cellIndex;
        }
    }

    /** @param line where the record starts */
    record Record(int line, List<String> cells) {
    }

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int line = 1;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** A physical line without its line break (cut after maxChars characters), or null at the end of the text. */
    String readLine(int maxChars) throws IOException {
        int c = read();
        if (c == EOF) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (; c != EOF && c != '\n'; c = read()) {
            if (text.length() < maxChars) {
                text.append((char) c);
            }
        }
        return text.toString();
    }

    /** The next record, or null at the end of the text. A blank line is a record of one empty cell. */
    Record next(char delimiter) throws IOException, MalformedException {
        int start = line;
        int c = read();
        if (c == EOF) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        boolean quoted = false;
        int length = 0;
        for (; ; c = read()) {
            if (c != EOF && ordinary((char) c, delimiter, inQuotes)) {
                // A run of ordinary characters goes over at once: every character of a million-row file passes here.
                int run = ordinaryRun(delimiter, inQuotes);
                length += 1 + run;
                if (length > MAX_RECORD_CHARS) {
                    throw tooLong(start, cells.size(), inQuotes);
                }
                cell.append((char) c).append(buffer, position - run, run);
                continue;
            }
            if (++length > MAX_RECORD_CHARS) {
                throw tooLong(start, cells.size(), inQuotes);
            }
            if (c == EOF && inQuotes) {
                throw new MalformedException(start, cells.size(),
                        "a quoted cell starting on this row never ends; is a closing \" missing?");
            }
            if (inQuotes) {
                if (c == '"' && peek() == '"') {
                    read();
                    cell.append('"');
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    cell.append((char) c);
                }
            } else if (c == EOF || c == '\n') {
                cells.add(cell.toString());
                return new Record(start, cells);
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                quoted = false;
            } else if (c == '"' && !quoted && cell.toString().isBlank()) {
                // a quote opens a quoted cell only at its start (spaces before it are dropped, as some tools write
                // them); anywhere else it is an ordinary character
                cell.setLength(0);
                inQuotes = true;
                quoted = true;
            } else {
                cell.append((char) c);
            }
        }
    }

    private static MalformedException tooLong(int line, int cellIndex, boolean inQuotes) {
        return new MalformedException(line, cellIndex, inQuotes
                ? "a quoted cell starting on this row never ends; is a closing \" missing?"
                : "the row is longer than " + MAX_RECORD_CHARS + " characters");
    }

    /** A character that neither ends a cell or a line nor opens or closes a quote. */
    private static boolean ordinary(char c, char delimiter, boolean inQuotes) {
        return c != '"' && c != '\n' && c != '\r' && (inQuotes || c != delimiter);
    }

    /** Skips the ordinary characters that follow in the buffer (not beyond it); returns how many. */
    private int ordinaryRun(char delimiter, boolean inQuotes) {
        int from = position;
        while (position < limit && ordinary(buffer[position], delimiter, inQuotes)) {
            position++;
        }
        return position - from;
    }

    /** The next character with every line break turned into one {@code \n}, counting lines as it goes. */
    private int read() throws IOException {
        if (!fill()) {
            return EOF;
        }
        char c = buffer[position++];
        if (c == '\r') {
            if (fill() && buffer[position] == '\n') {
                position++;
            }
            c = '\n';
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private int peek() throws IOException {
        return fill() ? buffer[position] : EOF;
    }

    private boolean fill() throws IOException {
        while (position == limit) {
            int n = in.read(buffer);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
