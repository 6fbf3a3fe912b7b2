package org.oostkit.wrt.query.export;

import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.events.Event;
import com.itextpdf.kernel.events.IEventHandler;
import com.itextpdf.kernel.events.PdfDocumentEvent;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;

/**
 * "Campaign · page n of m" at the foot of every page: m is unknown while pages are flushed, so a shared
 * placeholder is filled by {@link #writeTotal} once the layout is done.
 */
final class PageFooter implements IEventHandler {

    private static final float SIZE = 7.5f;

    private final PdfDocument pdf;
    private final ReportFonts fonts;
    private final String label;
    private final float margin;
    private final PdfFormXObject total;

    PageFooter(PdfDocument pdf, ReportFonts fonts, String label, float margin) {
        this.pdf = pdf;
        this.fonts = fonts;
        this.label = label;
        this.margin = margin;
        this.total = new PdfFormXObject(new Rectangle(0, 0, 30, SIZE + 2));
    }

    @Override
    public void handleEvent(Event event) {
        PdfPage page = ((PdfDocumentEvent) event).getPage();
        Rectangle size = page.getPageSize();
        String pageOf = "page " + pdf.getPageNumber(page) + " of ";
        float y = margin / 2;
        float pageOfX = size.getRight() - margin - fonts.regular().getWidth(pageOf, SIZE)
                - fonts.regular().getWidth("000", SIZE);
        PdfCanvas canvas = new PdfCanvas(page.newContentStreamAfter(), page.getResources(), pdf);
        canvas.setStrokeColor(new DeviceRgb(0xCC, 0xCC, 0xCC)).setLineWidth(0.5f)
                .moveTo(margin, y + SIZE + 4).lineTo(size.getRight() - margin, y + SIZE + 4).stroke();
        canvas.beginText().setFontAndSize(fonts.regular(), SIZE).setFillColor(new DeviceRgb(0x66, 0x66, 0x66))
                .moveText(margin, y).showText(fitted(label, pageOfX - margin - 12)).endText();
        canvas.beginText().setFontAndSize(fonts.regular(), SIZE).setFillColor(new DeviceRgb(0x66, 0x66, 0x66))
                .moveText(pageOfX, y).showText(pageOf).endText();
        canvas.addXObjectAt(total, pageOfX + fonts.regular().getWidth(pageOf, SIZE), y);
        canvas.release();
    }

    /** The text, shortened with an ellipsis where it would run into the page number. */
    private String fitted(String text, float width) {
        if (fonts.regular().getWidth(text, SIZE) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && fonts.regular().getWidth(cut + "\u2026", SIZE) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
    }

    /** Fills the placeholder; call when everything has been laid out, before closing the document. */
    void writeTotal() {
        PdfCanvas canvas = new PdfCanvas(total, pdf);
        canvas.beginText().setFontAndSize(fonts.regular(), SIZE).setFillColor(new DeviceRgb(0x66, 0x66, 0x66))
                .moveText(0, 0).showText(Integer.toString(pdf.getNumberOfPages())).endText();
        canvas.release();
    }
}
