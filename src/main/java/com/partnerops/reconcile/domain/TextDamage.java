package com.partnerops.reconcile.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text that did not survive the trip from the admin's spreadsheet: characters the reader could not decode, or
 * UTF-8 read as Windows-1252 ("ChloÃ©" for "Chloé"), as happens when a file mixes encodings. Planning such a
 * value would write the damage into the tenant.
 *
 * <p>And characters no cell should carry at all: control characters, which a terminal obeys when a value is printed
 * ({@code ESC]0;...BEL} retitles the window, {@code ESC[2J} clears it), and Unicode's bidirectional overrides and
 * isolates, which make a value read differently from what it is. They are invisible in Excel, so they are refused
 * rather than planned, and escaped wherever a value is printed.
 */
public final class TextDamage {

    private static final char REPLACEMENT = '\uFFFD';
    /** A UTF-8 lead byte (Ã, Â, Å ...) decoded as Windows-1252, followed by a continuation byte decoded the same way. */
    private static final Pattern UTF8_AS_1252 = Pattern.compile("[\u00C2-\u00C5]"
            + "[\u0080-\u00BF\u2018-\u203A\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2122\u20AC]");
    private static final int EXCERPT = 60;

    private TextDamage() {
    }

    /** What is wrong with the text, said for the report, or empty when it reads fine. */
    static Optional<String> describe(String text) {
        if (text.indexOf(REPLACEMENT) >= 0) {
            return Optional.of("holds characters that could not be read (\uFFFD): the file's encoding is mixed;"
                    + " save it as UTF-8 and plan again");
        }
        if (UTF8_AS_1252.matcher(text).find()) {
            return Optional.of("looks like UTF-8 text read as Windows-1252 (as in 'Ã©' for 'é'): the file mixes"
                    + " encodings; save it as UTF-8 and plan again");
        }
        return Optional.empty();
    }

    /**
     * The first character of the text that no value may hold, as "a control character U+001B at position 5"
     * (counted from 1), or empty. Refused: C0 controls, DEL, C1 controls, and the bidirectional overrides and
     * isolates U+202A to U+202E and U+2066 to U+2069; tab and line breaks only where {@code list} is false.
     *
     * @param list whether the text is a list of names, where tabs and line breaks (Alt+Enter in Excel) are
     *     white space between entries; in a single value (a name, a job title) they are refused too
     */
    public static Optional<String> refusedCharacter(String text, boolean list) {
        // Every refused character is in the BMP and no surrogate, so a plain scan of chars finds whether there is
        // one; only then are code points counted for its position (every cell of every row passes here).
        if (!hasRefusedChar(text)) {
            return Optional.empty();
        }
        int position = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            position++;
            int c = text.codePointAt(i);
            boolean space = c == '\t' || c == '\n' || c == '\r';
            if (isRefused(c) && !(list && space)) {
                return Optional.of(kind(c) + String.format(" U+%04X", c) + " at position " + position);
            }
        }
        return Optional.empty();
    }

    /**
     * The text as a terminal may print it: each refused character written as its Java escape (ESC as backslash,
     * u, 001b), so a printed value can neither steer the terminal nor reorder the line. Line feeds and tabs stay,
     * since messages span lines.
     */
    public static String forTerminal(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
            if (isRefused(c) && c != '\t' && !lineEnd) {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    private static boolean hasRefusedChar(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isRefused(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRefused(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static String kind(int c) {
        if (c == '\n' || c == '\r') {
            return "a line break";
        }
        if (c == '\t') {
            return "a tab";
        }
        return c >= 0x202A ? "a bidirectional text control" : "a control character";
    }

    /** The start of a value for a message: a 10,000-character cell would bury the message. */
    public static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "... (" + text.length() + " characters)";
    }
}
