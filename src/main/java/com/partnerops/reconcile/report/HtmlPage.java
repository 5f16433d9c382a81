package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.SeatTrendPoint;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds one self-contained HTML page (inline CSS, no scripts, nothing fetched) that opens the same offline and in a
 * locked-down mail client. Every value passes through {@link CellSafety#forHtml}; callers never supply markup.
 */
final class HtmlPage {

    private static final String STYLE = """
            body{font-family:Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;max-width:1200px;color:#222;padding:0 1em}
            h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
            th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
            table.facts th{background:none;border:none;padding-left:0}table.facts td{border:none;white-space:pre-line}
            .next{border:2px solid #0a6ebd;background:#eef6fc;padding:.2em 1em 1em;margin-top:2em}
            code{background:#fff;border:1px solid #ccc;padding:.2em .4em;font-size:1.1em}
            figure{display:inline-block;margin:.5em 1.5em .5em 0;vertical-align:top}figcaption{font-size:.85em;color:#555}
            """;

    private final String title;
    private final StringBuilder body = new StringBuilder();

    HtmlPage(String title) {
        this.title = title;
    }

    HtmlPage heading(String text) {
        body.append("<h2>").append(esc(text)).append("</h2>\n");
        return this;
    }

    HtmlPage paragraph(String text) {
        body.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    /** Label/value lines without a header row. */
    HtmlPage facts(Map<String, ?> facts) {
        body.append("<table class=\"facts\">\n");
        facts.forEach((label, value) -> body.append("<tr><th>").append(esc(label)).append("</th>")
                .append(cell(value)).append("</tr>\n"));
        body.append("</table>\n");
        return this;
    }

    /** A table, or {@code whenEmpty} as a sentence when there is no row, so an empty section still reads as checked. */
    HtmlPage table(List<String> header, List<? extends List<?>> rows, String whenEmpty) {
        if (rows.isEmpty()) {
            return paragraph(whenEmpty);
        }
        body.append("<table>\n<tr>");
        header.forEach(label -> body.append("<th>").append(esc(label)).append("</th>"));
        body.append("</tr>\n");
        for (List<?> row : rows) {
            body.append("<tr>");
            row.forEach(value -> body.append(cell(value)));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** The highlighted box that tells the reader the command to run next. */
    HtmlPage nextStep(String command, String explanation) {
        body.append("<div class=\"next\"><h2>Next step</h2>\n<p><code>").append(esc(command)).append("</code></p>\n<p>")
                .append(esc(explanation)).append("</p></div>\n");
        return this;
    }

    /** A chart of a customer's seats over its imports, drawn from numbers only (see {@link TrendChart}). */
    HtmlPage trend(String caption, List<SeatTrendPoint> points) {
        body.append("<figure>").append(TrendChart.svg(points)).append("<figcaption>").append(esc(caption))
                .append("</figcaption></figure>\n");
        return this;
    }

    void writeTo(Path file) throws IOException {
        Files.writeString(file, html(), StandardCharsets.UTF_8);
    }

    /** The whole page, as written to the file (and sent as a mail body). */
    String html() {
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<h1>" + esc(title) + "</h1>\n" + body
                + "</body>\n</html>\n";
        return page;
    }

    private static String cell(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return "<td class=\"n\">" + String.format(Locale.ROOT, "%,d", value) + "</td>";
        }
        if (value instanceof BigDecimal amount) {
            return "<td class=\"n\">" + String.format(Locale.ROOT, "%,.2f", amount) + "</td>";
        }
        return "<td>" + esc(value == null ? "" : value.toString()) + "</td>";
    }

    private static String esc(String text) {
        return CellSafety.forHtml(text);
    }
}
