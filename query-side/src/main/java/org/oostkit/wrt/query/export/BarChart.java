package org.oostkit.wrt.query.export;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;

import java.util.List;
import java.util.function.Function;

/** A bar chart as vector graphics in a form XObject placed like an image: sharp at any zoom, no image library. */
record BarChart(String categoryAxis, List<Bar> bars) {

    /** One bar; highlighted bars get the accent colour (e.g. at or above the convergence threshold). */
    record Bar(String label, int value, boolean highlighted) {
    }

    static final Color BAR = new DeviceRgb(0x7A, 0x9C, 0xC6);
    static final Color ACCENT = new DeviceRgb(0x2F, 0x7D, 0x4F);
    private static final Color AXIS = new DeviceRgb(0x44, 0x44, 0x44);
    private static final Color GRID = new DeviceRgb(0xDD, 0xDD, 0xDD);
    private static final Color TEXT = new DeviceRgb(0x33, 0x33, 0x33);

    private static final float LABEL_SIZE = 7f;
    private static final float TITLE_SIZE = 7.5f;
    private static final float TOP = 12f;     // room for the value above the tallest bar
    private static final float BOTTOM = 26f;  // category labels and the axis title
    private static final float RIGHT = 6f;

    PdfFormXObject draw(PdfDocument pdf, ReportFonts fonts, float width, float height) {
        PdfFormXObject form = new PdfFormXObject(new Rectangle(width, height));
        PdfCanvas canvas = new PdfCanvas(form, pdf);
        int max = bars.stream().mapToInt(Bar::value).max().orElse(0);
        int step = ReportNumbers.tickStep(max);
        int axisMax = Math.max(step, (int) Math.ceil((double) max / step) * step);

        float left = Math.max(18f, fonts.regular().getWidth(Integer.toString(axisMax), LABEL_SIZE) + 8f);
        float plotWidth = width - left - RIGHT;
        float plotHeight = height - TOP - BOTTOM;
        float scale = plotHeight / axisMax;

        canvas.setLineWidth(0.5f);
        for (int tick = 0; tick <= axisMax; tick += step) {
            float y = BOTTOM + tick * scale;
            if (tick > 0) {
                canvas.setStrokeColor(GRID).moveTo(left, y).lineTo(left + plotWidth, y).stroke();
            }
            String label = Integer.toString(tick);
            text(canvas, fonts.regular(), LABEL_SIZE, left - 4 - fonts.regular().getWidth(label, LABEL_SIZE),
                    y - LABEL_SIZE / 3, label);
        }

        if (bars.isEmpty()) {
            String none = "no data yet";
            centred(canvas, fonts.regular(), LABEL_SIZE, left + plotWidth / 2, BOTTOM + plotHeight / 2, none);
        }
        float slot = bars.isEmpty() ? plotWidth : plotWidth / bars.size();
        float barWidth = Math.min(slot * 0.62f, 36f);
        int categoryEvery = every(fonts.regular(), slot, Bar::label);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            float centre = left + slot * i + slot / 2;
            float top = BOTTOM + bar.value() * scale;
            if (bar.value() > 0) {
                canvas.setFillColor(bar.highlighted() ? ACCENT : BAR)
                        .rectangle(centre - barWidth / 2, BOTTOM, barWidth, top - BOTTOM).fill();
            }
            String value = Integer.toString(bar.value());
            // a value wider than its slot would run over the neighbouring bar; the grid lines still tell it
            if (fonts.bold().getWidth(value, LABEL_SIZE) + 2 <= slot) {
                centred(canvas, fonts.bold(), LABEL_SIZE, centre, top + 3, value);
            }
            if (i % categoryEvery == 0) {
                centred(canvas, fonts.regular(), LABEL_SIZE, centre, BOTTOM - 10, bar.label());
            }
        }

        canvas.setStrokeColor(AXIS).setLineWidth(0.8f)
                .moveTo(left, BOTTOM + plotHeight).lineTo(left, BOTTOM).lineTo(left + plotWidth, BOTTOM).stroke();
        centred(canvas, fonts.regular(), TITLE_SIZE, left + plotWidth / 2, 2, categoryAxis);
        canvas.release();
        return form;
    }

    /** Every bar gets a label while the labels fit side by side; with many bars, every second, third … one. */
    private int every(PdfFont font, float slot, Function<Bar, String> label) {
        float widest = 0;
        for (Bar bar : bars) {
            widest = Math.max(widest, font.getWidth(label.apply(bar), LABEL_SIZE));
        }
        int every = 1;
        while (slot * every < widest + 3) {
            every++;
        }
        return every;
    }

    private static void centred(PdfCanvas canvas, PdfFont font, float size, float centre, float baseline, String s) {
        text(canvas, font, size, centre - font.getWidth(s, size) / 2, baseline, s);
    }

    private static void text(PdfCanvas canvas, PdfFont font, float size, float x, float baseline, String s) {
        canvas.beginText().setFontAndSize(font, size).setFillColor(TEXT).moveText(x, baseline).showText(s).endText();
    }
}
