package org.oostkit.wrt.query.export;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws the ranked list straight onto the page canvas, since the layout engine's tables cost half a
 * millisecond per row (fifteen seconds for 30,000 people) and this a few microseconds.
 */
final class RankedList {

    static final float SIZE = 8.5f;
    static final float ROW = 13f;
    static final float NOTE_SIZE = 7.5f;
    static final float NOTE_ROW = 10f;
    private static final float PAD = 3f;

    /** A column: its title, its share of the width, right-aligned or not. */
    record Column(String title, float share, boolean right) {
    }

    private final PdfDocument pdf;
    private final ReportFonts fonts;
    private final List<Column> columns;
    private final float left;
    private final float width;
    private final float top;
    private final float bottom;
    private final Color header;
    private final Color highlight;
    private final Color rule;
    private final Color ink;
    private PdfCanvas canvas;
    private float y;
    private int rows;
    private int pages;

    RankedList(PdfDocument pdf, ReportFonts fonts, List<Column> columns, float margin, float bottomMargin,
               Color header, Color highlight, Color rule, Color ink) {
        this.pdf = pdf;
        this.fonts = fonts;
        this.columns = columns;
        this.left = margin;
        this.width = PageSize.A4.getWidth() - 2 * margin;
        this.top = PageSize.A4.getHeight() - margin;
        this.bottom = bottomMargin;
        this.header = header;
        this.highlight = highlight;
        this.rule = rule;
        this.ink = ink;
    }

    /** Starts on the given page, below {@code startY}. */
    void start(PdfPage page, float startY) {
        canvas = new PdfCanvas(page);
        y = startY;
        if (y - 2 * ROW < bottom) {
            newPage();
        } else {
            header();
        }
    }

    void row(String[] values, boolean converged) {
        if (y - ROW < bottom) {
            newPage();
        }
        if (converged) {
            canvas.saveState().setFillColor(highlight).rectangle(left, y - ROW, width, ROW).fill().restoreState();
        }
        cells(values, converged ? fonts.bold() : fonts.regular(), ink);
        canvas.saveState().setStrokeColor(rule).setLineWidth(0.5f)
                .moveTo(left, y - ROW).lineTo(left + width, y - ROW).stroke().restoreState();
        y -= ROW;
        rows++;
    }

    /**
     * Notes under the last row (the reasons given for naming that person), in small type from the second
     * column on, each wrapped to the width; a page break repeats the header before the next line.
     */
    void notes(List<String> notes, Color muted) {
        if (notes.isEmpty()) {
            return;
        }
        float indent = left + width * columns.get(0).share() + PAD;
        float available = left + width - PAD - indent;
        // one text object per person and page, each line a move down: tens of thousands of notes stay cheap
        boolean open = false;
        for (String note : notes) {
            for (String line : wrap(fonts.printable(note), fonts.regular(), available)) {
                if (y - NOTE_ROW < bottom) {
                    if (open) {
                        canvas.endText();
                        open = false;
                    }
                    newPage();
                }
                if (!open) {
                    canvas.beginText().setFontAndSize(fonts.regular(), NOTE_SIZE).setFillColor(muted)
                            .moveText(indent, y - NOTE_ROW + 3);
                    open = true;
                } else {
                    canvas.moveText(0, -NOTE_ROW);
                }
                canvas.showText(line);
                y -= NOTE_ROW;
            }
        }
        if (open) {
            canvas.endText();
        }
        canvas.saveState().setStrokeColor(rule).setLineWidth(0.5f)
                .moveTo(left, y - 1).lineTo(left + width, y - 1).stroke().restoreState();
        y -= 2;
    }

    /** The text broken into lines of at most the width at the note size (a word too long is cut). */
    static List<String> wrap(String text, PdfFont font, float available) {
        if (text.chars().noneMatch(c -> c < ' ') && font.getWidth(text, NOTE_SIZE) <= available) {
            return List.of(text.strip()); // most reasons fit one line: measured once, not word by word
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getWidth(candidate, NOTE_SIZE) <= available) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (font.getWidth(rest, NOTE_SIZE) > available && rest.length() > 1) {
                int end = rest.length();
                while (end > 1 && font.getWidth(rest.substring(0, end), NOTE_SIZE) > available) {
                    end--;
                }
                lines.add(rest.substring(0, end));
                rest = rest.substring(end);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Ends the list; says so when nobody was in it. */
    void finish(String whenEmpty, Color muted) {
        if (rows == 0) {
            text(whenEmpty, fonts.regular(), muted, left + PAD, y - ROW + 4);
        }
        canvas.release();
    }

    private void newPage() {
        canvas.release();
        PdfPage finished = pdf.getLastPage();
        if (pages++ > 0) {
            finished.flush(); // written out now: memory stays flat however long the list (not the layout's page)
        }
        canvas = new PdfCanvas(pdf.addNewPage(PageSize.A4));
        y = top;
        header();
    }

    private void header() {
        canvas.saveState().setFillColor(header).rectangle(left, y - ROW - 1, width, ROW + 1).fill().restoreState();
        String[] titles = columns.stream().map(Column::title).toArray(String[]::new);
        cells(titles, fonts.bold(), ColorConstants.WHITE);
        y -= ROW + 1;
    }

    private void cells(String[] values, PdfFont font, Color color) {
        float x = left;
        float baseline = y - ROW + 4;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            float columnWidth = width * column.share();
            String text = fit(fonts.printable(values[i]), font, columnWidth - 2 * PAD);
            float textX = column.right() ? x + columnWidth - PAD - font.getWidth(text, SIZE) : x + PAD;
            text(text, font, color, textX, baseline);
            x += columnWidth;
        }
    }

    private void text(String text, PdfFont font, Color color, float x, float baseline) {
        if (text.isEmpty()) {
            return;
        }
        canvas.beginText().setFontAndSize(font, SIZE).setFillColor(color).moveText(x, baseline).showText(text)
                .endText();
    }

    /** The text, shortened with "..." to fit the width. */
    static String fit(String text, PdfFont font, float available) {
        if (font.getWidth(text, SIZE) <= available) {
            return text;
        }
        int end = text.length();
        while (end > 0 && font.getWidth(text.substring(0, end) + "...", SIZE) > available) {
            end--;
        }
        return text.substring(0, end) + "...";
    }
}
