package org.oostkit.wrt.web.results;

import org.oostkit.wrt.query.export.ReportNumbers;
import org.oostkit.wrt.web.i18n.AdminLanguage;

import java.util.List;

/**
 * A vertical bar chart as inline SVG: scales with the page (viewBox), a title and description for screen
 * readers, a tooltip and the value on every bar. The same numbers are on the page as a table too.
 */
final class BarChart {

    record Bar(String label, int value) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 280;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 16;
    private static final int BOTTOM = 48;

    private BarChart() {
    }

    static String render(String id, String title, String description, String xAxis, String yAxis, List<Bar> bars) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(Svg.escape(title)).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(Svg.escape(description)).append("</desc>");
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int max = bars.stream().mapToInt(Bar::value).max().orElse(0);
        int step = ReportNumbers.tickStep(Math.max(1, max));
        int top = Math.max(step, ((max + step - 1) / step) * step);
        // grid lines and y labels
        for (int tick = 0; tick <= top; tick += step) {
            double y = TOP + plotHeight - (double) tick / top * plotHeight;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(Svg.n(y)).append("\" y2=\"").append(Svg.n(y)).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(Svg.n(y + 4))
                    .append("\" text-anchor=\"end\">").append(tick).append("</text>");
        }
        if (bars.isEmpty()) {
            svg.append("<text class=\"empty\" x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\">").append(Svg.escape(AdminLanguage.text("chart.noData")))
                    .append("</text>");
        }
        double slot = bars.isEmpty() ? plotWidth : (double) plotWidth / bars.size();
        double barWidth = Math.max(2, Math.min(64, slot * 0.7));
        boolean labelEvery = bars.size() <= 24;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double height = (double) bar.value() / top * plotHeight;
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double y = TOP + plotHeight - height;
            svg.append("<g class=\"bar\"><title>").append(Svg.escape(xAxis + " " + bar.label() + ": " + bar.value()))
                    .append("</title><rect x=\"").append(Svg.n(x)).append("\" y=\"").append(Svg.n(y))
                    .append("\" width=\"").append(Svg.n(barWidth)).append("\" height=\"").append(Svg.n(height))
                    .append("\"/>");
            if (labelEvery || bar.value() == max) {
                svg.append("<text class=\"value\" x=\"").append(Svg.n(x + barWidth / 2)).append("\" y=\"")
                        .append(Svg.n(y - 4)).append("\" text-anchor=\"middle\">").append(bar.value()).append("</text>");
            }
            if (labelEvery || i % Math.max(1, bars.size() / 12) == 0) {
                svg.append("<text class=\"tick\" x=\"").append(Svg.n(x + barWidth / 2)).append("\" y=\"")
                        .append(TOP + plotHeight + 16).append("\" text-anchor=\"middle\">")
                        .append(Svg.escape(bar.label())).append("</text>");
            }
            svg.append("</g>");
        }
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(TOP + plotHeight).append("\" y2=\"").append(TOP + plotHeight).append("\"/>");
        svg.append("<text class=\"axis-label\" x=\"").append(LEFT + plotWidth / 2).append("\" y=\"").append(HEIGHT - 8)
                .append("\" text-anchor=\"middle\">").append(Svg.escape(xAxis)).append("</text>");
        svg.append("<text class=\"axis-label\" transform=\"rotate(-90)\" x=\"").append(-(TOP + plotHeight / 2))
                .append("\" y=\"12\" text-anchor=\"middle\">").append(Svg.escape(yAxis)).append("</text>");
        svg.append("</svg>");
        return svg.toString();
    }
}
