package com.partnerops.reconcile.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text that did not survive the trip from the admin's spreadsheet: characters the reader could not decode, or
 * UTF-8 read as Windows-1252 ("ChloÃ©" for "Chloé"), as happens when a file mixes encodings. Planning such a
 * value would write the damage into the tenant.
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

    /** The start of a value for a message: a 10,000-character cell would bury the message. */
    public static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "... (" + text.length() + " characters)";
    }
}
