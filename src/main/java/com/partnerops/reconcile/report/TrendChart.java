package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.SeatTrendPoint;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG line chart of a customer's seats over its imports: purchased (grey) and assigned (blue). Inline
 * so the page stays self-contained in a mail client that fetches nothing; drawn from numbers and dates only, so no
 * text from a file ever lands in the markup.
 */
final class TrendChart {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 120;
    private static final int PAD = 24;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private TrendChart() {
    }

    static String svg(List<SeatTrendPoint> points) {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\">");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fafafa\" stroke=\"#ddd\"/>");
        if (points.isEmpty()) {
            return svg.append(text(PAD, HEIGHT / 2, "no import recorded yet", "start")).append("</svg>").toString();
        }
        int max = Math.max(1, points.stream().mapToInt(p -> Math.max(p.seats().purchased(), p.seats().assigned()))
                .max().orElse(1));
        svg.append(line(points, max, true, "#999")).append(line(points, max, false, "#0a6ebd"));
        svg.append(text(PAD - 4, PAD + 4, String.valueOf(max), "end"));
        svg.append(text(PAD - 4, HEIGHT - PAD, "0", "end"));
        svg.append(text(PAD, HEIGHT - 6, DAY.format(points.get(0).importedAt()), "start"));
        if (points.size() > 1) {
            svg.append(text(WIDTH - PAD, HEIGHT - 6, DAY.format(points.get(points.size() - 1).importedAt()), "end"));
        }
        return svg.append("</svg>").toString();
    }

    private static String line(List<SeatTrendPoint> points, int max, boolean purchased, String colour) {
        StringBuilder coordinates = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            int seats = purchased ? points.get(i).seats().purchased() : points.get(i).seats().assigned();
            double x = points.size() == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (points.size() - 1);
            double y = HEIGHT - PAD - seats * (HEIGHT - 2.0 * PAD) / max;
            coordinates.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        String shape = points.size() == 1 ? "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"6\""
                + " stroke-linecap=\"round\"/>" : "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>";
        return String.format(Locale.ROOT, shape, coordinates.toString().strip(), colour);
    }

    private static String text(int x, int y, String label, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"10\" text-anchor=\"" + anchor + "\" fill=\"#555\">"
                + CellSafety.forHtml(label) + "</text>";
    }
}
