package com.partnerops.reconcile.report;

import java.util.regex.Pattern;

/** Makes cell text inert wherever a report puts it, so a crafted user name or message cannot run in Excel or a browser. */
public final class CellSafety {

    /** What spreadsheet programs read as the start of a formula (OWASP CSV injection list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** Seat deltas such as -3 must stay numbers a spreadsheet can sum. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private CellSafety() {
    }

    /** The value with a leading apostrophe when a spreadsheet would otherwise evaluate it; plain numbers stay as they are. */
    public static String forCsv(String value) {
        if (value == null) {
            return "";
        }
        if (value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0 || PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    /** The value as HTML text, safe both in element content and in quoted attributes. */
    public static String forHtml(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
