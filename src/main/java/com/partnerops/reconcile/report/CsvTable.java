package com.partnerops.reconcile.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The one CSV writer of every report: UTF-8 with BOM, RFC 4180 quoting, every cell through {@link CellSafety#forCsv}. */
final class CsvTable implements Closeable {

    /** Without the byte order mark Excel reads UTF-8 as the local code page and garbles accented names. */
    private static final char BOM = '\uFEFF';

    private final Path file;
    private final CSVWriter writer;

    private CsvTable(Path file, CSVWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    static CsvTable create(Path file, List<String> header) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try {
            out.write(BOM);
        } catch (IOException e) {
            out.close();
            throw e;
        }
        CsvTable table = new CsvTable(file, new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR,
                ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.DEFAULT_QUOTE_CHARACTER, ICSVWriter.RFC4180_LINE_END));
        table.write(header);
        return table;
    }

    void write(List<String> cells) {
        String[] line = new String[cells.size()];
        for (int i = 0; i < line.length; i++) {
            line[i] = CellSafety.forCsv(cells.get(i));
        }
        writer.writeNext(line, false);
    }

    /** opencsv keeps write errors to itself; surfacing them here stops a truncated CSV from passing as complete. */
    @Override
    public void close() throws IOException {
        boolean failed = writer.checkError();
        writer.close();
        if (failed) {
            throw new IOException("could not write " + file, writer.getException());
        }
    }
}
