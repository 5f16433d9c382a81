package com.partnerops.reconcile.malformed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the binary workbooks of the malformed-input corpus ({@code src/test/resources/malformed/}) with POI. Each file
 * is written only when missing, on its own, so the committed files stay as they are and no test depends on another
 * having generated something first. Run {@link #main} to (re)create missing files by hand.
 */
public final class CorpusFiles {

    /** The folder the corpus lives in, relative to the project root (the working directory of Maven's tests). */
    public static final Path DIR = Path.of("src", "test", "resources", "malformed");

    static final String PASSWORD = "Contoso2026!";
    private static final List<String> HEADER = List.of("customer", "userPrincipalName", "jobTitle");
    private static final List<String> ROW = List.of("Contoso Ltd", "adele.vance@contoso.com", "Store Manager");

    private interface Content {
        byte[] bytes() throws IOException, GeneralSecurityException;
    }

    private static final Map<String, Content> FILES = Map.of(
            "real.xls", CorpusFiles::xls,
            "real-xls-renamed.xlsx", CorpusFiles::xls,
            "password-protected.xlsx", CorpusFiles::encrypted,
            "first-sheet-empty.xlsx", CorpusFiles::firstSheetEmpty,
            "formulas-cached.xlsx", () -> formulas(true),
            "formulas-without-cached-values.xlsx", () -> formulas(false),
            "duplicate-header.xlsx", CorpusFiles::duplicateHeader,
            "truncated.xlsx", CorpusFiles::truncated);

    private CorpusFiles() {
    }

    public static void main(String[] args) {
        ensureWorkbooks(args.length > 0 ? Path.of(args[0]) : DIR);
    }

    /** Creates every corpus workbook missing from {@code dir}; existing files are left untouched. */
    public static void ensureWorkbooks(Path dir) {
        FILES.forEach((name, content) -> {
            Path target = dir.resolve(name);
            if (Files.isRegularFile(target)) {
                return;
            }
            try {
                Files.createDirectories(dir);
                // written beside the target then moved, so a half-written file never looks like a corpus file
                Path partial = dir.resolve(name + ".part");
                Files.write(partial, content.bytes());
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot encrypt " + target, e);
            }
        });
    }

    /** An Excel 97-2003 workbook holding a perfectly good desired-state table. */
    private static byte[] xls() throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            fill(workbook.createSheet("Users"), HEADER, ROW);
            return bytes(workbook);
        }
    }

    /** A good .xlsx encrypted with a password (agile encryption, as Excel's "Encrypt with Password" does). */
    private static byte[] encrypted() throws IOException, GeneralSecurityException {
        byte[] plain = goodXlsx();
        try (POIFSFileSystem container = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(PASSWORD);
            try (OutputStream out = encryptor.getDataStream(container)) {
                out.write(plain);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            container.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }

    /** A cover sheet left empty, the data on the second sheet: the admin forgot to pass --sheet. */
    private static byte[] firstSheetEmpty() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Notes");
            fill(workbook.createSheet("Users"), HEADER, ROW);
            return bytes(workbook);
        }
    }

    /**
     * Every data cell a formula. With cached values, as Excel saves them; without, as some export tools write them
     * (a formula and no result).
     */
    private static byte[] formulas(boolean cached) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Users");
            fill(sheet, List.of("customer", "userPrincipalName", "jobTitle", "department"), List.of());
            Row row = sheet.createRow(1);
            row.createCell(0).setCellFormula("\"Contoso\"&\" Ltd\"");
            row.createCell(1).setCellFormula("LOWER(\"ADELE.VANCE@CONTOSO.COM\")");
            row.createCell(2).setCellFormula("CONCATENATE(\"Store\",\" \",\"Manager\")");
            row.createCell(3).setCellFormula("\"Dept \"&(40+2)");
            if (cached) {
                workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            }
            return bytes(workbook);
        }
    }

    /** The same column twice, so the message can name both column letters. */
    private static byte[] duplicateHeader() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook.createSheet("Users"), List.of("customer", "userPrincipalName", "licenses", "jobTitle",
                    "Licenses"), List.of("Contoso Ltd", "adele.vance@contoso.com", "SPB", "Store Manager", ""));
            return bytes(workbook);
        }
    }

    /** A good workbook cut after its first half, like an interrupted copy or download. */
    private static byte[] truncated() throws IOException {
        byte[] whole = goodXlsx();
        return Arrays.copyOf(whole, whole.length / 2);
    }

    private static byte[] goodXlsx() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook.createSheet("Users"), HEADER, ROW);
            return bytes(workbook);
        }
    }

    private static void fill(Sheet sheet, List<String> header, List<String> values) {
        List<List<String>> rows = values.isEmpty() ? List.of(header) : List.of(header, values);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (!rows.get(r).get(c).isEmpty()) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
        }
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
