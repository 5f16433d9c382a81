package com.partnerops.reconcile.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Delimited text as a {@link TableSource}, for what admins save from Excel or export from other tools: UTF-8 with or
 * without BOM, UTF-16 with BOM, or else Windows-1252 (Excel's "CSV" on a Western Windows); comma, semicolon (Excel
 * in a French or German locale) or tab between cells. Rows stream; the file is read once to settle the encoding,
 * once up to the header to find the delimiter, then once for the rows.
 */
public final class CsvTableSource implements TableSource {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] DELIMITERS = {',', ';', '\t'};
    /** Enough of a line to recognise a header; the rest of an absurdly long line is not kept while sniffing. */
    private static final int MAX_SNIFFED_LINE = 64 * 1024;
    private static final int SCAN_BUFFER = 64 * 1024;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
        0x1A, (byte) 0xE1};

    private record Encoding(Charset charset, int bomLength) {
    }

    private record HeaderLine(int line, char delimiter) {
    }

    private final String file;
    private final char delimiter;
    private final int headerRow;
    private final CsvRecords records;
    private final HeaderRow header;

    public CsvTableSource(Path path, Set<String> expectedColumns) {
        this.file = path.toString();
        Encoding encoding = detectEncoding(path);
        HeaderLine found = findHeaderLine(path, encoding, expectedColumns);
        this.delimiter = found.delimiter();
        this.headerRow = found.line();
        this.records = new CsvRecords(open(path, encoding));
        try {
            // skipped as raw lines, like the sniffing pass, so a stray quote in a title row cannot shift the header
            for (int line = 1; line < headerRow; line++) {
                records.readLine(0);
            }
            CsvRecords.Record record = readRecord(null);
            List<String> cells = record == null ? List.of() : record.cells();
            this.header = HeaderRow.of(byIndex(cells), index -> String.valueOf(index + 1), file, null, headerRow);
        } catch (IOException e) {
            closeQuietly();
            throw unreadable(e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public String sheet() {
        return null;
    }

    @Override
    public int headerRow() {
        return headerRow;
    }

    @Override
    public List<String> columns() {
        return header.columns();
    }

    @Override
    public SourceRow next() {
        while (true) {
            CsvRecords.Record record = readRecord(header);
            if (record == null) {
                return null;
            }
            List<String> cells = record.cells();
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> byColumn = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                header.put(byColumn, i, cells.get(i), record.line());
            }
            return new SourceRow(file, null, record.line(), byColumn, shiftProblem(cells));
        }
    }

    /**
     * A row whose cells cannot sit under the header they seem to: a value beyond the last column (an unquoted
     * delimiter inside a value pushed the cells after it one column right), or the whole row in one cell (the rows
     * use another delimiter than the header). Such a row is reported, never read with its cells shifted.
     */
    private String shiftProblem(List<String> cells) {
        int columns = header.lastIndex() + 1;
        if (cells.size() == 1 && columns > 1) {
            for (char other : DELIMITERS) {
                if (other != delimiter && cells.get(0).indexOf(other) >= 0) {
                    return "the row is one cell ('" + excerpt(cells.get(0)) + "') while the header has " + columns
                            + " columns separated by '" + printable(delimiter) + "': the row seems separated by '"
                            + printable(other) + "'; use one delimiter in the whole file";
                }
            }
        }
        for (int i = columns; i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                return "the row has a value in column " + (i + 1) + " ('" + excerpt(cells.get(i)) + "') but the"
                        + " header has " + columns + " columns: a '" + printable(delimiter) + "' inside an unquoted"
                        + " value shifts the cells after it; put that value in double quotes";
            }
        }
        return null;
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static String printable(char delimiter) {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

    private CsvRecords.Record readRecord(HeaderRow columns) {
        try {
            return records.next(delimiter);
        } catch (CsvRecords.MalformedException e) {
            String column = columns == null ? null : columns.nameAt(e.cellIndex());
            throw new UnusableInputException(file, null, e.line(), column, e.getMessage(), e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private Encoding detectEncoding(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(OLE2_MAGIC.length);
            if (head.length == 0) {
                throw new UnusableInputException(file, null, 0, null, "the file is empty");
            }
            if (startsWith(head, ZIP_MAGIC)) {
                throw new UnusableInputException(file, null, 0, null, "this is a zip archive such as an .xlsx "
                        + "workbook, not CSV text; give it the .xlsx extension or save it as CSV");
            }
            if (startsWith(head, OLE2_MAGIC)) {
                throw new UnusableInputException(file, null, 0, null,
                        "this is an Excel 97-2003 .xls workbook, not CSV text; save it as .xlsx or CSV");
            }
            if (startsWith(head, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF)) {
                return new Encoding(StandardCharsets.UTF_8, 3);
            }
            if (startsWith(head, (byte) 0xFF, (byte) 0xFE)) {
                return new Encoding(StandardCharsets.UTF_16LE, 2);
            }
            if (startsWith(head, (byte) 0xFE, (byte) 0xFF)) {
                return new Encoding(StandardCharsets.UTF_16BE, 2);
            }
            // UTF-16 without a byte order mark, as some tools save "Unicode text": a header is ASCII, so every
            // other byte is zero
            if (head.length >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) {
                return new Encoding(StandardCharsets.UTF_16LE, 0);
            }
            if (head.length >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0) {
                return new Encoding(StandardCharsets.UTF_16BE, 0);
            }
            return new Encoding(isUtf8(head, in) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte... prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * Whether the whole file decodes as UTF-8. The whole file, not a sample: Windows-1252 text is mostly ASCII, so
     * its first accented name may sit anywhere, and guessing UTF-8 for it would garble names silently.
     */
    private static boolean isUtf8(byte[] head, InputStream rest) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(SCAN_BUFFER);
        CharBuffer chars = CharBuffer.allocate(SCAN_BUFFER);
        bytes.put(head);
        boolean end = false;
        while (!end) {
            int n = rest.read(bytes.array(), bytes.position(), bytes.remaining());
            end = n < 0;
            if (n > 0) {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            CoderResult result;
            do {
                chars.clear();
                result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return false;
                }
            } while (result.isOverflow());
            bytes.compact();
        }
        return true;
    }

    private Reader open(Path path, Encoding encoding) {
        try {
            InputStream in = Files.newInputStream(path);
            in.skipNBytes(encoding.bomLength());
            return new InputStreamReader(in, encoding.charset());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Finds the header among the first non-blank lines and the delimiter it uses. A header has no reason to span
     * lines, so this looks at physical lines; the delimiter is the one that, splitting the line, yields an expected
     * column, the most frequent first.
     */
    private HeaderLine findHeaderLine(Path path, Encoding encoding, Set<String> expectedColumns) {
        Set<String> expectedKeys = HeaderRow.keysOf(expectedColumns);
        try (CsvRecords lines = new CsvRecords(open(path, encoding))) {
            int nonBlank = 0;
            String text;
            for (int line = 1; nonBlank < HeaderRow.HEADER_SEARCH_ROWS
                    && (text = lines.readLine(MAX_SNIFFED_LINE)) != null; line++) {
                List<Character> candidates = delimitersByFrequency(text);
                if (split(text, candidates.get(0)).stream().allMatch(String::isBlank)) {
                    continue;
                }
                nonBlank++;
                for (char candidate : candidates) {
                    if (HeaderRow.isHeader(split(text, candidate), expectedKeys)) {
                        return new HeaderLine(line, candidate);
                    }
                }
            }
            throw new UnusableInputException(file, null, 0, null,
                    nonBlank == 0 ? "the file is empty" : HeaderRow.noHeaderMessage(expectedColumns));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The delimiters occurring outside quotes, most frequent first; a comma when none does (a single column). */
    private static List<Character> delimitersByFrequency(String line) {
        Map<Character, Integer> counts = new HashMap<>();
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && isDelimiter(c)) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        List<Character> found = new ArrayList<>();
        for (char delimiter : DELIMITERS) {
            if (counts.containsKey(delimiter)) {
                found.add(delimiter);
            }
        }
        if (found.isEmpty()) {
            return List.of(DELIMITERS[0]);
        }
        found.sort((a, b) -> counts.get(b) - counts.get(a));
        return found;
    }

    private static boolean isDelimiter(char c) {
        for (char delimiter : DELIMITERS) {
            if (c == delimiter) {
                return true;
            }
        }
        return false;
    }

    /** Cells of one physical line, quotes removed; close enough to judge whether it is the header. */
    private static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == delimiter && !inQuotes) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static TreeMap<Integer, String> byIndex(List<String> cells) {
        TreeMap<Integer, String> indexed = new TreeMap<>();
        for (int i = 0; i < cells.size(); i++) {
            indexed.put(i, cells.get(i));
        }
        return indexed;
    }

    private UnusableInputException unreadable(IOException e) {
        return new UnusableInputException(file, null, 0, null, "cannot read the file: " + e.getMessage(), e);
    }

    private void closeQuietly() {
        try {
            records.close();
        } catch (IOException e) {
            // already failing with a more useful message
        }
    }
}
