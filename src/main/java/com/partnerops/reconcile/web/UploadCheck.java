package com.partnerops.reconcile.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Tells an upload's kind by its first bytes, never by its name: a workbook is a zip (an .xlsx or .xlsm), a desired
 * file is text (any of the encodings the CSV reader takes). Anything else is refused before it reaches a reader.
 */
final class UploadCheck {

    enum Kind { WORKBOOK, TEXT }

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final int SNIFF = 8192;

    private UploadCheck() {
    }

    /** @return the kind, or why the file is refused */
    static Kind kind(MultipartFile file) throws IOException {
        byte[] head;
        try (InputStream in = file.getInputStream()) {
            head = in.readNBytes(SNIFF);
        }
        Optional<String> refusal = refusal(head);
        if (refusal.isPresent()) {
            throw new RefusedUploadException(name(file) + ": " + refusal.get());
        }
        return startsWith(head, ZIP) ? Kind.WORKBOOK : Kind.TEXT;
    }

    private static Optional<String> refusal(byte[] head) {
        if (head.length == 0) {
            return Optional.of("the file is empty");
        }
        if (startsWith(head, ZIP)) {
            return Optional.empty();
        }
        if (startsWith(head, OLE2)) {
            return Optional.of("an Excel 97-2003 (.xls) workbook: save it as .xlsx (Excel Workbook) and upload that");
        }
        boolean utf16 = (head.length >= 2) && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
        if (!utf16 && (contains(head, (byte) 0) || new String(head, 0, Math.min(2, head.length),
                StandardCharsets.ISO_8859_1).equals("MZ"))) {
            return Optional.of("neither a CSV text file nor an Excel workbook (.xlsx): upload a desired-state"
                    + " spreadsheet");
        }
        return Optional.empty();
    }

    /** The name the file is stored and reported under: its own, without any folder, and the extension its kind has. */
    static String storedName(MultipartFile file, Kind kind) {
        String name = name(file).replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        String lower = name.toLowerCase(Locale.ROOT);
        if (kind == Kind.WORKBOOK && !(lower.endsWith(".xlsx") || lower.endsWith(".xlsm"))) {
            return name + ".xlsx";
        }
        if (kind == Kind.TEXT && (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls"))) {
            return name + ".csv";
        }
        return name;
    }

    private static String name(MultipartFile file) {
        String original = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        String base = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        return base.isBlank() ? "upload" : base;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean contains(byte[] bytes, byte value) {
        for (byte b : bytes) {
            if (b == value) {
                return true;
            }
        }
        return false;
    }

    /** An upload refused for what it is, with a message a person can act on. */
    static final class RefusedUploadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedUploadException(String message) {
            super(message);
        }
    }
}
