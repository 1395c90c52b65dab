package org.kontor.host.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out for inline SVG: the template draws each bar's rectangle and labels from the numbers here, so
 * no text from the data ends up in markup unescaped.
 *
 * @param currency ISO code of the amounts
 * @param bars     one per period, oldest first
 * @param max      the highest value, as formatted for the axis label
 */
public record BarChart(String currency, List<Bar> bars, String max, int width, int height) {

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    private static final int PLOT_TOP = 20;
    private static final int PLOT_BOTTOM = 200;
    private static final int LEFT = 10;

    /** One bar: its label (a month), value as formatted, and its rectangle. */
    public record Bar(String label, String value, int x, int y, int width, int height, int labelX, int labelY) {
    }

    /** A value for one period. */
    public record Point(String label, BigDecimal value, String formatted) {
    }

    public static BarChart of(String currency, List<Point> points, String formattedMax) {
        BigDecimal max = points.stream().map(Point::value).reduce(BigDecimal.ZERO, BigDecimal::max);
        int slot = points.isEmpty() ? WIDTH : (WIDTH - 2 * LEFT) / points.size();
        int barWidth = Math.max(4, slot * 7 / 10);
        int plotHeight = PLOT_BOTTOM - PLOT_TOP;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            int height = max.signum() <= 0 || point.value().signum() <= 0 ? 0
                    : Math.max(1, point.value().multiply(BigDecimal.valueOf(plotHeight))
                    .divide(max, 0, java.math.RoundingMode.HALF_UP).intValue());
            int x = LEFT + i * slot + (slot - barWidth) / 2;
            bars.add(new Bar(point.label(), point.formatted(), x, PLOT_BOTTOM - height, barWidth, height,
                    x + barWidth / 2, PLOT_BOTTOM + 16));
        }
        return new BarChart(currency, List.copyOf(bars), formattedMax, WIDTH, HEIGHT);
    }
}
