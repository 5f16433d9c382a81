package com.partnerops.reconcile.ingest;

import com.partnerops.reconcile.domain.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One worksheet of an .xlsx workbook as a {@link TableSource}, cells read as Excel displays them (formulas by their
 * cached result). The sheet is parsed with POI's event API on a background thread that hands non-blank rows over a
 * small bounded queue, so a sheet of a million rows takes the memory of a few hundred, plus the workbook's shared
 * strings, which POI keeps in memory.
 */
public final class XlsxTableSource implements TableSource {

    private static final int QUEUE_CAPACITY = 256;
    private static final String NOT_READABLE =
            "not a readable .xlsx workbook (damaged, or not completely copied?); open and save it in Excel: ";
    /** What the parser puts last: the end of the sheet, or of parsing when {@link #failure} is set. */
    private static final SheetRow END = new SheetRow(0, Collections.emptySortedMap(), null);

    /** A non-blank row: cell values by 0-based column index; number as Excel shows it. */
    /** @param problem why the row cannot be trusted as read (a formula without its result), or null */
    private record SheetRow(int number, SortedMap<Integer, String> cells, String problem) {
    }

    /** @param allNames every sheet of the workbook, for messages that help choose another */
    private record SelectedSheet(String name, InputStream xml, List<String> allNames) {
    }

    private final String file;
    private final OPCPackage workbook;
    private final BlockingQueue<SheetRow> rows = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final String sheet;
    private final Thread parser;
    private final int headerRow;
    private final HeaderRow header;
    private volatile boolean closed;
    private volatile Throwable failure;
    private boolean ended;

    public XlsxTableSource(Path path, String sheetName, Set<String> expectedColumns) {
        this.file = path.toString();
        checkIsXlsx(path);
        this.workbook = openWorkbook(path);
        try {
            XSSFReader reader = new XSSFReader(workbook);
            // phonetic runs are reading aids Excel does not display
            SharedStrings strings = new ReadOnlySharedStringsTable(workbook, false);
            Styles styles = reader.getStylesTable();
            SelectedSheet selected = selectSheet(reader, sheetName);
            this.sheet = selected.name();
            this.parser = new Thread(() -> parse(selected.xml(), strings, styles), "xlsx-reader " + path.getFileName());
            parser.setDaemon(true);
            parser.start();
            SheetRow headerCells = findHeader(expectedColumns, sheetName == null ? selected.allNames() : List.of());
            this.headerRow = headerCells.number();
            this.header = HeaderRow.of(headerCells.cells(), CellReference::convertNumToColString, file, sheet,
                    headerRow);
        } catch (UnusableInputException | UncheckedIOException e) {
            close();
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            // RuntimeException too: POI reports damaged workbook parts with a variety of unchecked exceptions
            close();
            throw new UnusableInputException(file, null, 0, null, NOT_READABLE + describe(e), e);
        }
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public String sheet() {
        return sheet;
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
        if (closed) {
            // the parser is gone: waiting for its next row would block forever
            throw new IllegalStateException(file + " is closed");
        }
        SheetRow row = take();
        if (row == END) {
            return null;
        }
        Map<String, String> byColumn = new HashMap<>();
        row.cells().forEach((index, value) -> header.put(byColumn, index, value, row.number()));
        return new SourceRow(file, sheet, row.number(), byColumn, row.problem());
    }

    /** Stops the parser thread and releases the file; safe to call more than once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (parser != null) {
            parser.interrupt();
            try {
                parser.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // revert, not close: close() would try to save a package opened read-only
        workbook.revert();
    }

    /** Turns the files admins mistake for .xlsx into a message they can act on, before POI sees them. */
    private void checkIsXlsx(Path path) {
        FileMagic magic;
        try {
            if (Files.size(path) == 0) {
                throw new UnusableInputException(file, null, 0, null, "the file is empty");
            }
            magic = FileMagic.valueOf(path.toFile());
        } catch (IOException e) {
            throw new UnusableInputException(file, null, 0, null, "cannot read the file: " + e.getMessage(), e);
        }
        if (magic == FileMagic.OLE2) {
            throw new UnusableInputException(file, null, 0, null, isEncrypted(path)
                    ? "the workbook is password-protected; remove the password or save it as CSV"
                    : "this is an Excel 97-2003 .xls workbook; save it as .xlsx or CSV");
        }
        if (magic != FileMagic.OOXML) {
            throw new UnusableInputException(file, null, 0, null,
                    "this is not an .xlsx workbook (it is not a zip archive); if it is CSV text, name it .csv");
        }
    }

    /** An encrypted .xlsx is an OLE2 container holding the encryption header and the encrypted package. */
    private static boolean isEncrypted(Path path) {
        try (POIFSFileSystem container = new POIFSFileSystem(path.toFile(), true)) {
            return container.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            // a damaged OLE2 file: calling it an .xls still tells the admin what to do
            return false;
        }
    }

    private OPCPackage openWorkbook(Path path) {
        try {
            return OPCPackage.open(path.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            // POI reports a damaged zip with a variety of unchecked exceptions
            throw new UnusableInputException(file, null, 0, null, NOT_READABLE + describe(e), e);
        }
    }

    private SelectedSheet selectSheet(XSSFReader reader, String sheetName) throws IOException,
            InvalidFormatException {
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        List<String> names = new ArrayList<>();
        SelectedSheet selected = null;
        while (sheets.hasNext()) {
            InputStream xml = sheets.next();
            String name = sheets.getSheetName();
            names.add(name);
            // Excel treats sheet names case-insensitively, so there is at most one match
            if (selected == null && (sheetName == null || name.equalsIgnoreCase(sheetName.strip()))) {
                selected = new SelectedSheet(name, xml, names);
            } else {
                xml.close();
            }
        }
        if (selected == null) {
            throw new UnusableInputException(file, sheetName, 0, null, sheetName == null
                    ? "the workbook has no worksheet"
                    : "no sheet named " + sheetName + "; the workbook has " + names);
        }
        return selected;
    }

    /** @param otherSheets sheets to suggest when the default (first) sheet is not the one holding the table */
    private SheetRow findHeader(Set<String> expectedColumns, List<String> otherSheets) {
        String suggestion = otherSheets.size() > 1 ? "; the workbook has sheets " + otherSheets
                + ": name the one to read with " + Setting.SHEET.neutral() : "";
        Set<String> expectedKeys = HeaderRow.keysOf(expectedColumns);
        for (int nonBlank = 0; nonBlank < HeaderRow.HEADER_SEARCH_ROWS; nonBlank++) {
            SheetRow row = take();
            if (row == END) {
                if (nonBlank == 0) {
                    throw new UnusableInputException(file, sheet, 0, null, "the sheet is empty" + suggestion);
                }
                break;
            }
            if (HeaderRow.isHeader(row.cells().values(), expectedKeys)) {
                return row;
            }
        }
        throw new UnusableInputException(file, sheet, 0, null, HeaderRow.noHeaderMessage(expectedColumns)
                + suggestion);
    }

    /** The next non-blank row from the parser, or {@link #END}. */
    private SheetRow take() {
        if (!ended) {
            try {
                SheetRow row = rows.take();
                if (row != END) {
                    return row;
                }
                ended = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new InterruptedIOException("interrupted while reading " + file));
            }
        }
        if (failure != null) {
            throw new UnusableInputException(file, sheet, 0, null,
                    "the workbook is damaged; the sheet cannot be read to its end: " + describe(failure), failure);
        }
        return END;
    }

    /** The parser thread: rows into the queue, then {@link #END}. */
    private void parse(InputStream sheetXml, SharedStrings strings, Styles styles) {
        try (sheetXml) {
            XMLReader xml = XMLHelper.newXMLReader();
            // a fixed locale, so a file reads the same on every server ("1234.5", not "1234,5" on a French one)
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            RowCollector collector = new RowCollector();
            xml.setContentHandler(new FormulaResultWatch(new XSSFSheetXMLHandler(styles, null, strings, collector,
                    formatter, false), collector));
            xml.parse(new InputSource(sheetXml));
        } catch (Throwable e) {
            // whatever went wrong must reach the reader, or it would wait for rows forever
            if (closed) {
                return;
            }
            failure = e;
        }
        try {
            rows.put(END);
        } catch (InterruptedException e) {
            // closed while waiting: nobody reads the queue any more
        }
    }

    /** Collects the cells of each row by column index, so a sparse row keeps its cells in their columns. */
    private final class RowCollector implements SheetContentsHandler {
        private int number;
        private int column;
        private SortedMap<Integer, String> cells;
        private final List<String> formulasWithoutResult = new ArrayList<>();

        @Override
        public void startRow(int rowIndex) {
            number = rowIndex + 1;
            column = -1;
            cells = new TreeMap<>();
            formulasWithoutResult.clear();
        }

        void formulaWithoutResult(String cellReference) {
            formulasWithoutResult.add(cellReference);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            // a cell may omit its reference, meaning the column after the previous cell
            column = cellReference == null ? column + 1 : columnIndex(cellReference);
            if (formattedValue != null) {
                cells.put(column, formattedValue);
            }
        }

        @Override
        public void endRow(int rowIndex) {
            if (closed) {
                throw new CancellationException("closed");
            }
            if (cells.values().stream().allMatch(String::isBlank) && formulasWithoutResult.isEmpty()) {
                return;
            }
            boolean one = formulasWithoutResult.size() == 1;
            String problem = formulasWithoutResult.isEmpty() ? null : (one ? "cell " : "cells ")
                    + String.join(", ", formulasWithoutResult) + (one ? " holds a formula whose result was"
                            : " hold formulas whose results were")
                    + " never saved (the file was written by a tool that does not calculate): open the workbook in"
                    + " Excel, save it, and plan again";
            try {
                rows.put(new SheetRow(number, cells, problem));
            } catch (InterruptedException e) {
                throw new CancellationException("closed");
            }
        }
    }

    /**
     * Passes the sheet's XML on to POI's handler, noting the cells that hold a formula but no saved result: POI reads
     * them as blank, which would lose the row's values without a word.
     */
    private static final class FormulaResultWatch extends DefaultHandler {
        private final DefaultHandler poi;
        private final RowCollector collector;
        private String cell;
        private boolean formula;
        private boolean inValue;
        private boolean hasValue;

        FormulaResultWatch(DefaultHandler poi, RowCollector collector) {
            this.poi = poi;
            this.collector = collector;
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes)
                throws SAXException {
            switch (localName) {
                case "c" -> {
                    cell = attributes.getValue("r");
                    formula = false;
                    hasValue = false;
                }
                case "f" -> formula = true;
                case "v", "is" -> inValue = true;
                default -> { }
            }
            poi.startElement(uri, localName, name, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inValue && length > 0) {
                hasValue = true;
            }
            poi.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String name) throws SAXException {
            if ("v".equals(localName) || "is".equals(localName)) {
                inValue = false;
            } else if ("c".equals(localName) && formula && !hasValue) {
                collector.formulaWithoutResult(cell == null ? "(unnamed)" : cell);
            }
            poi.endElement(uri, localName, name);
        }
    }

    /** POI's messages are the useful part; the class name only when there is no message. */
    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The 0-based column of a cell reference such as "AB12". */
    private static int columnIndex(String cellReference) {
        int column = 0;
        for (int i = 0; i < cellReference.length() && Character.isLetter(cellReference.charAt(i)); i++) {
            column = column * 26 + Character.toUpperCase(cellReference.charAt(i)) - 'A' + 1;
        }
        return column - 1;
    }
}
